"""Rows per second of the bulk reference import (issue 13 §1) on a generated file.

    python -m bench.import_references                    # 500 rows, scratch SQLite file under /tmp
    python -m bench.import_references --rows 2000 --postgres-url postgres://postgres:postgres@127.0.0.1:5432/postgres

Migrates a scratch database (SQLite, or a PostgreSQL database created and dropped), makes the
references folder, writes a CSV of ``--rows`` references in the shapes real lists have (every digit
script, every date form the parser reads, one row in ten with a text file, one in five replacing an
earlier act) and times four passes: the check alone (the dry run), the first import (every row
created, files stored and their text extracted, pages indexed), the same file again (every row
unchanged) and the file with every title changed (every row a new published revision).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from bench.scratch import create_postgres, drop

REPO_DIR = Path(__file__).resolve().parents[1]
AUTHORITIES = [
    "سازمان اداری و استخدامی کشور",
    "معاونت توسعه مدیریت و سرمایه انسانی رئیس‌جمهور",
    "هیأت وزیران",
    "شورای عالی اداری",
    "وزارت آموزش و پرورش",
]
TYPES = ["بخشنامه", "circular", "آیین‌نامه", "دستورالعمل", "مصوبه", "نامه", "قانون", "تصویب نامه"]
_TEXT = (
    "ارزیابی عملکرد دستگاه‌های اجرایی استان شاخص‌های عمومی و اختصاصی نظام اداری دفاتر مدیریت عملکرد "
    "وظایف و ضوابط سازماندهی خودارزیابی مستندات جشنواره شهید رجایی پاسخگویی به شکایات بازرسی"
)
WORDS = _TEXT.split()
DIGITS = [str.maketrans("0123456789", s) for s in ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")]


def generate(rows: int, folder: Path, seed: int = 13) -> Path:
    """The list (and its files) under ``folder``; returns the list's path."""
    rnd = random.Random(seed)  # noqa: S311 - a reproducible corpus, not a secret
    files = folder / "files"
    files.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["نوع", "شماره", "تاریخ", "مرجع", "عنوان", "خلاصه", "متن", "پرونده", "جایگزین"])
    numbers: list[str] = []
    for i in range(rows):
        number = f"{1000 + i}/{rnd.randint(10, 99)}/{rnd.choice((101, 110, 210))}"
        y, m, d = rnd.randint(1380, 1402), rnd.randint(1, 12), rnd.randint(1, 29)
        date = rnd.choice((f"{y}/{m:02}/{d:02}", f"{d}/{m}/{y}", f"{y % 100:02}/{m:02}/{d:02}"))
        title = " ".join(rnd.sample(WORDS, 6))
        name = ""
        if i % 10 == 0:
            name = f"act-{i}.txt"
            (files / name).write_text(" ".join(rnd.choices(WORDS, k=200)), encoding="utf-8")
        replaces = numbers[rnd.randrange(len(numbers))] if numbers and i % 5 == 4 else ""
        script = DIGITS[i % 3]
        writer.writerow(
            [
                TYPES[i % len(TYPES)],
                number.translate(script),
                date.translate(script),
                AUTHORITIES[i % len(AUTHORITIES)],
                title,
                " ".join(rnd.choices(WORDS, k=20)),
                "\n".join(" ".join(rnd.choices(WORDS, k=30)) for _ in range(3)),
                name,
                replaces,
            ]
        )
        if not replaces:
            numbers.append(number)
    path = folder / "references.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--postgres-url", help="admin URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument("--postgres-db", default="sanad_import_bench")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="sanad-import-bench-"))
    scratch = None
    if args.postgres_url:
        scratch = create_postgres(args.postgres_url, args.postgres_db)
        os.environ["DATABASE_URL"] = scratch.location
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sanad.settings.dev"
    os.environ.setdefault("SANAD_TASKS_BACKEND", "immediate")
    sys.path.insert(0, str(REPO_DIR / "site"))
    import django

    django.setup()
    try:
        report(args.rows, work)
    finally:
        from django.db import connections

        connections.close_all()
        if scratch is not None:
            drop(scratch)


def report(rows: int, work: Path) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings
    from wagtail.models import Page, Site

    from home.models import HomePage, SectionIndexPage
    from procedures.reference_import import FileSource, plan_import
    from procedures.services import import_references

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - started:.0f} s ({connection.vendor})", file=sys.stderr)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="سند", slug="bench-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    folder = home.add_child(instance=SectionIndexPage(title="مستندات برون‌سازمانی", slug="references"))
    path = generate(rows, work)
    changed = work / "changed.csv"
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in table[1:]:
        row[4] += " (اصلاح‌شده)"
    out = io.StringIO()
    csv.writer(out).writerows(table)
    changed.write_text(out.getvalue(), encoding="utf-8")

    def timed(label: str, file: Path, write: bool) -> None:
        begin = time.perf_counter()
        plan = plan_import(file.name, file.read_bytes(), FileSource.from_directory(work / "files"))
        assert not plan.problems, plan.problems[:5]
        counts = {}
        if write:
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                counts = import_references(plan, folder, by=None, source=file.name)
        seconds = time.perf_counter() - begin
        print(
            f"{label:<34} {len(plan.rows):>5} rows {seconds:7.1f} s {len(plan.rows) / seconds:8.1f} rows/s  {counts}"
        )

    print(f"bulk reference import, {rows} generated rows, {connection.vendor}")
    timed("check only (dry run)", path, write=False)
    timed("first import (create)", path, write=True)
    timed("same file again (unchanged)", path, write=True)
    timed("every title changed (update)", changed, write=True)


if __name__ == "__main__":
    main()
