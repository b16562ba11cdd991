"""peewee models. `platform` lives in the public schema; everything else lives in a dinas schema.

Tenant models carry no schema: they resolve through the search_path the request's transaction
binds, so a query made without a bound dinas fails loudly instead of reading someone else's rows.
"""

from web.models.audit import Audit
from web.models.base import PlatformModel, TenantModel
from web.models.evaluasi import Evaluasi, EvaluasiPerilaku
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
from web.models.regime import (
    AspekPerilaku,
    DokumenAkuntabilitas,
    IndikatorPraktik,
    IndikatorPrioritas,
    Jendela,
    JendelaBaku,
    KegiatanKompetensi,
    PerilakuBawaan,
    Regime,
    Rhk,
)
from web.models.sekolah import PangkatGolongan, Sekolah
from web.models.siklus import (
    Berkas,
    DokumenPegawai,
    Kehadiran,
    LangkahSiklus,
    Observasi,
    ObservasiCatatan,
    PertanyaanSiklus,
    RealisasiKegiatan,
    RubrikPerilaku,
    Siklus,
    SiklusJawaban,
    SiklusLangkah,
    TimKerja,
    UmpanBalik,
)
from web.models.skp import LaporanData, Skp, SkpKegiatan, SkpPerilaku, SkpRiwayat

__all__ = [
    "Akun",
    "AspekPerilaku",
    "Audit",
    "Berkas",
    "DokumenAkuntabilitas",
    "DokumenPegawai",
    "Evaluasi",
    "EvaluasiPerilaku",
    "Impor",
    "ImporBaris",
    "IndikatorPraktik",
    "IndikatorPrioritas",
    "Jendela",
    "JendelaBaku",
    "KegiatanKompetensi",
    "Kehadiran",
    "LangkahSiklus",
    "LaporanData",
    "LoginAttempt",
    "Observasi",
    "ObservasiCatatan",
    "Operator",
    "OperatorLoginAttempt",
    "PangkatGolongan",
    "Pegawai",
    "Penempatan",
    "PengawasSekolah",
    "Penugasan",
    "PerilakuBawaan",
    "PertanyaanSiklus",
    "PlatformAudit",
    "PlatformModel",
    "RealisasiKegiatan",
    "Regime",
    "Rhk",
    "RubrikPerilaku",
    "Sekolah",
    "Siklus",
    "SiklusJawaban",
    "SiklusLangkah",
    "Skp",
    "SkpKegiatan",
    "SkpPerilaku",
    "SkpRiwayat",
    "Tenant",
    "TenantModel",
    "TimKerja",
    "UmpanBalik",
]
