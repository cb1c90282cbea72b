"""python manage.py verify_package PATH — check a transfer package against its own manifest."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from jalali.digits import to_persian_digits
from records.packages import verify_package


class Command(BaseCommand):
    help = "وارسی بسته انتقال سوابق (zip) با فهرست چکیده‌های درون آن"

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        try:
            with open(options["path"], "rb") as handle:
                report = verify_package(handle)
        except OSError as exc:
            raise CommandError(f"فایل بسته خوانده نشد: {exc}") from None
        for problem in report.problems:
            self.stdout.write(f"ایراد: {problem}")
        if not report.ok:
            raise CommandError("بسته انتقال درست نیست.")
        self.stdout.write(
            f"بسته درست است: {to_persian_digits(report.checked)} فایل با فهرست چکیده‌ها می‌خواند."
        )
