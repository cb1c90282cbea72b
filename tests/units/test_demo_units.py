"""The demo is split into units: the deputy's people work in its subtrees, the office's in its own."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    from home.demo.loader import DemoLoader

    loader = DemoLoader()
    loader.load()
    return loader


def test_demo_has_two_units_with_their_own_officers_and_documents(demo):
    from django.contrib.auth import get_user_model

    from procedures.models import ProcedurePage, ServiceStatementPage
    from units.models import OrgUnit

    users = {u.username: u for u in get_user_model().objects.all()}
    assert OrgUnit.objects.count() >= 3
    walkthrough = ProcedurePage.objects.get(slug="performance-evaluation")
    statement = ServiceStatementPage.objects.get(slug="service-statement")
    office_doc = ProcedurePage.objects.get(slug="office-duties")
    assert office_doc.live and office_doc.url_path.endswith("/performance-office/office-duties/")
    assert {s.user.username for s in office_doc.current_controlled_revision.signoffs.all()} == {
        "perf_officer",
        "perf_confirmer",
        "perf_approver",
    }
    for page in (walkthrough, statement):
        assert page.permissions_for_user(users["officer"]).can_edit()
        assert page.permissions_for_user(users["officer"]).can_submit_for_moderation()
        assert not page.permissions_for_user(users["perf_officer"]).can_edit()
    assert office_doc.permissions_for_user(users["perf_officer"]).can_edit()
    assert not office_doc.permissions_for_user(users["officer"]).can_edit()


def test_demo_loader_runs_twice_without_changes(demo):
    from home.demo.loader import DemoLoader
    from units.models import OrgUnit, UnitRole

    before = (OrgUnit.objects.count(), UnitRole.objects.count())
    DemoLoader().load()
    assert (OrgUnit.objects.count(), UnitRole.objects.count()) == before
