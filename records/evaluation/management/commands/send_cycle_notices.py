"""Send the evaluation cycles' due notices: phases opening, 7-day and 1-day deadline reminders.

Run daily from cron, e.g. ``15 7 * * * manage.py send_cycle_notices``. Idempotent: each notice has a
key in the sent-notice log, so running twice (or every hour) mails nobody twice. ``--today`` replays a
day (Jalali or ISO) for checking; ``--dry-run`` says what is due without sending or logging it.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from jalali.calendar import format_jalali


class Command(BaseCommand):
    help = "اعلان‌های دوره‌های ارزیابی را می‌فرستد: آغاز مراحل و یادآوری ۷ روز و ۱ روز مانده به مهلت (هر اعلان یک بار)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="روزی که اعلان‌ها برای آن سنجیده می‌شود (مانند ۱۳۹۸/۱۲/۲۰)؛ پیش‌فرض امروز."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="فقط فهرست اعلان‌های سررسیده؛ چیزی فرستاده یا ثبت نمی‌شود."
        )

    def handle(self, *args, today=None, dry_run=False, **options):
        from records.evaluation.notices import send_due_notices

        day = None
        if today:
            from django.core.exceptions import ValidationError

            from jalali.forms import JalaliDateField

            try:
                day = JalaliDateField().clean(today)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
        report = send_due_notices(day, dry_run=dry_run)
        verb = "سررسیده (فرستاده نشد)" if dry_run else "فرستاده شد"
        for line in report.sent:
            self.stdout.write(f"{line} — {verb}")
        self.stdout.write(f"{format_jalali(report.today)}: {len(report.sent)} اعلان {verb}.")
