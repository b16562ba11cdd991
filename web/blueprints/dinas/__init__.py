"""The dinas's own help desk: schools, pegawai, accounts, posts, imports and the audit trail.

The admin dinas manages; the kepala dinas reads everything; a kepala sekolah reads the people
of the school they lead; a guru reads only their own record. One blueprint, one module per
subject; each view loads → checks → calls one service → responds.
"""

from flask import Blueprint

bp = Blueprint("dinas", __name__, url_prefix="/dinas")

# The modules register their views on `bp`.
from web.blueprints.dinas import (  # noqa: E402, F401
    akun,
    audit,
    impor,
    katalog,
    laporan,
    pegawai,
    rubrik,
    sekolah,
)
