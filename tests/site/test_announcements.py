"""The announcements board (seed 003): display windows through Wagtail's scheduler, audience as page
privacy, attachments served safely, archive and feed."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Collection, PageViewRestriction

from accounts.roles import Role
from announcements.audience import Audience, ensure_attachment_collections
from announcements.demo import NOTICES, seed_notices
from announcements.models import AnnouncementIndexPage, AnnouncementPage
from announcements.sample_files import sample_file
from announcements.services import Attachment, NewAnnouncement, expire_if_ended, publish_announcement
from announcements.window import last_day_of, window_closes_at, window_opens_at
from jalali.calendar import parse_jalali
from tests.factories import person, site_tree

pytestmark = pytest.mark.django_db

TEHRAN = ZoneInfo("Asia/Tehran")  # +04:30 in summer 1399: Iran still kept daylight time


# --- builders ---------------------------------------------------------------------------------------


def make_board() -> AnnouncementIndexPage:
    home, _, _ = site_tree()
    board = AnnouncementIndexPage.objects.first()
    if board is None:
        board = home.add_child(instance=AnnouncementIndexPage(title="اطلاعیه‌ها", slug="announcements"))
        board.save_revision().publish()
    return board


def make_announcement(
    board=None,
    slug="notice",
    title="تمدید خود ارزیابی ایمنی مدارس",
    starts: int = -1,
    ends: int | None = 10,
    audience=Audience.PUBLIC,
    files=(),
    related=(),
    collection=None,
) -> AnnouncementPage:
    """An announcement whose window runs from today+``starts`` to today+``ends`` (days)."""
    board = board or make_board()
    today = timezone.localdate()
    public, private = ensure_attachment_collections()
    spec = NewAnnouncement(
        slug=slug,
        title=title,
        display_from=today + dt.timedelta(days=starts),
        display_to=None if ends is None else today + dt.timedelta(days=ends),
        body="<p>مهلت انجام خودارزیابی ایمنی مدارس تا تاریخ ۹۸/۰۲/۰۵ تمدید گردید.</p>",
        audience=audience,
        summary="مهلت خودارزیابی تمدید شد.",
        attachments=[
            Attachment(f"پیوست {kind}", f"{slug}.{kind}", sample_file(kind, title)) for kind in files
        ],
        related=list(related),
    )
    chosen = collection or (private if audience == Audience.AGENCIES else public)
    return publish_announcement(board, spec, chosen)


def fresh(page):
    return AnnouncementPage.objects.get(pk=page.pk)


# --- the window -------------------------------------------------------------------------------------


def test_window_opens_at_tehran_midnight_and_closes_after_its_last_day():
    first, last = parse_jalali("۱۳۹۹/۰۱/۰۶"), parse_jalali("۱۳۹۹/۰۵/۳۱")
    opens, closes = window_opens_at(first), window_closes_at(last)
    assert opens.astimezone(TEHRAN) == dt.datetime(2020, 3, 25, 0, 0, tzinfo=TEHRAN)
    assert closes.astimezone(TEHRAN) == dt.datetime(2020, 8, 22, 0, 0, tzinfo=TEHRAN)  # day after 1399/05/31
    assert last_day_of(closes) == last


def test_display_window_is_handed_to_wagtail_go_live_and_expiry():
    page = make_announcement(starts=-2, ends=5)
    today = timezone.localdate()
    assert page.go_live_at == window_opens_at(today - dt.timedelta(days=2))
    assert page.expire_at == window_closes_at(today + dt.timedelta(days=5))
    assert page.live


def test_an_announcement_whose_window_has_not_opened_is_scheduled_and_goes_live_with_publish_scheduled(
    client, monkeypatch
):
    page = make_announcement(starts=3, ends=9)
    page = fresh(page)
    assert not page.live
    assert page.latest_revision.approved_go_live_at == page.go_live_at
    assert client.get(f"/announcements/{page.slug}/").status_code == 404

    later = timezone.now() + dt.timedelta(days=4)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    assert fresh(page).live


def test_publish_scheduled_expires_an_announcement_after_its_last_day_and_the_archive_keeps_it(
    client, monkeypatch
):
    board = make_board()
    page = make_announcement(board, starts=-3, ends=1)
    assert page.slug in client.get("/announcements/").content.decode()

    later = timezone.now() + dt.timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    page = fresh(page)
    assert not page.live and page.expired

    board_html = client.get("/announcements/").content.decode()
    assert page.title not in board_html
    archive_html = client.get("/announcements/archive/").content.decode()
    assert page.title in archive_html
    response = client.get(f"/announcements/{page.slug}/")
    assert response.status_code == 200
    assert "دوره نمایش این اطلاعیه پایان یافته است" in response.content.decode()


def test_the_board_drops_an_ended_announcement_even_before_the_cron_job_runs(client, monkeypatch):
    page = make_announcement(starts=-3, ends=1)
    later = timezone.now() + dt.timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert fresh(page).live  # publish_scheduled has not run yet
    assert page.title not in client.get("/announcements/").content.decode()
    html = client.get(f"/announcements/{page.slug}/").content.decode()
    assert "دوره نمایش این اطلاعیه پایان یافته است" in html


def test_a_scheduled_announcement_is_not_reachable_through_the_archive_address(client):
    page = make_announcement(starts=5, ends=9)
    assert client.get(f"/announcements/{page.slug}/").status_code == 404
    assert page.title not in client.get("/announcements/archive/").content.decode()


def test_an_announcement_made_with_a_past_window_goes_straight_to_the_archive():
    page = make_announcement(starts=-30, ends=-10)
    page = fresh(page)
    assert not page.live and page.expired
    assert page.window_state() == "ended"
    assert expire_if_ended(page) is False  # nothing left to do


def test_window_ending_before_it_starts_is_refused_with_a_persian_message():
    page = make_announcement()
    page.display_to = page.display_from - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "پایان دوره نمایش" in str(error.value)


def test_an_announcement_cannot_take_a_slug_the_board_uses():
    page = make_announcement()
    page.slug = "archive"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "نامک" in str(error.value)


# --- the audience -----------------------------------------------------------------------------------


def test_agencies_only_sets_a_group_restriction_and_anonymous_readers_are_sent_to_log_in(client):
    page = make_announcement(audience=Audience.AGENCIES, slug="hamgam-credentials")
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert Role.AGENCY_USER.value in {g.name for g in restriction.groups.all()}

    response = client.get(page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert page.title not in client.get("/announcements/").content.decode()
    assert page.title not in client.get("/announcements/feed/").content.decode()

    client.force_login(person("agency1", Role.AGENCY_USER))
    assert client.get(page.url).status_code == 200
    assert page.title in client.get("/announcements/").content.decode()


def test_a_reader_outside_the_agencies_is_refused_an_ended_agencies_only_announcement(client):
    page = make_announcement(audience=Audience.AGENCIES, starts=-30, ends=-10, slug="ended-private")
    assert client.get("/announcements/ended-private/").status_code == 302
    client.force_login(person("citizen", None))
    assert client.get("/announcements/ended-private/").status_code == 302
    assert page.title not in client.get("/announcements/archive/").content.decode()
    client.force_login(person("agency2", Role.AGENCY_USER))
    assert client.get("/announcements/ended-private/").status_code == 200


def test_widening_the_audience_in_a_draft_keeps_the_notice_private_until_it_is_published():
    page = make_announcement(audience=Audience.AGENCIES)
    draft = page.get_latest_revision_as_object()
    draft.audience = Audience.PUBLIC
    revision = draft.save_revision()
    assert PageViewRestriction.objects.filter(page=page).exists()
    revision.publish()
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_agencies_only_announcement_refuses_an_attachment_anyone_could_download():
    public, _ = ensure_attachment_collections()
    with pytest.raises(ValidationError) as error:
        make_announcement(audience=Audience.AGENCIES, files=["pdf"], collection=public)
    assert "محدودیت دسترسی" in str(error.value)


# --- attachments ------------------------------------------------------------------------------------

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "zip": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@pytest.mark.parametrize("kind", ["pdf", "zip", "xlsx"])
def test_attachments_download_as_files_with_their_type_and_no_sniffing(client, kind):
    page = make_announcement(files=[kind], slug=f"with-{kind}")
    html = client.get(page.url).content.decode()
    document = page.attachments.get().document
    assert document.url in html
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[kind]
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_an_agencies_only_attachment_is_not_downloadable_anonymously(client):
    page = make_announcement(audience=Audience.AGENCIES, files=["xlsx"], slug="private-file")
    document = page.attachments.get().document
    assert client.get(document.url).status_code in {302, 403}
    client.force_login(person("agency3", Role.AGENCY_USER))
    assert client.get(document.url).status_code == 200


def test_sample_files_are_valid_pdf_zip_and_xlsx():
    from openpyxl import load_workbook

    pdf = sample_file("pdf", "x")
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    with zipfile.ZipFile(io.BytesIO(sample_file("zip", "x"))) as archive:
        assert archive.testzip() is None and len(archive.namelist()) == 2
    book = load_workbook(io.BytesIO(sample_file("xlsx", "فهرست")))
    assert book.active["A1"].value == "فهرست"


# --- related documents, archive, feed --------------------------------------------------------------


def test_related_circulars_are_linked_from_the_announcement(client):
    from procedures.models import ExternalReferencePage

    _, _, references = site_tree()
    circular = references.add_child(
        instance=ExternalReferencePage(
            title="بخشنامه ارزیابی عملکرد ۱۳۹۸", ref_type="circular", number="24/189975/110", slug="c1398"
        )
    )
    circular.save_revision().publish()
    page = make_announcement(related=[circular])
    html = client.get(page.url).content.decode()
    assert circular.url in html and "۲۴/۱۸۹۹۷۵/۱۱۰" in html


def test_archive_lists_ended_announcements_by_jalali_year_and_month(client):
    board = make_board()
    old = make_announcement(board, slug="old", title="اطلاعیه قدیمی", starts=-400, ends=-380)
    make_announcement(board, slug="now", title="اطلاعیه جاری", starts=-1, ends=5)
    from announcements.window import jalali_year_month

    year, month = jalali_year_month(old.display_from)
    html = client.get(f"/announcements/archive/{year}/{month}/").content.decode()
    assert "اطلاعیه قدیمی" in html and "اطلاعیه جاری" not in html
    assert "اطلاعیه قدیمی" in client.get(f"/announcements/archive/{year}/").content.decode()
    assert client.get(f"/announcements/archive/{year}/13/").status_code == 404


def test_atom_feed_carries_the_public_announcements_showing_now(client):
    board = make_board()
    make_announcement(board, slug="current", title="اطلاعیه جاری", starts=-1, ends=5)
    make_announcement(board, slug="over", title="اطلاعیه تمام‌شده", starts=-30, ends=-10)
    response = client.get("/announcements/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "اطلاعیه جاری" in body and "اطلاعیه تمام‌شده" not in body
    assert "/announcements/current/" in body


# --- the demo of seed 003 --------------------------------------------------------------------------


def test_seed_003_gives_ten_notices_with_their_real_windows_and_attachments():
    notices = seed_notices()
    assert len(notices) == len(NOTICES) == 10
    first = notices[0]
    assert first["title"] == "فرایند ارزیابی عملکرد سال 1398"
    assert (first["from"], first["to"]) == (parse_jalali("۱۳۹۹/۰۱/۰۶"), parse_jalali("۱۳۹۹/۰۵/۳۱"))
    assert notices[-1]["title"] == "دریافت کد و رمز سامانه همگام"
    assert (notices[-1]["from"], notices[-1]["to"]) == (
        parse_jalali("۱۳۹۷/۱۲/۱۹"),
        parse_jalali("۱۳۹۸/۰۱/۲۳"),
    )
    kinds = sorted(kind for notice in notices for _, kind in notice["files"])
    assert kinds == sorted(["zip", "pdf", "pdf", "xlsx", "xlsx", "pdf", "pdf", "pdf", "pdf", "zip", "zip"])


def test_the_agencies_collection_is_restricted_to_the_agency_audience():
    _, private = ensure_attachment_collections()
    assert isinstance(private, Collection)
    groups = {g.name for r in private.get_view_restrictions() for g in r.groups.all()}
    assert Role.AGENCY_USER.value in groups


def test_the_editor_shows_the_jalali_window_and_hides_wagtails_own_schedule_fields(client):
    from django.urls import reverse

    page = make_announcement()
    client.force_login(person("root", None, is_superuser=True, is_staff=True))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert 'name="display_from"' in html and 'name="display_to"' in html
    assert 'name="go_live_at"' not in html and 'name="expire_at"' not in html
    add = client.get(
        reverse("wagtailadmin_pages:add", args=["announcements", "announcementpage", page.get_parent().pk])
    )
    assert add.status_code == 200
