"""Load the pangkat/golongan reference (regime-independent) from tenants/reference/."""

import csv
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "reference" / "pangkat_golongan.csv"


def up(migrator, db):
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        rows = [
            (
                r["kode"],
                r["pangkat"],
                r["status_kepegawaian"],
                r["jenjang_jabatan"] or None,
                int(r["urutan"]),
            )
            for r in csv.DictReader(handle)
        ]
    cursor = db.cursor()
    cursor.executemany(
        "INSERT INTO pangkat_golongan (kode, pangkat, status_kepegawaian, jenjang_jabatan, urutan)"
        " VALUES (%s, %s, %s, %s, %s)",
        rows,
    )
