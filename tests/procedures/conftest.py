import datetime as dt

import pytest

from accounts.roles import Role
from tests.factories import new_procedure, paper_signers, person, site_tree


@pytest.fixture
def tree(db):
    return site_tree()


@pytest.fixture
def people(db):
    return {
        "preparer": person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "preparer2": person("preparer2", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "confirmer": person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت"),
        "confirmer2": person("confirmer2", Role.CONFIRMER, "معاون توسعه مدیریت"),
        "approver": person("approver", Role.APPROVER, "رئیس سازمان"),
        "approver2": person("approver2", Role.APPROVER, "رئیس سازمان"),
        "auditor": person("auditor", Role.AUDITOR, "ممیز"),
        "superuser": person("root", None, "مدیر سامانه", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def workflow(tree):
    from procedures.setup import ensure_signoff_workflow

    home, _, _ = tree
    return ensure_signoff_workflow(home)


@pytest.fixture
def draft(tree, workflow):
    _, procedures, _ = tree
    return new_procedure(procedures)


@pytest.fixture
def issued(draft, people):
    """Revision 00 in force, imported from paper as seed 000 was (1395/10/05)."""
    from procedures.services import PaperRevision, import_legacy_revision

    on = dt.date(2016, 12, 25)  # 1395/10/05
    signers = paper_signers(on)
    import_legacy_revision(
        draft,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی ۱۳۹۵",
    )
    draft.refresh_from_db()
    return draft
