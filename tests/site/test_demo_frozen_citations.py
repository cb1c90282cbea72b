"""The demo's published revisions carry their frozen citations, inside their content hash (issue #10 §2)."""

import pytest
from django.core.management import call_command

from procedures.citations import FROZEN_KEY
from procedures.models import ControlledRevision, ProcedurePage
from procedures.services import content_sha256

pytestmark = pytest.mark.django_db


def test_every_demo_revision_of_procedure_000_is_frozen_and_hashed_with_it(db):
    call_command("load_demo", quiet_users=True)
    page = ProcedurePage.objects.get(slug="performance-evaluation")
    revisions = list(ControlledRevision.objects.filter(page=page).order_by("number"))
    assert revisions
    for controlled in revisions:
        frozen = controlled.revision.content[FROZEN_KEY]
        assert len(frozen["external_documents"]) == 6
        assert controlled.content_sha256 == content_sha256(controlled.revision.content)
    if len(revisions) > 1:  # revision 01 links §6 to the retention series
        assert revisions[-1].revision.content[FROZEN_KEY]["records_list"]
