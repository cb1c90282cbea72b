"""python manage.py import_references FILE [--files DIR] [--dry-run] [--by USERNAME] [--parent PAGE_ID]

Bulk import of external references from CSV or XLSX (issue 13 §1; columns and rules in
``procedures/reference_import.py``). Every row is checked first; any problem is reported with its row
number and nothing is written. A dry run prints what a run would do and writes nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from jalali.digits import to_persian_digits
from procedures import reference_import
from procedures.services import import_references
from sanad.progress import Progress


class Command(BaseCommand):
    help = "ورود گروهی مستندات برون‌سازمانی از فایل CSV یا XLSX (با پرونده‌ها)"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="فهرست CSV یا XLSX")
        parser.add_argument("--files", type=Path, help="پوشه پرونده‌هایی که ستون «پرونده» نام می‌برد")
        parser.add_argument("--dry-run", action="store_true", help="فقط بررسی و گزارش؛ چیزی نوشته نمی‌شود")
        parser.add_argument("--by", help="نام کاربری واردکننده (در تاریخچه ثبت می‌شود)")
        parser.add_argument(
            "--parent", type=int, help="شناسه پوشه مستندات (پیش‌فرض: پوشه مستندات برون‌سازمانی)"
        )
        parser.add_argument("--no-progress", action="store_true", help="بدون نوار پیشرفت")

    def handle(self, *args, file: Path, files: Path | None, dry_run: bool, by, parent, **options):
        user = None
        if by:
            user = get_user_model().objects.filter(username=by).first()
            if user is None:
                raise CommandError(f"کاربر «{by}» یافت نشد.")
        folder = Page.objects.filter(pk=parent).first() if parent else reference_import.default_parent()
        if folder is None:
            raise CommandError("پوشه مستندات برون‌سازمانی یافت نشد؛ شناسه آن را با --parent بدهید.")
        folder = folder.specific
        if user is not None and not reference_import.may_import(user, folder):
            raise CommandError(f"کاربر «{by}» اجازه افزودن و انتشار مستند در «{folder.title}» را ندارد.")
        if files is not None and not files.is_dir():
            raise CommandError(f"پوشه پرونده‌ها «{files}» یافت نشد.")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"فایل «{file}» خوانده نشد: {exc.strerror}") from exc
        started = time.perf_counter()
        plan = reference_import.plan_import(
            file.name, data, reference_import.FileSource.from_directory(files)
        )
        if user is not None and not plan.problems:
            plan.problems = reference_import.permission_problems(plan, user)
        if plan.problems:
            for problem in plan.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{to_persian_digits(len(plan.problems))} ایراد؛ فایل وارد نشد و هیچ تغییری داده نشد."
            )
        if dry_run or options["verbosity"] > 1:
            for row in plan.rows:
                self.stdout.write(reference_import.describe(row))
        if dry_run:
            self.stdout.write(
                f"اجرای آزمایشی: {self._summary(plan.count('create'), plan.count('update'), plan.count('unchanged'))}"
                "؛ چیزی نوشته نشد."
            )
            return
        show = None if options["no_progress"] else Progress(self.stderr._out, label="ورود مستندات")
        counts = import_references(plan, folder, by=user, source=file.name, progress=show)
        seconds = time.perf_counter() - started
        rate = len(plan.rows) / seconds if seconds else 0.0
        self.stdout.write(
            self.style.SUCCESS(
                f"{self._summary(counts['create'], counts['update'], counts['unchanged'])} — "
                f"{to_persian_digits(len(plan.rows))} ردیف در {to_persian_digits(f'{seconds:.1f}')} ثانیه "
                f"({to_persian_digits(f'{rate:.1f}')} ردیف در ثانیه)"
            )
        )

    @staticmethod
    def _summary(created: int, updated: int, unchanged: int) -> str:
        return (
            f"افزوده: {to_persian_digits(created)}، به‌روزشده: {to_persian_digits(updated)}، "
            f"بدون تغییر: {to_persian_digits(unchanged)}"
        )
