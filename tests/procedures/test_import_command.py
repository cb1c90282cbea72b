"""Rule 9's explicit path from the command line: paper revisions in, nothing around the rules."""

import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry

from procedures.models import ControlledRevision, ProcedurePage

pytestmark = pytest.mark.django_db


def spec_file(tmp_path, page, **overrides):
    signer = {"position": "سمت", "date": "۱۳۹۵/۱۰/۰۵"}
    spec = {
        "page": page.pk,
        "number": 0,
        "issue_date": "۱۳۹۵/۱۰/۰۵",
        "revision_date": None,
        "change_reason": "",
        "preparer": {**signer, "name": "زینب گودرزی"},
        "confirmer": {**signer, "name": "فریده بیرانوند"},
        "approver": {**signer, "name": "علی هادی چگنی"},
        "note": "بایگانی واحد کیفیت",
        **overrides,
    }
    path = tmp_path / "revision.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return path


def test_command_imports_a_paper_revision_and_audits_it(tmp_path, draft, people):
    call_command("import_paper_revision", str(spec_file(tmp_path, draft)), by="preparer")

    page = ProcedurePage.objects.get(pk=draft.pk)
    assert page.live and page.full_code.endswith("/۰۰")
    assert ControlledRevision.objects.get(page=draft).imported
    assert PageLogEntry.objects.filter(
        page=draft, action="sanad.revision.import", user=people["preparer"]
    ).exists()


def test_command_refuses_a_second_revision_00(tmp_path, issued, people):
    with pytest.raises(CommandError, match="شماره بازنگری باید"):
        call_command("import_paper_revision", str(spec_file(tmp_path, issued)), by="preparer")
    assert ControlledRevision.objects.filter(page=issued).count() == 1


def test_command_refuses_an_impossible_date_with_a_persian_message(tmp_path, draft, people):
    path = spec_file(tmp_path, draft, issue_date="۱۳۹۳/۰/۲۰")
    with pytest.raises(CommandError, match="ماه"):
        call_command("import_paper_revision", str(path), by="preparer")
    assert not ProcedurePage.objects.get(pk=draft.pk).live


def test_command_refuses_a_missing_note(tmp_path, draft, people):
    with pytest.raises(CommandError):
        call_command("import_paper_revision", str(spec_file(tmp_path, draft, note="")), by="preparer")
    assert not ControlledRevision.objects.filter(page=draft).exists()
