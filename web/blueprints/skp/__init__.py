"""SKP planning pages: the pegawai's journey from draft to submission (rencana), the penilai's
review (persetujuan), the versions, history and printable document (dokumen), and the progress
of a school or the whole dinas (kemajuan). Each view loads → checks → calls one service →
responds; the rules are in web/domain/skp.py and the use cases in web/services/skp.py.
"""

from flask import Blueprint

bp = Blueprint("skp", __name__, url_prefix="/skp")

# The modules register their views on `bp`.
from web.blueprints.skp import dokumen, kemajuan, persetujuan, rencana  # noqa: E402, F401
