"""python manage.py import_archive DIR [--no-index] [--no-progress]

Restores a bag written by export_archive into an empty (freshly migrated) database; refuses an invalid
bag or a non-empty database with nothing changed. Then rebuilds the search index (derived, not carried).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.importer import ImportRefused, import_archive
from jalali.digits import to_persian_digits as fa
from sanad.progress import Progress


class Command(BaseCommand):
    help = "بازگردانی بسته بایگانی سند در پایگاه داده خالی"

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="پوشه بسته BagIt")
        parser.add_argument("--no-index", action="store_true", help="بدون بازسازی نمایه جست‌وجو")
        parser.add_argument("--no-progress", action="store_true", help="بدون نوار پیشرفت")
        parser.add_argument("--processes", type=int, default=1, help="شمار فرایندهای وارسی چکیده‌ها")

    def handle(self, *args, directory: Path, **options):
        progress = Progress(self.stderr._out, enabled=not options["no_progress"])
        try:
            result = import_archive(directory, progress=progress, processes=options["processes"])
        except ImportRefused as exc:
            raise CommandError(str(exc)) from exc
        counts = result.counts
        if result.replaced:
            self.stdout.write(
                f"ردیف‌هایی که migrate نوشته بود با ردیف‌های بسته جایگزین شد: {fa(sum(result.replaced.values()))} ردیف در "
                f"{fa(len(result.replaced))} جدول."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"بایگانی بازگردانده شد: {fa(result.rows)} ردیف، {fa(result.files)} پرونده (چکیده‌ها درست)، "
                f"{fa(counts['pages'])} صفحه، {fa(counts['revisions'])} نسخه، {fa(counts['records'])} سابقه، "
                f"{fa(counts['audit_seals'])} حلقه زنجیره؛ در {fa(f'{result.seconds:.1f}')} ثانیه."
            )
        )
        if not options["no_index"]:
            call_command("update_index", verbosity=0)
            self.stdout.write("نمایه جست‌وجو بازسازی شد.")
