"""The main menu: every entry is shown only to those its endpoint's access declaration admits,
so the menu can never offer a page that answers 403."""

from __future__ import annotations

from flask import Flask, g
from flask_login import current_user

from web.auth import access_of

MENU: tuple[tuple[str, str], ...] = (
    ("Beranda", "beranda.index"),
    ("SKP saya", "skp.index"),
    ("Siklus saya", "siklus.index"),
    ("Dokumen", "siklus.dokumen"),
    ("Perlu disetujui", "skp.persetujuan"),
    ("Siklus pegawai", "siklus.penilai"),
    ("Tim kerja", "siklus.tim"),
    ("Kehadiran guru", "siklus.kehadiran"),
    ("Evaluasi", "evaluasi.daftar"),
    ("Hasil evaluasi", "evaluasi.saya"),
    ("Kemajuan SKP", "skp.kemajuan"),
    ("Rekap evaluasi", "evaluasi.rekap"),
    ("Sekolah", "dinas.daftar_sekolah"),
    ("Pegawai", "dinas.daftar_pegawai"),
    ("Katalog", "dinas.katalog"),
    ("Laporan data", "dinas.laporan_data"),
    ("Daftar dinas", "operator.index"),
)


def nav_items() -> list[tuple[str, str]]:
    on_apex = g.get("tenant") is None
    items = []
    for label, endpoint in MENU:
        access = access_of(endpoint)
        if access and access.serves(on_apex=on_apex) and access.allows(current_user):
            items.append((label, endpoint))
    return items


def init_app(app: Flask) -> None:
    app.add_template_global(nav_items)
