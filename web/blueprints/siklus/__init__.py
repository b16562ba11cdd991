"""The improvement cycle of a semester: the task list and the step pages A, C, E (langkah), the
observation B and the tim kerja (observasi, tim), the follow-up D (tindak_lanjut), the
accountability documents and class attendance (akuntabilitas), and continuous feedback
(umpan_balik). Rules: web/domain/siklus.py; who the user is to a cycle: web/services/siklus.py.
"""

from collections.abc import Set

from flask import Blueprint, url_for

from web.domain.siklus import Pihak

bp = Blueprint("siklus", __name__, url_prefix="/siklus")


def kembali(pihak: Set[Pihak], tahun: int | None = None, semester: int | None = None) -> str:
    """Where "back" goes from a page of someone's cycle: the pegawai's own task list, the
    penilai's overview, or a tim kerja member's list of those they observe."""
    periode = {"tahun": tahun, "semester": semester} if tahun is not None else {}
    if Pihak.PEGAWAI in pihak:
        return url_for("siklus.index", **periode)
    if Pihak.PENILAI in pihak:
        return url_for("siklus.penilai", **periode)
    return url_for("siklus.amati")


# The modules register their views on `bp`.
from web.blueprints.siklus import (  # noqa: E402, F401
    akuntabilitas,
    langkah,
    observasi,
    tim,
    tindak_lanjut,
    umpan_balik,
)
