"""The distribution demo step: procedure 000's list, requests for its revision in force, one overdue."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from distribution import queries
from distribution.models import AcknowledgementRequest, DistributionList
from procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", quiet_users=True)


def test_the_demo_distributes_procedure_000_with_some_acknowledged_and_one_overdue(demo):
    page = ProcedurePage.objects.get(slug="performance-evaluation")
    assert DistributionList.objects.filter(page_id=page.pk).exists()
    requests = AcknowledgementRequest.objects.filter(page_id=page.pk, controlled__number=1)
    names = set(requests.values_list("recipient__username", flat=True))
    assert {"officer", "officer2", "evaluator", "agency"} <= names
    assert requests.filter(acknowledged_at__isnull=False).count() == 2
    overdue = list(queries.overdue_requests(today=timezone.localdate()))
    assert [r.recipient.username for r in overdue] == ["agency"]


def test_loading_the_demo_again_asks_nobody_twice(demo, django_capture_on_commit_callbacks):
    before = AcknowledgementRequest.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", quiet_users=True)
    assert AcknowledgementRequest.objects.count() == before
