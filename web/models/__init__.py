"""peewee models. `platform` lives in the public schema; everything else lives in a dinas schema.

Tenant models carry no schema: they resolve through the search_path the request's transaction
binds, so a query made without a bound dinas fails loudly instead of reading someone else's rows.
"""

from web.models.base import PlatformModel, TenantModel
from web.models.pegawai import Akun, LoginAttempt, Pegawai
from web.models.platform import Operator, OperatorLoginAttempt, PlatformAudit, Tenant
from web.models.sekolah import PangkatGolongan, Sekolah

__all__ = [
    "Akun",
    "LoginAttempt",
    "Operator",
    "OperatorLoginAttempt",
    "PangkatGolongan",
    "Pegawai",
    "PlatformAudit",
    "PlatformModel",
    "Sekolah",
    "Tenant",
    "TenantModel",
]
