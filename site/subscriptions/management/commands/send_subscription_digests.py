"""``manage.py send_subscription_digests``: each subscriber's daily digest of new or changed references.

Run once a day (``worker.schedule``: «subscription-digest»). Each notice is mailed once: a second run the
same day sends only what was published since.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from jalali.digits import to_persian_digits


class Command(BaseCommand):
    help = "خلاصه روزانه مستندات تازه یا تغییریافته را برای هر مشترک می‌فرستد."

    def handle(self, *args, **options):
        from subscriptions.services import send_digests

        report = send_digests()
        for username, count in report.sent.items():
            self.stdout.write(f"{username}: {to_persian_digits(count)} مورد فرستاده شد")
        for username, why in report.failed.items():
            self.stderr.write(f"{username}: ارسال نشد — {why}")
        if not report.sent and not report.failed:
            self.stdout.write("خلاصه‌ای برای فرستادن نبود.")
