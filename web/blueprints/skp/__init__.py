"""SKP planning pages: the pegawai's journey from draft to submission (rencana), the penilai's
review (persetujuan), the versions, history and printable document (dokumen), and the progress
of a school or the whole dinas (kemajuan). Each view loads → checks → calls one service →
responds; the rules are in web/domain/skp.py and the use cases in web/services/skp.py.
"""

from flask import Blueprint, abort, request

from web.models.base import hari_ini

bp = Blueprint("skp", __name__, url_prefix="/skp")

# The first regime's year: no plan can exist before it.
TAHUN_PERTAMA = 2024


def tahun_boleh(tahun: int) -> bool:
    """Years that can hold a plan: from the first regime's up to next year."""
    return TAHUN_PERTAMA <= tahun <= hari_ini().year + 1


def tahun_sah(tahun: int | None = None) -> int:
    """The year of the URL (or of ?tahun=, this year by default), or 404: other years name
    nothing, and asking for one must not create its windows."""
    if tahun is None:
        tahun = request.args.get("tahun", hari_ini().year, type=int)
    if not tahun_boleh(tahun):
        abort(404)
    return tahun


# Pages link only to years a URL may name.
bp.add_app_template_global(tahun_boleh)
bp.add_app_template_global(TAHUN_PERTAMA, "tahun_pertama")


# The modules register their views on `bp`.
from web.blueprints.skp import dokumen, kemajuan, persetujuan, rencana  # noqa: E402, F401
