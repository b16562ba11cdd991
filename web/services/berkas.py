"""Evidence files: storing an upload, who may download it, and which files prove more than one
thing.

An upload is streamed to the evidence store (web/storage.py) with the 10 MB cap and its SHA-256
counted on the way; its type is read from its first bytes. The row is written only after the
object is stored, and if the request's transaction then does not commit (a later validation,
an error) the object is deleted again: a failed or refused upload leaves neither an object nor
a row behind.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from flask import current_app
from werkzeug.exceptions import ClientDisconnected

from web.auth import DinasUser
from web.db import if_rolled_back
from web.domain import berkas as aturan
from web.models import Berkas, Pegawai
from web.services.siklus import pihak
from web.storage import Storage, TooLarge, make_key

TTL_TAUTAN = 300  # seconds a download link stays valid


class BerkasError(ValueError):
    """An upload that is refused; `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _storage() -> Storage:
    return current_app.extensions["storage"]


class _Awal(io.RawIOBase):
    """The already-read first bytes, then the rest of the stream, as one readable stream. A read
    that fails because the client went away becomes the user's "terputus" refusal; the storage
    backend then removes what it had written (web/storage.py)."""

    def __init__(self, awal: bytes, sisa: BinaryIO):
        self._awal, self._sisa = awal, sisa

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if self._awal:
            if n < 0 or n >= len(self._awal):
                bagian, self._awal = self._awal, b""
                return bagian + _baca(self._sisa, -1 if n < 0 else n - len(bagian))
            bagian, self._awal = self._awal[:n], self._awal[n:]
            return bagian
        return _baca(self._sisa, n)


def _baca(stream: BinaryIO, n: int) -> bytes:
    try:
        return stream.read(n) or b""
    except (OSError, ClientDisconnected):
        raise BerkasError(aturan.pesan_ditolak("terputus")) from None


def _awal(stream: BinaryIO) -> bytes:
    """The first bytes that tell the type; a stream may hand them over in several reads."""
    awal = b""
    while len(awal) < aturan.PERLU_DIBACA:
        bagian = _baca(stream, aturan.PERLU_DIBACA - len(awal))
        if not bagian:
            break
        awal += bagian
    return awal


def simpan(
    user: DinasUser, pemilik: Pegawai, stream: BinaryIO, nama: str, *, jenis_objek: str
) -> Berkas:
    """Store an uploaded file as `pemilik`'s evidence; BerkasError when it is empty, not a PDF,
    JPEG or PNG by content, over 10 MB, or cut off mid-way. `jenis_objek` names the kind in the
    storage key (e.g. "kegiatan", "dokumen").

    Nothing is left behind on a refusal. Once stored, the object is deleted again if the
    request's transaction does not commit; outside a request (tests, jobs) the caller's
    transaction decides, and only a failure to write the row here deletes it at once."""
    awal = _awal(stream)
    if not awal:
        raise BerkasError(aturan.pesan_ditolak("kosong"))
    jenis = aturan.jenis_dari_isi(awal)
    if jenis is None:
        raise BerkasError(aturan.pesan_ditolak("jenis"))
    kunci = make_key(user.schema, jenis_objek)
    storage = _storage()
    try:
        stored = storage.put(
            kunci, _Awal(awal, stream), content_type=jenis, max_bytes=aturan.UKURAN_MAKSIMAL
        )
    except TooLarge:
        raise BerkasError(aturan.pesan_ditolak("besar")) from None
    if_rolled_back(lambda: storage.delete(kunci))
    try:
        return Berkas.create(
            pegawai=pemilik.id,
            kunci=stored.key,
            nama=aturan.nama_aman(nama),
            jenis=jenis,
            ukuran=stored.size,
            sha256=stored.sha256,
            diunggah_oleh=user.pegawai.id,
        )
    except BaseException:
        storage.delete(kunci)
        raise


def boleh_unduh(user: DinasUser, berkas: Berkas) -> bool:
    """The pegawai whose evidence it is, their penilai today, and their tim kerja members."""
    return bool(pihak(user, berkas.pegawai))


def tautan(berkas: Berkas) -> str:
    """A short-lived download link, for someone `boleh_unduh` admitted."""
    nama = aturan.nama_unduhan(berkas.nama, berkas.jenis)
    return _storage().url(berkas.kunci, ttl=TTL_TAUTAN, filename=nama, content_type=berkas.jenis)


def sama_dengan(berkas: Berkas) -> list[Berkas]:
    """The pegawai's other files with the same content (same SHA-256)."""
    return list(
        Berkas.select()
        .where(
            Berkas.pegawai == berkas.pegawai_id,
            Berkas.sha256 == berkas.sha256,
            Berkas.id != berkas.id,
        )
        .order_by(Berkas.diunggah)
    )
