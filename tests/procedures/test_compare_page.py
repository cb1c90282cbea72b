"""The public comparison of two revisions, Wagtail's compare view for auditors, and the PDF's change summary
(issue 13 §4)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from procedures.models import ProcedurePage
from tests.procedures.revisions import CHANGE_REASON, first_issue, registered, second_revision
from tests.procedures.signoff import sign_through

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(tree, workflow, people):
    page = first_issue(tree, people)
    second_revision(page, tree, people)
    return ProcedurePage.objects.get(pk=page.pk)


def compare_url(page, old, new) -> str:
    return f"{page.url}revisions/compare/{old}/{new}/"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_history_links_each_revision_to_a_comparison_with_the_one_before(client, page):
    html = client.get(f"{page.url}revisions/").content.decode()
    assert f'href="{compare_url(page, 0, 1)}"' in html and "مقایسه با (۰۰)" in html
    assert 'name="from"' in html and 'name="to"' in html  # the choice of any two


def test_the_comparison_page_marks_insertions_and_deletions_right_to_left(client, page):
    response = client.get(compare_url(page, 0, 1))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl"' in html
    assert "<del>سالانه</del>" in html and "<ins>فصلی</ins>" in html  # §1, word by word
    assert "<ins>بررسی مستندات و امتیازدهی</ins>" in html  # activity row ۴ added
    assert "<del>برگزاری جلسه توجیهی</del>" in html  # activity row ۲ removed
    assert "<ins>آیین‌نامه ارزیابی</ins>" in html and "<ins>۱۲۳/۴۵</ins>" in html  # a cited act added
    assert '<tr class="row--added">' in html and '<tr class="row--removed">' in html
    text = text_of(html)
    assert "خلاصه تغییرات" in text and CHANGE_REASON in text
    assert "(۰۰)" in text and "م پ-م-۱-۰۴/۰۱" in text and "۱۳۹۵/۱۰/۰۵" in text
    assert "بخش‌های بدون تغییر: «۲- دامنه کاربرد»" in text


def test_the_comparison_of_two_revisions_is_refused_when_they_are_the_same(client, page):
    response = client.get(compare_url(page, 1, 1))
    assert response.status_code == 400
    assert "دو بازنگری متفاوت" in response.content.decode()


def test_a_revision_the_document_does_not_have_is_not_found_in_persian(client, page):
    response = client.get(compare_url(page, 0, 7))
    assert response.status_code == 404
    assert "بازنگری (۰۷) در این سند نیست" in response.content.decode()


def test_newer_first_is_turned_round(client, page):
    response = client.get(compare_url(page, 1, 0))
    assert response.status_code == 302 and response["Location"] == compare_url(page, 0, 1)


@pytest.fixture
def three(page, tree, people):
    sign_through(
        page,
        people["preparer"],
        people["confirmer"],
        people["approver"],
        scope="<p>همه دستگاه‌های اجرایی و شرکت‌های دولتی استان</p>",
        change_reason="دامنه به شرکت‌های دولتی گسترش یافت",
    )
    return ProcedurePage.objects.get(pk=page.pk)


def test_a_reader_chooses_any_two_in_any_digits(client, three):
    response = client.get(f"{three.url}revisions/compare/", {"from": "۲", "to": "00"})
    assert response.status_code == 302 and response["Location"] == compare_url(three, 0, 2)
    html = client.get(response["Location"]).content.decode()
    assert "<ins>و شرکت‌های دولتی</ins>" in html  # §2 changed in ۰۲
    assert "<ins>فصلی</ins>" in html  # and §1 changed in ۰۱: both, between ۰۰ and ۰۲
    one_step = client.get(compare_url(three, 1, 2)).content.decode()
    assert "<ins>فصلی</ins>" not in one_step and "<ins>و شرکت‌های دولتی</ins>" in one_step


@pytest.mark.parametrize(
    ("query", "message", "status"),
    [
        ({"from": "الف", "to": "1"}, "«الف» شماره بازنگری نیست.", 400),
        ({"to": "1"}, "بازنگری نخست را انتخاب کنید.", 400),
        ({"from": "0", "to": "9"}, "بازنگری (۰۹) در این سند نیست.", 404),
        ({"from": "1", "to": "۱"}, "دو بازنگری متفاوت", 400),
        ({"from": "9" * 40, "to": "1"}, "شماره بازنگری نیست", 400),
    ],
)
def test_a_bad_choice_is_refused_in_persian(client, page, query, message, status):
    response = client.get(f"{page.url}revisions/compare/", query)
    assert response.status_code == status
    assert message in response.content.decode()


def test_a_document_with_one_revision_has_nothing_to_compare(client, tree, people, workflow):
    page = first_issue(tree, people)
    history = client.get(f"{page.url}revisions/").content.decode()
    assert "revisions/compare/" not in history
    response = client.get(f"{page.url}revisions/compare/", {"from": "0", "to": "0"})
    assert response.status_code == 404 and "کمتر از دو بازنگری" in response.content.decode()


def test_anonymous_cannot_compare_a_restricted_procedure(client, page, people):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(compare_url(page, 0, 1))
    assert response.status_code == 302 and "login" in response["Location"]
    assert "فصلی" not in response.content.decode()
    client.force_login(people["auditor"])
    assert client.get(compare_url(page, 0, 1)).status_code == 200


# --- Wagtail's compare view -----------------------------------------------------------------------


def admin_compare(page, old, new) -> str:
    revisions = registered(page)
    return reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, revisions[old].revision_id, revisions[new].revision_id],
    )


def test_the_auditor_opens_wagtails_compare_view_read_only(client, page, people):
    client.force_login(people["auditor"])
    response = client.get(admin_compare(page, "00", "01"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "فصلی" in html and "سالانه" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) not in html  # no edit button for a reader


def test_the_auditor_still_cannot_edit_after_comparing(client, page, people):
    client.force_login(people["auditor"])
    client.get(admin_compare(page, "00", "01"))
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit).status_code in {302, 403}
    response = client.post(edit, {"title": "عنوان دیگر"})
    assert response.status_code in {302, 403}
    assert ProcedurePage.objects.get(pk=page.pk).title == page.title
    assert ProcedurePage.objects.get(pk=page.pk).get_latest_revision().pk == page.get_latest_revision().pk


def test_the_public_comparison_offers_the_auditor_the_admin_view_but_not_a_reader(client, page, people):
    assert "مقایسه همه فیلدها" not in client.get(compare_url(page, 0, 1)).content.decode()
    client.force_login(people["auditor"])
    html = client.get(compare_url(page, 0, 1)).content.decode()
    assert f'href="{admin_compare(page, "00", "01")}"' in html


def test_an_editor_keeps_wagtails_compare_view_with_its_edit_button(client, page, people):
    client.force_login(people["preparer"])
    response = client.get(admin_compare(page, "00", "01"))
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in response.content.decode()


def test_an_agency_user_may_not_open_wagtails_compare_view(client, page):
    from accounts.roles import Role
    from tests.factories import person

    client.force_login(person("agency1", Role.AGENCY_USER))
    response = client.get(admin_compare(page, "00", "01"))
    assert response.status_code in {302, 403}
    assert "فصلی" not in response.content.decode()


def test_anonymous_is_sent_to_the_admin_login_from_wagtails_compare_view(client, page):
    response = client.get(admin_compare(page, "00", "01"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_revisions_own_page_links_to_what_it_changed(client, page):
    html = client.get(page.url).content.decode()
    assert f'href="{compare_url(page, 0, 1)}"' in html and "متن تغییرات نسبت به بازنگری (۰۰)" in html
    first = client.get(f"{page.url}revisions/0/").content.decode()
    assert "revisions/compare/" not in first  # ۰۰ is the first issue


def test_tables_say_how_many_rows_stand_unchanged(client, page):
    text = text_of(client.get(compare_url(page, 0, 1)).content.decode())
    assert "۱ ردیف دیگر این جدول تغییری نکرده است." in text  # §5: row ۱; §7: the first act
    assert "بدون تغییر (۱ ردیف)." in text  # §6


def test_the_comparison_is_served_as_json_and_api_v2_links_each_revision_to_it(client, page):
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    urls = {r["number"]: r["changes_url"] for r in detail["revision_history"]}
    assert urls[0] is None and urls[1].endswith(f"{compare_url(page, 0, 1)}?format=json")

    response = client.get(urls[1])
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    assert (body["old"]["number_display"], body["new"]["number_display"]) == ("۰۰", "۰۱")
    assert body["new"]["issue_date_jalali"] and body["has_changes"] is True
    assert any("افزوده" in line for line in body["summary"])
    segments = [s for section in body["sections"] for p in section["paragraphs"] for s in p["segments"]]
    assert {"op": "del", "text": "سالانه"} in segments and {"op": "ins", "text": "فصلی"} in segments
    statuses = {row["status"] for table in body["tables"] for row in table["rows"]}
    assert {"added", "removed"} <= statuses


def test_a_bad_json_comparison_is_refused_in_persian_json(client, page):
    response = client.get(compare_url(page, 0, 7) + "?format=json")
    assert response.status_code == 404 and "در این سند نیست" in response.json()["error"]
