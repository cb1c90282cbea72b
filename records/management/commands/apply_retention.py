"""python manage.py apply_retention [--apply] [--date ۱۴۰۳/۰۱/۰۱]

Moves declared records between phases (active → archive → due / permanent) by the retention
schedule and reports what is due, month by Jalali month. Without ``--apply`` nothing is written.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from jalali.calendar import JalaliDateError, format_jalali, month_name, parse_jalali
from jalali.digits import to_persian_digits
from records.choices import Phase
from records.services import apply_retention
from sanad.progress import Progress


class Command(BaseCommand):
    help = (
        "اجرای جدول نگهداری: جابه‌جایی سوابق میان مراحل جاری، راکد و موعد تعیین تکلیف (بدون --apply فقط گزارش)"
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="تغییرها ذخیره شود (پیش‌فرض: فقط گزارش)")
        parser.add_argument("--date", help="تاریخ مبنا به شمسی (پیش‌فرض: امروز)")
        parser.add_argument("--no-progress", action="store_true", help="نوار پیشرفت نمایش داده نشود")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = parse_jalali(options["date"])
            except JalaliDateError as exc:
                raise CommandError(str(exc)) from None
        progress = None if options["no_progress"] else Progress(self.stderr._out, label="بررسی سوابق")
        report = apply_retention(today=today, apply=options["apply"], progress=progress)
        mode = "اعمال شد" if report.applied else "اجرای آزمایشی؛ چیزی ذخیره نشد (برای ذخیره --apply بدهید)"
        self.stdout.write(f"تاریخ مبنا: {format_jalali(report.today)} — {mode}")
        self.stdout.write(f"سوابق بررسی‌شده: {to_persian_digits(report.checked)}")
        for move in report.moves:
            self.stdout.write(
                f"  {move.record.reference_number}: {Phase(move.before).label} → {Phase(move.after).label}"
            )
        self.stdout.write(f"جابه‌جایی مرحله: {to_persian_digits(len(report.moves))}")
        held = {r.pk for r in report.held}
        for (year, month), records in report.due_by_month().items():
            self.stdout.write(f"موعد تعیین تکلیف {month_name(month)} {to_persian_digits(year)}:")
            for record in records:
                mark = " (در توقیف)" if record.pk in held else ""
                self.stdout.write(f"  {record.reference_number} — {record.title}{mark}")
        self.stdout.write(
            f"در موعد تعیین تکلیف: {to_persian_digits(len(report.due))}؛ در توقیف: {to_persian_digits(len(report.held))}"
        )
