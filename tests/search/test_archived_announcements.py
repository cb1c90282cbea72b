"""Announcements in the site search: showing ones as they are, ended ones from the archive marked
«بایگانی‌شده», upcoming and private ones not at all (issue 11 §1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from announcements.audience import Audience, ensure_attachment_collections
from announcements.services import NewAnnouncement, publish_announcement
from tests.search import rendered_pages

pytestmark = pytest.mark.django_db

WORD = "سامانه‌سجاد"  # one word in every notice below, in no template


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.SANAD_PUBLIC_CACHE_SECONDS = 0


def notice(slug: str, *, starts: int, ends: int | None, audience=Audience.PUBLIC):
    today = timezone.localdate()
    public, private = ensure_attachment_collections()
    spec = NewAnnouncement(
        slug=slug,
        title=f"اطلاعیه {slug}",
        display_from=today + dt.timedelta(days=starts),
        display_to=None if ends is None else today + dt.timedelta(days=ends),
        body=f"<p>ثبت‌نام در {WORD} آغاز شد</p>",
        audience=audience,
    )
    board = rendered_pages._board()
    page = publish_announcement(board, spec, private if audience == Audience.AGENCIES else public)
    return type(page).objects.get(pk=page.pk)


def results(client: Client, **params) -> dict[int, dict]:
    response = client.get("/api/search/", {"q": WORD, **params})
    assert response.status_code == 200, response.content[:300]
    return {hit["id"]: hit for hit in response.json()["results"]}


def test_an_ended_announcement_is_found_marked_archived():
    showing = notice("showing", starts=-1, ends=5)
    ended = notice("ended", starts=-20, ends=-3)
    assert not ended.live  # unpublished by its window, as the scheduler does

    found = results(Client())
    assert found[showing.pk]["status"] == "in_force"
    assert found[ended.pk]["status"] == "archived"
    assert found[ended.pk]["status_label"] == "بایگانی‌شده"
    assert found[ended.pk]["type"] == "announcement"
    assert found[ended.pk]["url"].endswith(ended.get_url())  # its address in the board's archive


def test_the_search_page_and_the_notice_both_say_archived():
    ended = notice("ended", starts=-20, ends=-3)
    client = Client()
    page = client.get("/search/", {"q": WORD}).content.decode()
    assert ended.title in page and "بایگانی‌شده" in page
    own = client.get(ended.get_url())
    assert own.status_code == 200
    assert "بایگانی‌شده" in own.content.decode()


def test_the_status_filter_separates_archived_from_current():
    showing = notice("showing", starts=-1, ends=5)
    ended = notice("ended", starts=-20, ends=-3)
    client = Client()
    assert set(results(client, status="archived")) == {ended.pk}
    assert set(results(client, status="in_force")) == {showing.pk}


def test_upcoming_and_agencies_only_notices_stay_out_of_anonymous_search():
    upcoming = notice("upcoming", starts=3, ends=10)
    private_ended = notice("private-ended", starts=-20, ends=-3, audience=Audience.AGENCIES)
    public_ended = notice("public-ended", starts=-20, ends=-3)
    found = results(Client())
    assert public_ended.pk in found
    assert upcoming.pk not in found
    assert private_ended.pk not in found


def test_a_date_in_the_window_finds_the_notice():
    ended = notice("ended", starts=-20, ends=-3)
    from jalali.calendar import format_jalali

    response = Client().get("/api/search/", {"q": format_jalali(ended.display_from)})
    assert ended.pk in {hit["id"] for hit in response.json()["results"]}


def test_an_ended_announcement_was_in_force_on_the_days_of_its_window_only():
    """``in_force_on`` (issue 13 §3): a notice stood as showing on the days of its window."""
    from jalali.calendar import format_jalali

    ended = notice("ended-window", starts=-20, ends=-3)
    first_day = timezone.localdate() - dt.timedelta(days=20)
    last_day = timezone.localdate() - dt.timedelta(days=3)

    def on(day: dt.date) -> dict[int, dict]:
        return results(Client(), in_force_on=format_jalali(day, "ascii"))

    assert on(first_day)[ended.pk]["status"] == "in_force"
    assert on(last_day)[ended.pk]["status"] == "in_force"
    assert ended.pk not in on(first_day - dt.timedelta(days=1))  # not showing yet
    assert ended.pk not in on(last_day + dt.timedelta(days=1))  # archived by then
    period = results(Client(), to=format_jalali(last_day + dt.timedelta(days=1), "ascii"))
    assert period[ended.pk]["status"] == "archived"
