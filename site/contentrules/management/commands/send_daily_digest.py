"""Email each subscriber group one Persian digest of its content-rule entries and mark them sent.

Meant for cron once a day (``0 7 * * *``). Entries of a group whose email fails, or that has no
addresses, stay unsent for the next run and are reported here (exit status 1).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from jalali.digits import to_persian_digits


class Command(BaseCommand):
    help = "گزارش روزانه قواعد محتوا را برای هر گروه مشترک یک بار ایمیل و بندهای آن را ارسال‌شده علامت می‌زند."

    def handle(self, *args, **options):
        from contentrules.services import send_daily_digest

        report = send_daily_digest()
        for name, count in report.sent.items():
            self.stdout.write(f"«{name}»: {to_persian_digits(count)} بند فرستاده شد.")
        for name, why in report.skipped.items():
            self.stderr.write(f"«{name}»: {why}؛ بندها برای اجرای بعدی می‌مانند.")
        if not report.sent and not report.skipped:
            self.stdout.write("بند تازه‌ای برای گزارش روزانه نیست.")
        if report.skipped:
            raise CommandError(f"گزارش {to_persian_digits(len(report.skipped))} گروه فرستاده نشد.")
