"""The demo's two collections list documents of the demo content, and loading again changes nothing."""

import pytest
from django.core.management import call_command

from smartfolders.models import SavedSearchPage

pytestmark = pytest.mark.django_db


def test_the_demo_collections_list_demo_documents_and_load_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", quiet_users=True)
    circulars = SavedSearchPage.objects.get(slug="aeo-circulars-1398-in-force")
    laws = SavedSearchPage.objects.get(slug="performance-evaluation-laws")
    assert circulars.live and laws.live
    assert circulars.get_parent().slug == "collections"

    response = client.get(circulars.url)
    numbers = [hit.document.number for hit in response.context["outcome"].hits]
    assert set(numbers) == {"761847", "712669"}
    assert all(hit.document.status == "in_force" for hit in response.context["outcome"].hits)

    response = client.get(laws.url)
    kinds = {hit.document.kind for hit in response.context["outcome"].hits}
    assert response.context["outcome"].total >= 4
    assert kinds <= {"law", "policy", "regulation", "executive_regulation", "resolution"}

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", quiet_users=True)
    assert SavedSearchPage.objects.count() == 2
