"""Evaluations: the penilai's page per pegawai and period (penilai), the pegawai's own results
and the printable document (hasil), and the predikat per school and dinas (rekap). Rules:
web/domain/evaluasi.py."""

from flask import Blueprint

bp = Blueprint("evaluasi", __name__, url_prefix="/evaluasi")

# The modules register their views on `bp`.
from web.blueprints.evaluasi import hasil, penilai, rekap  # noqa: E402, F401
