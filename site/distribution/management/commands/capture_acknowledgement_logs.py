"""Capture, as declared records, the acknowledgement logs of revisions no longer in force (dry run by default).

The signals capture each log when its revision is superseded or withdrawn; this command catches any
that could not be captured then (e.g. before the retention register existed). Idempotent.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from distribution.services import capture_acknowledgement_log, uncaptured_revisions
from jalali.digits import to_persian_digits


class Command(BaseCommand):
    help = "ثبت سابقه تأیید مطالعه بازنگری‌های منسوخ یا ابطال‌شده‌ای که هنوز ثبت نشده‌اند (پیش‌فرض: فقط نمایش)."

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="سوابق را واقعاً ثبت کن.")

    def handle(self, *args, apply: bool = False, **options):
        pending = list(uncaptured_revisions().select_related("page"))
        if not pending:
            self.stdout.write("سابقه تأیید مطالعه ثبت‌نشده‌ای نیست.")
            return
        done = 0
        for controlled in pending:
            if not apply:
                self.stdout.write(f"ثبت خواهد شد: {controlled.title} — {controlled.code}")
                continue
            try:
                log = capture_acknowledgement_log(controlled)
            except Exception as exc:
                self.stderr.write(f"ثبت نشد: {controlled.code}: {getattr(exc, 'message', exc)}")
                continue
            if log is not None:
                done += 1
                self.stdout.write(f"ثبت شد: {controlled.code} ← سابقه {log.record.reference_number}")
        if apply:
            self.stdout.write(f"{to_persian_digits(done)} سابقه تأیید مطالعه ثبت شد.")
        else:
            self.stdout.write(
                f"{to_persian_digits(len(pending))} سابقه در انتظار ثبت است؛ برای ثبت، فرمان را با --apply اجرا کنید."
            )
