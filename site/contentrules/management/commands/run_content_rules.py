"""Fire the time-based content rules (review overdue, deadline within N days) and retry failed actions.

Meant for cron (every 15 minutes, or at least daily). Idempotent: each rule fires once per object and
occurrence (a unique key per firing). ``--today`` replays a day (Jalali or ISO) for checking.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits


class Command(BaseCommand):
    help = "قواعد محتوای زمان‌دار (بازنگری معوق، نزدیک شدن مهلت) را اجرا و اقدام‌های ناموفق سررسیده را دوباره تلاش می‌کند."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="روزی که رویدادها برای آن سنجیده می‌شود (مانند ۱۴۰۴/۰۵/۰۱)؛ پیش‌فرض امروز."
        )
        parser.add_argument("--no-retry", action="store_true", help="اقدام‌های ناموفق را دوباره تلاش نکن.")

    def handle(self, *args, today=None, no_retry=False, **options):
        from contentrules.services import run_periodic
        from jalali.forms import JalaliDateField

        day = None
        if today:
            try:
                day = JalaliDateField().clean(today)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
        report = run_periodic(day, retry=not no_retry)
        for firing in report.fired:
            self.stdout.write(f"{firing.rule_title}: {firing.object_title} — {firing.subject}")
        self.stdout.write(
            f"{format_jalali(report.today)}: {to_persian_digits(len(report.fired))} اجرای تازه، "
            f"{to_persian_digits(len(report.retried))} تلاش دوباره."
        )
