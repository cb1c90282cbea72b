import datetime as dt

import pytest

from accounts.roles import Role
from tests.factories import agency, distribution_list, new_procedure, paper_signers, person, site_tree


@pytest.fixture
def tree(db):
    return site_tree()


@pytest.fixture
def workflow(tree):
    from procedures.setup import ensure_signoff_workflow

    return ensure_signoff_workflow(tree[0])


@pytest.fixture
def people(db):
    return {
        "preparer": person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "confirmer": person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت"),
        "approver": person("approver", Role.APPROVER, "رئیس سازمان"),
        "approver2": person("approver2", Role.APPROVER, "رئیس سازمان"),
        "auditor": person("auditor", Role.AUDITOR, "ممیز داخلی"),
        "evaluator": person("evaluator", Role.EVALUATOR, "کارشناس ارزیاب"),
        "agency_user": person("agency_user", Role.AGENCY_USER, "کارشناس دستگاه"),
        "outsider": person("outsider", None, "کارشناس"),
    }


@pytest.fixture
def draft(tree, workflow):
    return new_procedure(tree[1])


@pytest.fixture
def health_agency(people):
    return agency("A-01", "اداره کل بهداشت استان", members=[people["agency_user"]])


@pytest.fixture
def dlist(draft, people, roles, health_agency):
    """The procedure goes to the quality officers' group, the evaluator and one agency."""
    return distribution_list(
        draft,
        users=[people["evaluator"]],
        groups=[roles[Role.QUALITY_OFFICER]],
        agencies=[health_agency],
        days=10,
    )


def import_paper_revision(page, by):
    from procedures.services import PaperRevision, import_legacy_revision

    on = dt.date(2016, 12, 25)  # 1395/10/05
    signers = paper_signers(on)
    controlled = import_legacy_revision(
        page,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=by,
        note="نسخه کاغذی ۱۳۹۵",
    )
    page.refresh_from_db()
    return controlled


@pytest.fixture
def in_force(dlist, draft, people, django_capture_on_commit_callbacks, mailoutbox):
    """Revision 00 comes into force with the distribution list in place; the signal runs on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        controlled = import_paper_revision(draft, people["preparer"])
    return controlled


@pytest.fixture
def register(tree):
    from tests.records.factories import register_page

    return register_page(tree[0])
