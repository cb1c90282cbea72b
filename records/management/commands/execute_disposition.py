"""python manage.py execute_disposition BATCH_ID --user USERNAME — run an approved disposition batch.

The same service as the admin's «اجرا» button: holds, due dates and the two-person approval are checked again.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from records.models import DispositionBatch
from records.rules import RecordsRuleViolation
from records.services import execute_batch


class Command(BaseCommand):
    help = "اجرای فهرست تعیین تکلیف تاییدشده (امحا، انتقال یا نگهداری) با صدور گواهی"

    def add_arguments(self, parser):
        parser.add_argument("batch_id", type=int)
        parser.add_argument("--user", required=True, help="نام کاربری اجراکننده (مدیر سوابق)")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"کاربر «{options['user']}» یافت نشد.")
        batch = DispositionBatch.objects.filter(pk=options["batch_id"]).first()
        if batch is None:
            raise CommandError("فهرست تعیین تکلیف یافت نشد.")
        try:
            batch = execute_batch(batch, by=user)
        except RecordsRuleViolation as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"اجرا شد. گواهی: {batch.certificate}")
