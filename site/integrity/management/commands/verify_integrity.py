"""Nightly: check the audit chain, registered revisions, sign-offs and record files; exit 1 on any breach."""

from django.core.management.base import BaseCommand, CommandError

from integrity import digest, verify
from jalali.digits import to_persian_digits


class Command(BaseCommand):
    help = "وارسی زنجیره ممیزی، محتوای بازنگری‌های ثبت‌شده، امضاها و فایل‌های سوابق"

    def add_arguments(self, parser):
        parser.add_argument(
            "--digest",
            action="append",
            default=[],
            metavar="FILE",
            help="پرونده چکیده روزانه (یا پوشه‌ای از آن‌ها) که زنجیره باید از سر آن بگذرد",
        )

    def handle(self, *args, **options):
        try:
            digests = [digest.read(path) for path in verify.digest_paths(options["digest"])]
        except digest.DigestFormatError as exc:
            raise CommandError(str(exc)) from exc
        _run, report = verify.run_and_store(digests)
        counts = {key: to_persian_digits(value) for key, value in report.counts.items()}
        summary = (
            f"{counts.get('entries', '۰')} رویداد، {counts.get('revisions', '۰')} بازنگری، "
            f"{counts.get('signoffs', '۰')} امضا، {counts.get('files', '۰')} فایل، "
            f"{counts.get('digests', '۰')} چکیده روزانه"
        )
        if report.ok:
            self.stdout.write(self.style.SUCCESS(f"درستی سوابق تایید شد: {summary} بررسی شد."))
            return
        for finding in report.findings:
            self.stderr.write(finding.message)
        raise CommandError(
            f"{to_persian_digits(len(report.findings))} مورد نقض درستی یافت شد ({summary} بررسی شد).",
            returncode=1,
        )
