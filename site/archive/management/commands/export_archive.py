"""python manage.py export_archive DIR [--no-pdf] [--no-progress]

Writes the whole archive as a BagIt bag (layout: ``archive.layout``; README.txt inside the bag).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.export import ExportRefused, export_archive
from jalali.digits import to_persian_digits as fa
from sanad.progress import Progress


class Command(BaseCommand):
    help = "برون‌بری کل بایگانی (صفحه‌ها با همه نسخه‌ها، پرونده‌ها، سوابق، زنجیره ممیزی) در یک بسته BagIt"

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="پوشه تازه یا خالی برای بسته")
        parser.add_argument("--no-pdf", action="store_true", help="بدون چاپ PDF بازنگری‌ها")
        parser.add_argument("--no-progress", action="store_true", help="بدون نوار پیشرفت")
        parser.add_argument("--processes", type=int, default=1, help="شمار فرایندهای چکیده‌گیری BagIt")

    def handle(self, *args, directory: Path, **options):
        progress = Progress(self.stderr._out, enabled=not options["no_progress"])
        try:
            result = export_archive(
                directory, progress=progress, with_pdfs=not options["no_pdf"], processes=options["processes"]
            )
        except ExportRefused as exc:
            raise CommandError(str(exc)) from exc
        for name in result.missing_files:
            self.stderr.write(f"پرونده «{name}» در انبار پرونده‌ها نبود؛ در فهرست بسته «missing» آمده است.")
        for failure in result.pdf_failures:
            self.stderr.write(f"PDF ساخته نشد: {failure}")
        self.stdout.write(
            self.style.SUCCESS(
                f"بسته در «{result.path}» نوشته شد: {fa(result.rows)} ردیف، {fa(result.files)} پرونده، "
                f"{fa(result.pdfs)} PDF؛ {fa(result.payload_files)} پرونده در data/ "
                f"({fa(f'{result.payload_bytes / 1e6:.1f}')} مگابایت) در {fa(f'{result.seconds:.1f}')} ثانیه."
            )
        )
