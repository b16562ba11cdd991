"""Benchmark: importing 60,000 pegawai from XLSX and from CSV, through the real views.

Run from the repository root: `.venv/bin/python -m infra.bench.impor [--rows N] [--schools N]`.

A throwaway PostgreSQL (infra.localpg) is started and stopped again; the app is built with
`web.create_app({...})` and driven through Flask's test client, so the upload, the background
check and the background apply run exactly as they do for an admin dinas. Each format gets a
fresh dinas with its schools, so both measure inserting new pegawai; a last run re-imports the
CSV with every pegawai at another school (the update path). The figures are wall-clock seconds
on this machine, rows per second, and the peak RSS of this process (which also holds the
generated files). It prints figures; it is not a pass/fail test, but it stops when the database
does not hold what the import promised.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import resource
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from infra.localpg import Cluster

BASE_DOMAIN = "kinerja.test"
PASSWORD = "bangku-uji-impor-123"
CSRF = re.compile(r'name="csrf_token"[^>]*?value="([^"]+)"')
JUDUL = [
    "No",
    "Nama",
    "NIP",
    "NUPTK",
    "Tempat Lahir",
    "Tanggal Lahir",
    "Status Kepegawaian",
    "Jenis PTK",
    "Pangkat/Golongan",
    "Jabatan Fungsional",
    "Agama",
    "E-mail",
    "HP",
    "NPSN",
]
GOLONGAN_PNS = ("III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")
JENIS_PTK = ("Guru Kelas", "Guru Mapel", "Guru BK", "Tenaga Administrasi Sekolah")


class BenchError(RuntimeError):
    pass


def npsn(n: int) -> str:
    return f"{20000000 + n:08d}"


def baris_pegawai(jumlah: int, sekolah: int, geser: int = 0) -> list[list[str]]:
    """`jumlah` valid Dapodik-like rows: a third PNS, a third PPPK, a third non-ASN."""
    awal = dt.date(1965, 1, 1)
    rows = []
    for i in range(jumlah):
        lahir = awal + dt.timedelta(days=i % 9000)
        kelamin, urut = 1 + i % 2, i // 9000 + 1
        jenis = i % 3
        tahun_tmt = lahir.year + 25
        if jenis == 0:
            nip = f"{lahir:%Y%m%d}{tahun_tmt}{1 + i % 12:02d}{kelamin}{urut:03d}"
            status, golongan, jf = "PNS", GOLONGAN_PNS[i % 6], "Guru Ahli Pertama"
        elif jenis == 1:
            nip = f"{lahir:%Y%m%d}{tahun_tmt}21{kelamin}{urut:03d}"
            status, golongan, jf = "PPPK", "IX", "Guru Ahli Pertama"
        else:
            nip, status, golongan, jf = "", "Honor Daerah TK.II Kab/Kota", "-", "-"
        rows.append(
            [
                str(i + 1),
                f"Pegawai Uji {i:05d}, S.Pd.",
                nip,
                f"{1000000000000000 + i}",
                "Bogor",
                lahir.isoformat(),
                status,
                JENIS_PTK[i % 4],
                golongan,
                jf,
                "Islam",
                f"pegawai{i}@contoh.sch.id" if i % 2 else "",
                f"0812{i:08d}",
                npsn((i + geser) % sekolah),
            ]
        )
    return rows


def sebagai_xlsx(rows: list[list[str]]) -> bytes:
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet("PTK")
    lembar.append(["Daftar PTK (uji bangku)"])
    lembar.append(JUDUL)
    for row in rows:
        lembar.append(row)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def sebagai_csv(rows: list[list[str]]) -> bytes:
    keluaran = io.StringIO(newline="")
    tulis = csv.writer(keluaran, delimiter=";", lineterminator="\r\n")
    tulis.writerow(JUDUL)
    tulis.writerows(rows)
    return keluaran.getvalue().encode("utf-8-sig")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Klien:
    def __init__(self, app: Any, host: str) -> None:
        self.client, self.base = app.test_client(), f"http://{host}"

    def get(self, path: str) -> Any:
        return self.client.get(path, base_url=self.base)

    def post(self, path: str, data: dict[str, Any], csrf_from: str) -> Any:
        token = CSRF.search(self.get(csrf_from).get_data(as_text=True))
        if token is None:
            raise BenchError(f"no CSRF token on {csrf_from}")
        return self.client.post(
            path, base_url=self.base, data={**data, "csrf_token": token.group(1)}
        )


def buat_dinas(app: Any, slug: str, sekolah: int) -> Klien:
    from tenants.provision import create_tenant
    from web.db import schema_for, tenant_transaction

    with app.app_context():
        create_tenant(
            slug,
            name=f"Dinas Bangku {slug}",
            kind="kabupaten",
            admin_email=f"admin@{slug}.test",
            admin_password=PASSWORD,
        )
        with tenant_transaction(schema_for(slug)):
            from web.db import db

            db.execute_sql(
                "INSERT INTO sekolah (npsn, nama, jenjang, status)"
                " SELECT lpad((20000000 + n)::text, 8, '0'), 'Sekolah Uji ' || n,"
                " (ARRAY['SD','SMP','SMA','SMK'])[1 + n %% 4], 'negeri'"
                " FROM generate_series(0, %s - 1) AS n",
                (sekolah,),
            )
    klien = Klien(app, f"{slug}.{BASE_DOMAIN}")
    masuk = klien.post("/masuk", {"username": f"admin@{slug}.test", "password": PASSWORD}, "/masuk")
    if masuk.status_code != 303:
        raise BenchError(f"sign-in failed on {slug}: {masuk.status_code}")
    return klien


def tunggu(app: Any, schema: str, impor_id: int, selesai: set[str], batas: float) -> str:
    """Poll the import's status in the database (cheaper than the page, same information)."""
    from web.db import tenant_transaction
    from web.models import Impor

    akhir = time.perf_counter() + batas
    while time.perf_counter() < akhir:
        with app.app_context(), tenant_transaction(schema):
            status, pesan = (
                Impor.select(Impor.status, Impor.pesan).where(Impor.id == impor_id).tuples().get()
            )
        if status in selesai:
            return status if not pesan else f"{status}: {pesan}"
        time.sleep(0.05)
    raise BenchError(f"import {impor_id} in {schema} did not finish within {batas:.0f} s")


def ukur(
    app: Any, klien: Klien, schema: str, data: bytes, nama: str, periksa: Callable[[], None]
) -> dict[str, float]:
    """Upload, wait for the check, apply, wait for the apply; seconds for each phase."""
    mulai = time.perf_counter()
    response = klien.post(
        "/dinas/impor/pegawai", {"berkas": (io.BytesIO(data), nama)}, "/dinas/impor/pegawai"
    )
    unggah = time.perf_counter() - mulai
    if response.status_code != 303:
        raise BenchError(
            f"upload refused ({response.status_code}): {response.get_data(as_text=True)[-800:]}"
        )
    url = response.headers["Location"]
    impor_id = int(url.rsplit("/", 1)[1])
    status = tunggu(app, schema, impor_id, {"siap", "ditolak", "gagal"}, 600)
    cek = time.perf_counter() - mulai
    if status != "siap":
        raise BenchError(f"check ended {status}: {klien.get(url).get_data(as_text=True)[-1500:]}")
    mulai = time.perf_counter()
    response = klien.post(f"{url}/terapkan", {}, url)
    status = tunggu(app, schema, impor_id, {"diterapkan", "ditolak", "gagal"}, 600)
    terapkan = time.perf_counter() - mulai
    if status != "diterapkan":
        raise BenchError(f"apply ended {status}")
    periksa()
    return {"unggah": unggah, "periksa": cek, "terapkan": terapkan, "rss": rss_mb()}


def hitung(app: Any, schema: str, sql: str) -> int:
    from web.db import db, tenant_transaction

    with app.app_context(), tenant_transaction(schema):
        return int(db.execute_sql(sql).fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.bench.impor", description=__doc__)
    parser.add_argument("--rows", type=int, default=60_000, help="pegawai rows per file")
    parser.add_argument("--schools", type=int, default=7_000, help="schools per dinas")
    args = parser.parse_args(argv)
    n = args.rows

    workdir = Path(tempfile.mkdtemp(prefix="kinerja-bench-impor-"))
    cluster: Cluster | None = None
    try:
        print("Starting PostgreSQL…", flush=True)
        cluster = Cluster()
        cluster.start()
        from tenants.migrate import migrate_all
        from web import create_app

        app = create_app(
            {
                "DATABASE_URL": cluster.url,
                "BASE_DOMAIN": BASE_DOMAIN,
                "SECRET_KEY": secrets.token_urlsafe(48),
                "STORAGE": "local",
                "EVIDENCE_DIR": str(workdir / "evidence"),
                "DB_POOL_SIZE": "4",
            }
        )
        with app.app_context():
            migrate_all(echo=lambda line: None)

        print(f"Generating {n:,} pegawai rows as XLSX and CSV…", flush=True)
        mulai = time.perf_counter()
        rows = baris_pegawai(n, args.schools)
        berkas = {"xlsx": sebagai_xlsx(rows), "csv": sebagai_csv(rows)}
        pindah = sebagai_csv(baris_pegawai(n, args.schools, geser=1))
        del rows
        print(
            f"  done in {time.perf_counter() - mulai:.1f} s: XLSX "
            f"{len(berkas['xlsx']) / 2**20:.1f} MB, CSV {len(berkas['csv']) / 2**20:.1f} MB; "
            f"peak RSS so far {rss_mb():.0f} MB",
            flush=True,
        )

        hasil: dict[str, dict[str, float]] = {}
        for format, data in berkas.items():
            slug = f"bangku-{format}"
            schema = "dinas_" + slug.replace("-", "_")
            print(
                f"Dinas {slug}: {args.schools:,} schools; importing the {format.upper()}…",
                flush=True,
            )
            klien = buat_dinas(app, slug, args.schools)

            def periksa(schema: str = schema) -> None:
                pegawai = hitung(
                    app, schema, "SELECT count(*) FROM pegawai WHERE nuptk IS NOT NULL"
                )
                terbuka = hitung(
                    app, schema, "SELECT count(*) FROM penempatan WHERE selesai IS NULL"
                )
                jejak = hitung(app, schema, "SELECT count(*) FROM audit WHERE aksi = 'impor'")
                if (pegawai, terbuka) != (n, n) or jejak < 2 * n:
                    raise BenchError(
                        f"{schema}: {pegawai} pegawai, {terbuka} open placements,"
                        f" {jejak} audit entries after importing {n}"
                    )

            hasil[format] = ukur(app, klien, schema, data, f"ptk.{format}", periksa)
            if format == "csv":
                print("  re-importing the CSV with every pegawai at another school…", flush=True)

                def periksa_pindah(schema: str = schema) -> None:
                    salah = hitung(
                        app,
                        schema,
                        "SELECT count(*) FROM pegawai p JOIN penempatan"
                        " pn ON pn.pegawai_id = p.id AND pn.selesai IS NULL"
                        " WHERE pn.sekolah_id IS DISTINCT FROM p.sekolah_id",
                    )
                    if salah:
                        raise BenchError(f"{salah} pegawai whose school and placement differ")

                hasil["csv, semua pindah"] = ukur(
                    app, klien, schema, pindah, "pindah.csv", periksa_pindah
                )

        print()
        head = (
            f"{'file':20} {'upload s':>9} {'check s':>8} {'rows/s':>8} {'apply s':>8} "
            f"{'rows/s':>8} {'peak RSS MB':>12}"
        )
        print(f"{n:,} pegawai rows, {args.schools:,} schools per dinas")
        print(head)
        print("-" * len(head))
        for label, h in hasil.items():
            print(
                f"{label:20} {h['unggah']:9.2f} {h['periksa']:8.2f} {n / h['periksa']:8.0f} "
                f"{h['terapkan']:8.2f} {n / h['terapkan']:8.0f} {h['rss']:12.0f}"
            )
        print("  check = upload + quick check + background check until 'siap' (includes upload);")
        print(
            "  apply = confirm until 'diterapkan'; peak RSS is this whole process's high-water "
            "mark, generated files included."
        )
        return 0
    except BenchError as error:
        print(f"Benchmark aborted: {error}", file=sys.stderr)
        return 2
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
