"""A withdrawn reference reads as out of force in search, as a withdrawn procedure does (issue #10 §2)."""

import pytest

from accounts.roles import Role
from procedures.models import ExternalReferencePage
from search.procedure_types import ReferenceSearch
from search.registry import Status
from tests.factories import person, site_tree
from tests.search.search_corpus import reference

pytestmark = pytest.mark.django_db


def test_a_withdrawn_reference_is_described_as_withdrawn_and_out_of_force():
    from custody import services

    _, _, references = site_tree()
    kept = reference(references, "kept", title="بخشنامه نافذ", ref_type="circular", number="۱/۱")
    gone = reference(references, "gone", title="بخشنامه ابطالی", ref_type="circular", number="۲/۲")
    request = services.request_withdrawal(
        gone, requested_by=person("o", Role.QUALITY_OFFICER), reason="نادرست"
    )
    services.decide_withdrawal(request, decided_by=person("a", Role.APPROVER), approve=True)
    described = {d.pk: d for d in ReferenceSearch().describe(ExternalReferencePage.objects.all())}
    assert described[kept.pk].status == Status.IN_FORCE and described[kept.pk].status_note == ""
    assert described[gone.pk].status == Status.SUPERSEDED and described[gone.pk].status_note == "ابطال‌شده"
