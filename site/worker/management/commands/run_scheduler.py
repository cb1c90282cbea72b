"""``manage.py run_scheduler``: the scheduler process. Every minute it enqueues the jobs of
``worker.schedule.SCHEDULE`` that are due; the worker (``manage.py db_worker``) runs them."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from worker.scheduler import enqueue_due


class Command(BaseCommand):
    help = "زمان‌بند: هر دقیقه کارهای موعددار را در صف می‌گذارد (اجرا با db_worker)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="فقط کارهای همین دقیقه، سپس پایان.")

    def handle(self, *args, once: bool = False, **options):
        while True:
            now = timezone.localtime()
            for name in enqueue_due(now):
                self.stdout.write(f"{now:%Y-%m-%d %H:%M} {name}")
            if once:
                return
            time.sleep(60 - timezone.localtime().second + 1)
