"""The improvement cycle of a semester: the task list and the step pages A, C, E (langkah), the
observation B and the tim kerja (observasi, tim), the follow-up D (tindak_lanjut), the
accountability documents and class attendance (akuntabilitas), and continuous feedback
(umpan_balik). Rules: web/domain/siklus.py; who the user is to a cycle: web/services/siklus.py.
"""

from flask import Blueprint

bp = Blueprint("siklus", __name__, url_prefix="/siklus")

# The modules register their views on `bp`.
from web.blueprints.siklus import (  # noqa: E402, F401
    akuntabilitas,
    langkah,
    observasi,
    tim,
    tindak_lanjut,
    umpan_balik,
)
