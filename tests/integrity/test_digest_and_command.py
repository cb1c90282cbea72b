"""The daily digest (file and e-mail), the command's exit code and Persian lines, the dashboard panel."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from integrity import digest
from integrity.models import AuditSeal, IntegrityRun
from tests.integrity.conftest import attacker

pytestmark = pytest.mark.django_db


def test_write_audit_digest_writes_the_chain_head_with_its_dates_and_emails_the_auditors(
    world, tmp_path, people
):
    call_command("write_audit_digest", "--dir", str(tmp_path), "--email")
    [path] = list(tmp_path.glob("audit-digest-*.txt"))
    written = digest.read(path)
    head = AuditSeal.objects.order_by("-sequence").first()
    assert (written.sequence, written.sha256) == (head.sequence, head.sha256)
    assert "date_jalali: ۱۴" in path.read_text(encoding="utf-8")
    [message] = [m for m in mail.outbox if "چکیده روزانه زنجیره ممیزی" in m.subject]
    assert message.to == ["auditor@example.org"]
    assert head.sha256 in message.body


def test_write_audit_digest_uses_the_configured_directory(world, tmp_path, settings):
    settings.SANAD_AUDIT_DIGEST_DIR = tmp_path / "kept"
    call_command("write_audit_digest")
    assert len(list((tmp_path / "kept").glob("audit-digest-*.txt"))) == 1


def test_verify_integrity_is_clean_and_stores_the_run(world, tmp_path, capsys):
    call_command("write_audit_digest", "--dir", str(tmp_path))
    call_command("verify_integrity", "--digest", str(tmp_path))
    run = IntegrityRun.objects.get()
    assert run.ok and run.findings == [] and run.counts["digests"] == 1
    assert "درستی سوابق تایید شد" in capsys.readouterr().out


def test_verify_integrity_exits_non_zero_naming_each_breach_in_persian(world, capsys):
    with attacker("procedures_signoff") as cursor:
        cursor.execute("UPDATE procedures_signoff SET name = %s", ["کسی دیگر"])
    with pytest.raises(CommandError) as failed:
        call_command("verify_integrity")
    assert failed.value.returncode == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2  # revisions ۰۰ and ۰۱
    assert all("امضاها با آنچه هنگام تصویب در زنجیره ممیزی ثبت شد یکسان نیستند" in line for line in lines)
    run = IntegrityRun.objects.get()
    assert not run.ok and len(run.findings) == 2


def test_a_file_that_is_not_a_digest_is_refused_in_persian(world, tmp_path):
    bad = tmp_path / "audit-digest-x.txt"
    bad.write_text("nothing here", encoding="utf-8")
    with pytest.raises(CommandError, match="چکیده روزانه زنجیره ممیزی نیست"):
        call_command("verify_integrity", "--digest", str(bad))


def _dashboard(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_auditor_sees_the_last_run_and_its_findings_on_the_dashboard(world, people):
    with attacker("procedures_signoff") as cursor:
        cursor.execute("UPDATE procedures_signoff SET name = %s", ["کسی دیگر"])
    with pytest.raises(CommandError):
        call_command("verify_integrity")
    page = _dashboard(people["auditor"])
    assert "وارسی درستی سوابق" in page
    assert "۲ مورد نقض درستی یافت شد" in page
    assert "امضاها با آنچه هنگام تصویب" in page


def test_the_superuser_sees_a_clean_run_and_others_see_no_panel(world, people):
    call_command("verify_integrity")
    assert "بدون مورد نقض" in _dashboard(people["superuser"])
    assert "وارسی درستی سوابق" not in _dashboard(people["preparer"])
