"""Which evidence files are accepted: PDF, JPEG or PNG, recognised by their first bytes and
never by the name or the type the browser claims (DOMAIN.md §6), at most 10 MB; and how a
file's name and size are written back to the user."""

from __future__ import annotations

UKURAN_MAKSIMAL = 10 * 1024 * 1024  # the ministry's limit per file

# What each accepted type's content starts with.
TANDA = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
PERLU_DIBACA = max(len(tanda) for tanda, _ in TANDA)

AKHIRAN = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}

# What a file input may offer in the picker. Only a hint for the browser: the content decides.
DITERIMA = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"

PANJANG_NAMA = 200
NAMA_BAKU = "berkas"


def jenis_dari_isi(awal: bytes) -> str | None:
    """The media type of a file from its first bytes, or None when it is none of the accepted."""
    for tanda, jenis in TANDA:
        if awal.startswith(tanda):
            return jenis
    return None


def pesan_ditolak(alasan: str) -> str:
    """The sentence shown for a refused upload; `alasan` is one of kosong, jenis, besar,
    terputus."""
    return {
        "kosong": "Berkas kosong. Pilih berkas PDF, JPG atau PNG yang berisi.",
        "jenis": (
            "Berkas harus PDF, JPG atau PNG. Isi berkas ini bukan salah satunya, apa pun "
            "nama berkasnya."
        ),
        "besar": "Berkas lebih dari 10 MB. Perkecil (mis. pindai ulang dengan resolusi lebih "
        "rendah) lalu unggah lagi.",
        "terputus": "Unggahan terputus sebelum selesai, jadi tidak ada yang tersimpan. "
        "Periksa sambungan internet lalu unggah lagi.",
    }[alasan]


def nama_aman(nama: str | None) -> str:
    """The name a file is listed under: the last part of what the browser sent (some send a
    whole Windows path), without control characters, at most 200 characters. It is only ever
    shown, never used as a storage key."""
    bagian = (nama or "").replace("\\", "/").rsplit("/", 1)[-1]
    bersih = "".join(c for c in bagian if c.isprintable()).strip()
    return bersih[:PANJANG_NAMA] or NAMA_BAKU


def nama_unduhan(nama: str, jenis: str) -> str:
    """The name a download is saved under: the listed name, ending in its type's extension so
    the phone opens it with the right app."""
    akhiran = "." + AKHIRAN[jenis]
    if nama.lower().endswith(akhiran) or (jenis == "image/jpeg" and nama.lower().endswith(".jpeg")):
        return nama
    return nama + akhiran


def tulis_ukuran(byte: int) -> str:
    """A size the way Indonesian pages write it: "850 KB", "1,2 MB" (1 KB = 1024 bytes)."""
    kb = round(byte / 1024)
    if kb < 1024:
        return f"{max(kb, 1 if byte else 0)} KB"
    mb = byte / (1024 * 1024)
    teks = f"{mb:.1f}".replace(".", ",")
    return f"{teks.removesuffix(',0')} MB"
