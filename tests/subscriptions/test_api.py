"""``/api/subscriptions/``: one's own subscriptions and the references they brought, as JSON."""

import pytest

from subscriptions import services
from tests.subscriptions.test_notices import circular

pytestmark = pytest.mark.django_db


def test_anonymous_readers_are_asked_to_sign_in(client):
    response = client.get("/api/subscriptions/")
    assert response.status_code == 401 and "وارد سامانه" in response.json()["detail"]


def test_a_user_reads_their_own_subscriptions_and_what_each_brought(client, world, publish, mailoutbox):
    mine = services.subscribe(world.agency, ref_type="circular", authority=world.aeo)
    services.subscribe(world.colleague, ref_type="law")
    page = circular(world, publish)

    client.force_login(world.agency)
    body = client.get("/api/subscriptions/").json()
    (only,) = body["results"]
    assert only["id"] == mine.pk and only["ref_type"] == "circular"
    assert only["authority"] == "سازمان اداری و استخدامی کشور" and only["delivery"] == "immediate"
    (notice,) = only["recent_notices"]
    assert notice["reference"]["id"] == page.pk and notice["kind"] == "new"
    assert notice["sent"]["at"] and notice["sent"]["jalali"]
