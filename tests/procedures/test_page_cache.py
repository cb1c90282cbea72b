"""The server's page cache serves anonymous readers without rendering, and never a stale controlled
revision: publication, supersession and withdrawal invalidate it at once."""

import pytest
from django.test import override_settings

from procedures.models import ProcedurePage
from tests.procedures.signoff import sign_through

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locmem_cache")]


@pytest.fixture
def locmem_cache():
    from django.core.cache import cache

    cache.clear()
    with override_settings(SANAD_PAGE_CACHE_SECONDS=600):
        yield
    cache.clear()


def read(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response


def test_an_anonymous_reader_gets_the_second_read_from_the_cache(client, issued):
    assert read(client, issued)["X-Sanad-Cache"] == "miss"
    second = read(client, issued)
    assert second["X-Sanad-Cache"] == "hit"
    assert "م پ-م-۱-۰۴/۰۰" in second.content.decode()
    assert second["Content-Security-Policy"]  # the outer middleware still dresses a cached page


def test_a_new_revision_in_force_is_shown_at_once_not_the_cached_one(
    client, issued, people, django_capture_on_commit_callbacks
):
    read(client, issued)
    assert read(client, issued)["X-Sanad-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        sign_through(
            issued,
            people["preparer"],
            people["confirmer"],
            people["approver"],
            change_reason="بازنگری سالانه",
        )
    page = ProcedurePage.objects.get(pk=issued.pk)
    fresh = read(client, page)
    assert fresh["X-Sanad-Cache"] == "miss"
    assert "م پ-م-۱-۰۴/۰۱" in fresh.content.decode()


def test_a_withdrawal_is_shown_at_once(client, issued, people, django_capture_on_commit_callbacks):
    from procedures.services import decide_withdrawal, request_withdrawal

    read(client, issued)
    with django_capture_on_commit_callbacks(execute=True):
        request = request_withdrawal(issued, requested_by=people["preparer"], reason="منسوخ شدن فرایند")
        decide_withdrawal(request, decided_by=people["approver"], approve=True)
    assert read(client, issued)["X-Sanad-Cache"] == "miss"


def test_a_signed_in_reader_is_never_served_or_stored(client, issued, people):
    client.force_login(people["auditor"])
    first = client.get(issued.url)
    second = client.get(issued.url)
    assert "X-Sanad-Cache" not in first and "X-Sanad-Cache" not in second
    client.logout()
    assert read(client, issued)["X-Sanad-Cache"] == "miss"  # nothing was stored for the signed-in reader


def test_a_query_string_is_its_own_entry(client, issued):
    assert client.get("/search/?q=ارزیابی")["X-Sanad-Cache"] == "miss"
    assert client.get("/search/?q=ارزیابی")["X-Sanad-Cache"] == "hit"
    assert client.get("/search/?q=بخشنامه")["X-Sanad-Cache"] == "miss"
