"""peewee models. `platform` lives in the public schema; everything else lives in a dinas schema.

Tenant models carry no schema: they resolve through the search_path the request's transaction
binds, so a query made without a bound dinas fails loudly instead of reading someone else's rows.
"""

from web.models.audit import Audit
from web.models.base import PlatformModel, TenantModel
from web.models.impor import Impor, ImporBaris
from web.models.pegawai import (
    Akun,
    LoginAttempt,
    Pegawai,
    Penempatan,
    PengawasSekolah,
    Penugasan,
)
from web.models.platform import Operator, OperatorLoginAttempt, PlatformAudit, Tenant
from web.models.sekolah import PangkatGolongan, Sekolah

__all__ = [
    "Akun",
    "Audit",
    "Impor",
    "ImporBaris",
    "LoginAttempt",
    "Operator",
    "OperatorLoginAttempt",
    "PangkatGolongan",
    "Pegawai",
    "Penempatan",
    "PengawasSekolah",
    "Penugasan",
    "PlatformAudit",
    "PlatformModel",
    "Sekolah",
    "Tenant",
    "TenantModel",
]
