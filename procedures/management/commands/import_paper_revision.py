"""python manage.py import_paper_revision FILE.json --by USERNAME

The explicit, audited way a revision signed on paper before Sanad enters the register. The file says:
{"page": 12, "number": 0, "issue_date": "۱۳۹۵/۱۰/۰۵", "revision_date": null, "change_reason": "",
 "preparer": {"name": "…", "position": "…", "date": "۱۳۹۵/۱۰/۰۵"}, "confirmer": {…}, "approver": {…},
 "note": "where the paper copy is kept"}
"""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from jalali.calendar import JalaliDateError, parse_jalali
from procedures.models import ControlledDocumentPage
from procedures.rules import ControlRuleViolation
from procedures.services import PaperRevision, Signer, import_legacy_revision


class Command(BaseCommand):
    help = "ورود نسخه کاغذی امضاشده یک سند کنترل‌شده (پیش از سند) به دفتر بازنگری‌ها"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--by", required=True, help="نام کاربری واردکننده")

    def handle(self, *args, file: Path, by: str, **options):
        try:
            spec = json.loads(file.read_text(encoding="utf-8"))
            user = get_user_model().objects.get(username=by)
            page = Page.objects.get(pk=spec["page"]).specific
            if not isinstance(page, ControlledDocumentPage):
                raise CommandError("صفحه انتخاب‌شده سند کنترل‌شده نیست.")
            paper = PaperRevision(
                number=int(spec["number"]),
                issue_date=parse_jalali(spec["issue_date"]),
                revision_date=parse_jalali(spec["revision_date"]) if spec.get("revision_date") else None,
                change_reason=spec.get("change_reason", ""),
                preparer=self._signer(spec["preparer"]),
                confirmer=self._signer(spec["confirmer"]),
                approver=self._signer(spec["approver"]),
            )
            controlled = import_legacy_revision(page, paper, imported_by=user, note=spec.get("note", ""))
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"پرونده قابل خواندن نیست: {exc}") from exc
        except (KeyError, ValueError, TypeError) as exc:
            raise CommandError(f"پرونده ناقص یا نادرست است: {exc}") from exc
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"کاربر «{by}» یافت نشد.") from exc
        except Page.DoesNotExist as exc:
            raise CommandError("صفحه یافت نشد.") from exc
        except (ControlRuleViolation, JalaliDateError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"بازنگری {controlled.code} وارد و منتشر شد."))

    @staticmethod
    def _signer(data: dict) -> Signer:
        return Signer(
            name=data["name"], position=data.get("position", ""), signed_on=parse_jalali(data["date"])
        )
