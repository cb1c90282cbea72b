"""python manage.py load_demo — the demo content, made from the seed documents. Safe to run again."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from home.demo.loader import DEMO_PASSWORD, DEMO_USERS, DemoLoader


class Command(BaseCommand):
    help = "بارگذاری محتوای نمایشی سند از اسناد بذر (قابل اجرای دوباره بدون تکرار)"

    def add_arguments(self, parser):
        parser.add_argument("--quiet-users", action="store_true", help="فهرست کاربران نمایشی چاپ نشود")

    def handle(self, *args, **options):
        # Wagtail mails the demo people as their workflow moves; nobody reads that mail during set-up.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            made = DemoLoader(stdout=self.stdout).load()
        if not made:
            self.stdout.write("محتوای نمایشی از پیش بارگذاری شده بود؛ چیزی تغییر نکرد.")
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if not options["quiet_users"]:
            self.stdout.write(self.style.SUCCESS(f"کاربران نمایشی (گذرواژه همه: {DEMO_PASSWORD}):"))
            for user in DEMO_USERS:
                role = user.role.value if user.role else "مدیر کل سامانه"
                self.stdout.write(f"  {user.username:<10} {role}")
