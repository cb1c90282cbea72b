"""Whole-archive export and import (issue 13 §2) on the demo plus generated references, timed.

    python -m bench.archive_round_trip                       # demo + 1000 references, SQLite files under /tmp
    python -m bench.archive_round_trip --references 3000 --postgres-url postgres://postgres:postgres@127.0.0.1:5432/postgres

Builds a source database (migrate, load_demo, the bulk import of ``--references`` generated acts with
their files, then the same list with every title changed, so each act has two revisions), exports it
(``export_archive``), migrates an empty target database, imports the bag (``import_archive``) and runs
``verify_integrity`` there. Prints the bag's size and file count, the export and import times and
rows per second. Each database runs in its own process with its own media folder.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.import_references import generate
from bench.scratch import create_postgres, drop

REPO_DIR = Path(__file__).resolve().parents[1]
SETTINGS = """\
import os
import shutil
from sanad.settings.dev import *  # noqa: F403
MEDIA_ROOT = os.environ["SANAD_BENCH_MEDIA_ROOT"]
"""
EXPORT = """\
import json, sys, django
django.setup()
from archive.export import export_archive
r = export_archive(sys.argv[1])
print(json.dumps({"rows": r.rows, "files": r.files, "pdfs": r.pdfs, "payload_files": r.payload_files,
                  "payload_bytes": r.payload_bytes, "seconds": r.seconds}))
"""
IMPORT = """\
import json, sys, django
django.setup()
from archive.importer import import_archive
r = import_archive(sys.argv[1])
print(json.dumps({"rows": r.rows, "files": r.files, "seconds": r.seconds, "counts": r.counts}))
"""


class Database:
    def __init__(self, work: Path, name: str, postgres_url: str | None) -> None:
        self.media = work / f"{name}-media"
        self.media.mkdir()
        self.scratch = create_postgres(postgres_url, f"sanad_archive_{name}") if postgres_url else None
        self.url = self.scratch.location if self.scratch else f"sqlite:///{work / name}.sqlite3"
        self.env = {
            **os.environ,
            "DATABASE_URL": self.url,
            "DJANGO_SETTINGS_MODULE": "archive_bench_settings",
            "PYTHONPATH": os.pathsep.join([str(work), str(REPO_DIR / "site"), str(REPO_DIR)]),
            "SANAD_BENCH_MEDIA_ROOT": str(self.media),
            "SANAD_TASKS_BACKEND": "immediate",
        }

    def manage(self, *args: str) -> str:
        done = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args], cwd=REPO_DIR, env=self.env, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def python(self, code: str, *args: str) -> dict:
        done = subprocess.run(  # noqa: S603 - the snippets above
            [sys.executable, "-c", code, *args], cwd=REPO_DIR, env=self.env, capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(f"failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def drop(self) -> None:
        if self.scratch is not None:
            drop(self.scratch)


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    print(f"{label:<46} {time.perf_counter() - started:7.1f} s", file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--references", type=int, default=1000)
    parser.add_argument("--postgres-url", help="admin URL of a PostgreSQL server (default: SQLite files)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (databases, bag)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="sanad-archive-bench-"))
    (work / "archive_bench_settings.py").write_text(SETTINGS, encoding="utf-8")
    source = Database(work, "source", args.postgres_url)
    target = Database(work, "target", args.postgres_url)
    try:
        timed("source: migrate", lambda: source.manage("migrate", "--no-input", "-v", "0"))
        timed("source: load_demo", lambda: source.manage("load_demo", "--quiet-users"))
        listing = generate(args.references, work / "refs")
        table = list(csv.reader(io.StringIO(listing.read_text(encoding="utf-8"))))
        for row in table[1:]:
            row[4] += " (اصلاح‌شده)"
        changed = work / "refs" / "changed.csv"
        out = io.StringIO()
        csv.writer(out).writerows(table)
        changed.write_text(out.getvalue(), encoding="utf-8")
        files = str(work / "refs" / "files")
        timed(
            f"source: import {args.references} references",
            lambda: source.manage("import_references", str(listing), "--files", files, "--no-progress"),
        )
        timed(
            "source: the same, every title changed",
            lambda: source.manage("import_references", str(changed), "--files", files, "--no-progress"),
        )
        bag = work / "bag"
        exported = source.python(EXPORT, str(bag))
        timed("target: migrate", lambda: target.manage("migrate", "--no-input", "-v", "0"))
        imported = target.python(IMPORT, str(bag))
        timed("target: verify_integrity", lambda: target.manage("verify_integrity"))
        every = [p for p in bag.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in every)
        vendor = "postgresql" if args.postgres_url else "sqlite"
        print(f"archive round trip on {vendor}: demo + {args.references} references (two revisions each)")
        print(
            f"  bag: {size / 1e6:.1f} MB in {len(every)} files ({exported['files']} stored files, {exported['pdfs']} PDFs)"
        )
        print(
            f"  export: {exported['rows']} rows in {exported['seconds']:.1f} s "
            f"({exported['rows'] / exported['seconds']:.0f} rows/s, PDFs included)"
        )
        print(
            f"  import: {imported['rows']} rows and {imported['files']} files in {imported['seconds']:.1f} s "
            f"({imported['rows'] / imported['seconds']:.0f} rows/s, bag validation included)"
        )
        print(f"  counts: {json.dumps(imported['counts'], ensure_ascii=False)}")
    finally:
        source.drop()
        target.drop()
        if args.keep:
            print(f"  kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
