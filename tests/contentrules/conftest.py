"""Fixtures for content rules: people in groups with addresses, the site tree, a procedure in force."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from accounts.roles import Role
from tests.factories import new_procedure, paper_signers, person, site_tree


@pytest.fixture
def people(db):
    return {
        "admin": person("root", None, "مدیر سامانه", is_superuser=True, is_staff=True),
        "officer": person("officer1", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "approver": person("approver1", Role.APPROVER, "رئیس سازمان"),
        "evaluator": person("evaluator1", Role.EVALUATOR, "کارشناس ارزیاب"),
        "auditor": person("auditor1", Role.AUDITOR, "ممیز"),
        "stranger": person("stranger", None, "کاربر بی‌نقش"),
    }


@pytest.fixture
def watchers(db):
    """A group of two people with addresses (and one without, who is skipped)."""
    from tests.factories import UserFactory

    group = Group.objects.create(name="ناظران اسناد")
    for username, email in (
        ("watch1", "watch1@example.org"),
        ("watch2", "watch2@example.org"),
        ("watch3", ""),
    ):
        UserFactory(username=username, email=email).groups.add(group)
    return group


@pytest.fixture
def tree(db):
    return site_tree()


def import_paper(page, number: int, on: dt.date, reason: str = "", by=None):
    from procedures.services import PaperRevision, import_legacy_revision

    s = paper_signers(on)
    revision_date = on if number else None
    return import_legacy_revision(
        page,
        PaperRevision(number, on, revision_date, reason, s["preparer"], s["confirmer"], s["approver"]),
        imported_by=by,
        note="نسخه کاغذی",
    )


@pytest.fixture
def draft_procedure(tree):
    """Procedure 000 as a draft under «روش‌های اجرایی», nothing in force yet."""
    from procedures.setup import ensure_signoff_workflow

    home, procedures, _ = tree
    ensure_signoff_workflow(home)
    return new_procedure(procedures)
