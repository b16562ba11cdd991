"""Which evidence files are accepted: PDF, JPEG or PNG, recognised by their first bytes and
never by the name or the type the browser claims (DOMAIN.md §6), at most 10 MB."""

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


def jenis_dari_isi(awal: bytes) -> str | None:
    """The media type of a file from its first bytes, or None when it is none of the accepted."""
    for tanda, jenis in TANDA:
        if awal.startswith(tanda):
            return jenis
    return None


def pesan_ditolak(alasan: str) -> str:
    """The sentence shown for a refused upload; `alasan` is one of kosong, jenis, besar."""
    return {
        "kosong": "Berkas kosong. Pilih berkas PDF, JPG atau PNG yang berisi.",
        "jenis": (
            "Berkas harus PDF, JPG atau PNG. Isi berkas ini bukan salah satunya, apa pun "
            "nama berkasnya."
        ),
        "besar": "Berkas lebih dari 10 MB. Perkecil (mis. pindai ulang dengan resolusi lebih "
        "rendah) lalu unggah lagi.",
    }[alasan]
