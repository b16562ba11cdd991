"""Loading the record a dinas view is about: 404 when it does not exist in this dinas, 403 when
the signed-in user may not read it (web/domain/akses.py). Every dinas view loads through here."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from web.domain.akses import boleh_lihat_pegawai, boleh_lihat_sekolah
from web.models import Pegawai, Sekolah


def sekolah_atau_404(sekolah_id: int) -> Sekolah:
    sekolah = Sekolah.get_or_none(Sekolah.id == sekolah_id)
    if sekolah is None:
        abort(404)
    if not boleh_lihat_sekolah(current_user.roles, current_user.sekolah_dipimpin, sekolah.id):
        abort(403)
    return sekolah


def pegawai_atau_404(pegawai_id: int) -> Pegawai:
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        abort(404)
    user = current_user
    if not boleh_lihat_pegawai(
        user.roles, user.sekolah_dipimpin, user.pegawai.id, pegawai.id, pegawai.sekolah_id
    ):
        abort(403)
    return pegawai
