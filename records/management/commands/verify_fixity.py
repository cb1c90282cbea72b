"""python manage.py verify_fixity — re-hash every stored record file; exit 1 when any differs or is missing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from jalali.digits import to_persian_digits
from records.fixity import stored_files, verify_all
from sanad.progress import Progress


class Command(BaseCommand):
    help = "وارسی یکپارچگی فایل‌های سوابق با چکیده SHA-256 ثبت‌شده هنگام بارگذاری"

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        total = stored_files().count()
        progress = None if options["no_progress"] else Progress(self.stderr._out, label="وارسی فایل‌ها")
        bad = []
        for index, result in enumerate(verify_all(), start=1):
            if not result.ok:
                bad.append(result)
                self.stdout.write(
                    f"ناسازگار: فایل «{result.name}» (سابقه {to_persian_digits(result.record_id)}): {result.problem}"
                )
            if progress:
                progress(index, total)
        self.stdout.write(
            f"فایل‌های وارسی‌شده: {to_persian_digits(total)}؛ ناسازگار: {to_persian_digits(len(bad))}"
        )
        if bad:
            raise CommandError(f"{to_persian_digits(len(bad))} فایل با چکیده ثبت‌شده نمی‌خواند.")
