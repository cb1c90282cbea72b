"""Daily: write the chain head with its date to a file kept outside the database; e-mail it if asked."""

from pathlib import Path

from django.core.management.base import BaseCommand

from integrity import digest
from jalali.digits import to_persian_digits


class Command(BaseCommand):
    help = "نوشتن چکیده روزانه زنجیره ممیزی (سر زنجیره و تاریخ) در پرونده‌ای بیرون از پایگاه داده"

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=None, help="پوشه چکیده‌ها (پیش‌فرض: SANAD_AUDIT_DIGEST_DIR)")
        parser.add_argument("--email", action="store_true", help="فرستادن چکیده برای ممیزان")

    def handle(self, *args, **options):
        head = digest.current()
        path = digest.write(head, Path(options["dir"]) if options["dir"] else None)
        self.stdout.write(f"{path}\n{digest.render(head)}")
        if options["email"]:
            sent = digest.send(head)
            self.stdout.write(
                f"برای {to_persian_digits(sent)} ممیز فرستاده شد."
                if sent
                else "نشانی رایانامه هیچ ممیزی ثبت نشده است."
            )
