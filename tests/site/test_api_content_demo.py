"""On the demo: every public page's API v2 detail answers with its content (issue 13 §5)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from procedures.models import ExternalReferencePage, ProcedurePage, ServiceStatementPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo", quiet_users=True)


def all_ids(client) -> list[int]:
    ids, offset = [], 0
    while True:
        page = client.get("/api/v2/pages/", {"limit": 100, "offset": offset}).json()
        ids += [item["id"] for item in page["items"]]
        offset += 100
        if offset >= page["meta"]["total_count"]:
            return ids


def test_every_public_demo_page_detail_answers_and_the_seeds_come_whole(client, demo):
    for pk in all_ids(client):
        response = client.get(f"/api/v2/pages/{pk}/")
        assert response.status_code == 200, (pk, response.content[:300])
    procedure = ProcedurePage.objects.get(slug="performance-evaluation")
    data = client.get(f"/api/v2/pages/{procedure.pk}/").json()
    assert len(data["activities"]) == len(procedure.activities) > 10
    assert len(data["external_documents"]) == len(procedure.external_documents) > 5
    assert len(data["records_list"]) == len(procedure.records_list)
    assert all(row["frozen"] for row in data["external_documents"] if row["linked"])
    assert data["issue_date"] == "2016-12-25" and data["issue_date_jalali"] == "۱۳۹۵/۱۰/۰۵"
    statement = ServiceStatementPage.objects.get(slug="service-statement")
    assert len(client.get(f"/api/v2/pages/{statement.pk}/").json()["service_steps"]) == 10
    circular = ExternalReferencePage.objects.get(number="۳۶۷۷۳/۹۱/۲۱۰")
    body = client.get(f"/api/v2/pages/{circular.pk}/").json()
    assert "وظايف" in body["body"] and body["date_jalali"] == "۱۳۹۱/۰۹/۱۳"
    (replaced,) = body["relations"]["outgoing"]
    assert replaced["kind"] == "replaces" and replaced["reference"]["number"] == "۳۵۶۶۵/۱۸۰۱"
