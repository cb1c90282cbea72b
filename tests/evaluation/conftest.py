"""Fixtures for the evaluation cycle: people in each role, a procedure in force, an evidence series,
two agencies with their users, a bank of three indicators and one open cycle."""

import datetime as dt

import pytest
from django.test import override_settings

from accounts.roles import Role
from records.choices import Disposal, PeriodUnit, Trigger
from tests.evaluation import factories as ef
from tests.factories import new_procedure, paper_signers, person, site_tree
from tests.records import factories as rf


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        yield


@pytest.fixture
def people(db):
    return {
        "evaluator": person("evaluator1", Role.EVALUATOR, "کارشناس ارزیاب"),
        "evaluator2": person("evaluator2", Role.EVALUATOR, "کارشناس ارزیاب"),
        "approver": person("approver1", Role.APPROVER, "رئیس سازمان"),
        "auditor": person("auditor1", Role.AUDITOR, "ممیز"),
        "a_user": person("agency_a", Role.AGENCY_USER, "کارشناس دستگاه الف"),
        "b_user": person("agency_b", Role.AGENCY_USER, "کارشناس دستگاه ب"),
        "stranger": person("stranger", None, "کاربر بی‌نقش"),
        "preparer": person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "confirmer": person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت"),
        "signer": person("approver_signer", Role.APPROVER, "رئیس سازمان"),
    }


@pytest.fixture
def tree(db):
    return site_tree()


@pytest.fixture
def procedure(tree, people):
    """Procedure 000, revision 00 in force from 1395/10/05 (imported from paper), with the sign-off workflow."""
    from procedures.services import PaperRevision, import_legacy_revision
    from procedures.setup import ensure_signoff_workflow

    home, procedures, _ = tree
    ensure_signoff_workflow(home)
    page = new_procedure(procedures)
    on = dt.date(2016, 12, 25)
    s = paper_signers(on)
    import_legacy_revision(
        page,
        PaperRevision(0, on, None, "", s["preparer"], s["confirmer"], s["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی ۱۳۹۵",
    )
    page.refresh_from_db()
    return page


@pytest.fixture
def series(tree):
    home, _, _ = tree
    register = rf.register_page(home)
    return rf.series(
        register,
        code="س-ا-۰۱",
        title="مستندات خودارزیابی دستگاه‌ها",
        trigger=Trigger.CYCLE_END,
        active=(1, PeriodUnit.YEARS),
        archive=(4, PeriodUnit.YEARS),
        disposal=Disposal.DESTROY,
    )


@pytest.fixture
def index(tree):
    from records.evaluation.setup import ensure_evaluation_index

    home, _, _ = tree
    return ensure_evaluation_index(home)


@pytest.fixture
def agencies(people):
    a = ef.agency("A01", "اداره کل الف", emails="a@agency.example\nboss-a@agency.example")
    b = ef.agency("B01", "اداره کل ب", emails="b@agency.example")
    ef.member(people["a_user"], a)
    ef.member(people["b_user"], b)
    return {"a": a, "b": b}


@pytest.fixture
def bank(agencies):
    from records.evaluation.choices import IndicatorKind

    return {
        "g1": ef.indicator("ع-۱", "10"),
        "g2": ef.indicator("ع-۲", "20"),
        "s_a": ef.indicator("خ-الف-۱", "5", kind=IndicatorKind.SPECIFIC, owner=agencies["a"]),
    }


@pytest.fixture
def cycle(index, procedure, series, agencies, bank, people):
    """The open cycle: self-assessment from T-30 to T+10, every indicator issued before it started."""
    from records.evaluation import services

    page = ef.cycle(index, procedure, year=ef.YEAR, agencies=[agencies["a"], agencies["b"]], series=series)
    services.issue_indicators(page, bank.values(), by=people["evaluator"], today=ef.day(-35))
    return page


def pdf(text: str = "گزارش") -> bytes:
    return b"%PDF-1.4\n% " + text.encode() + b"\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
