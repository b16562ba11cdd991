"""Error pages in Bahasa Indonesia, each with a way back."""

from __future__ import annotations

from flask import Flask, g
from flask.wrappers import Response
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from web.db import restart_request_transaction
from web.htmx import render

PAGES: dict[int, tuple[str, str]] = {
    400: (
        "Permintaan tidak dapat diproses",
        "Formulir ini sudah kedaluwarsa atau tidak lengkap. Muat ulang halaman, lalu coba lagi.",
    ),
    403: (
        "Anda tidak punya akses ke halaman ini",
        "Halaman ini untuk peran lain. Bila menurut Anda ini keliru, hubungi admin dinas Anda.",
    ),
    404: (
        "Halaman tidak ditemukan",
        "Alamat ini tidak ada atau sudah dipindahkan. Periksa kembali alamatnya.",
    ),
    405: (
        "Cara membuka halaman ini tidak didukung",
        "Gunakan tautan atau tombol di aplikasi, bukan alamat yang diketik.",
    ),
    410: (
        "Tautan sudah kedaluwarsa",
        "Tautan unduhan hanya berlaku beberapa menit. Buka lagi halaman asalnya untuk tautan baru.",
    ),
    413: (
        "Berkas terlalu besar",
        "Ukuran berkas paling besar 10 MB, dan tidak ada yang tersimpan. Kembali ke halaman "
        "sebelumnya dengan tombol Kembali pada peramban, perkecil berkasnya (mis. pindai ulang "
        "dengan resolusi lebih rendah), lalu unggah lagi.",
    ),
    422: (
        "Data belum dapat disimpan",
        "Ada isian yang belum sesuai. Kembali ke halaman sebelumnya dan periksa isian Anda.",
    ),
    429: (
        "Terlalu banyak percobaan",
        "Tunggu sebentar, lalu coba lagi.",
    ),
    500: (
        "Terjadi kesalahan di sistem kami",
        "Data Anda yang belum tersimpan tidak diubah. Coba lagi beberapa saat lagi.",
    ),
    503: (
        "Layanan sedang tidak tersedia",
        "Layanan untuk dinas ini sedang ditangguhkan. Hubungi dinas pendidikan Anda.",
    ),
}


def error_page(code: int, message: str | None = None) -> Response:
    title, default_message = PAGES.get(code, PAGES[500])
    return render(
        "errors/error.html",
        status=code,
        code=code,
        title=title,
        message=message or default_message,
        suspended=g.get("suspended_tenant"),
    )


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_refused(error: CSRFError) -> Response:
        return error_page(400)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        if error.code is None or error.code < 400:
            return error  # type: ignore[return-value]
        return error_page(error.code)

    @app.errorhandler(InternalServerError)
    def server_error(error: InternalServerError) -> Response:
        restart_request_transaction()
        return error_page(500)
