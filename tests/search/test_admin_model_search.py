"""The admin's model listings read their search box with the search box's parser (issue 11 §3):
the revision register and the records list find numbers in any digits and part order, Jalali dates,
Arabic letter forms, and honour exclusions; what the parser cannot read is a Persian message."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from accounts.roles import Role
from jalali.calendar import parse_jalali
from search.model_search import parsed_model_search
from search.query import parse_query
from tests.factories import new_procedure, paper_signers, person, site_tree
from tests.records import factories as records_factories

pytestmark = pytest.mark.django_db


def listed(client, url: str, query: str) -> list[int]:
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [row.pk for row in response.context["object_list"]]


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


@pytest.fixture
def revisions(db):
    from procedures.models import ControlledRevision
    from procedures.services import PaperRevision, import_legacy_revision

    _, procedures, _ = site_tree()
    officer = person("model-search-officer", None)
    made = {}
    for slug, title, code, issued in (
        ("evaluation", "روش اجرايي ارزيابي عملكرد", "م پ-م-۱-۰۴", "۱۳۹۵/۱۰/۰۵"),
        ("complaints", "روش اجرایی رسیدگی به شکایات", "م پ-م-۲-۰۷", "۱۳۹۶/۰۲/۱۰"),
    ):
        page = new_procedure(procedures, title=title, code=code, slug=slug)
        day = parse_jalali(issued)
        signers = paper_signers(day)
        import_legacy_revision(
            page,
            PaperRevision(0, day, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
            imported_by=officer,
            note="آزمون جستجوی دفتر بازنگری‌ها",
        )
        made[slug] = ControlledRevision.objects.get(page=page).pk
    return made


@pytest.fixture
def admin_client(client):
    client.force_login(person("model-search-admin", None, is_superuser=True, is_staff=True))
    return client


def test_the_revision_register_finds_a_code_in_ascii_digits_and_a_title_in_persian_letters(
    admin_client, revisions
):
    url = reverse("controlled_revisions:index")
    assert listed(admin_client, url, "م پ-م-1-04/00") == [revisions["evaluation"]]
    # The title was typed with Arabic ي and ك; the reader types Persian letters.
    assert listed(admin_client, url, "ارزیابی عملکرد") == [revisions["evaluation"]]


def test_the_revision_register_finds_revisions_by_a_jalali_date_in_any_form(admin_client, revisions):
    url = reverse("controlled_revisions:index")
    for written in ("۱۳۹۵/۱۰/۰۵", "05/10/1395", "۵ دی ۱۳۹۵"):
        assert listed(admin_client, url, written) == [revisions["evaluation"]], written


def test_the_revision_register_honours_exclusions_and_alternatives(admin_client, revisions):
    url = reverse("controlled_revisions:index")
    assert listed(admin_client, url, "روش اجرایی -شکایات") == [revisions["evaluation"]]
    assert set(listed(admin_client, url, "شکایات OR عملکرد")) == set(revisions.values())


def test_a_date_the_parser_cannot_read_is_a_persian_message_and_lists_nothing(admin_client, revisions):
    response = admin_client.get(reverse("controlled_revisions:index"), {"q": "۱۳۹۳/۰/۲۰"})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    assert any("ماه ۰ وجود ندارد" in m for m in messages_of(response))


def test_the_records_list_finds_a_reference_number_with_its_parts_in_another_order(client):
    home, _, _ = site_tree()
    series = records_factories.series(records_factories.register_page(home))
    keeper = person("model-search-records", Role.RECORDS_MANAGER, "مسئول بایگانی")
    wanted = records_factories.draft_record(series, keeper, ref="۴۲۲۵/۴۴۳۲۷", title="صورت‌جلسه کمیته")
    other = records_factories.draft_record(
        series, keeper, ref="۹۹/۱", title="گزارش ارجاع به ۴۲۲۵/۴۴۳۲۷", when=dt.date(2019, 3, 21)
    )
    client.force_login(keeper)
    url = reverse("records:index")
    # Its own number first, then the record that only mentions it.
    assert listed(client, url, "44327/4225") == [wanted.pk, other.pk]
    assert listed(client, url, "۱۳۹۷/۰۱/۰۱") == [wanted.pk]  # 2018-03-21
    assert listed(client, url, "صورت جلسه") == [wanted.pk]


def test_the_model_search_lists_own_numbers_first_and_keeps_the_listings_order_after(revisions):
    from procedures.models import ControlledRevision

    queryset = ControlledRevision.objects.order_by("-pk")
    found = parsed_model_search(queryset, parse_query("روش اجرایی"), ["title", "code"], ["code"])
    assert list(found.values_list("pk", flat=True)) == sorted(revisions.values(), reverse=True)
    found = parsed_model_search(queryset, parse_query("م پ-م-۲-۰۷/۰۰ OR روش"), ["title"], ["code"])
    assert list(found.values_list("pk", flat=True))[:1] == [revisions["complaints"]]


def test_the_agency_and_indicator_snippets_fold_letters_and_digits_as_the_search_box_does(admin_client):
    from tests.evaluation import factories as evaluation_factories

    lorestan = evaluation_factories.agency("۱۲۰", "اداره كل آموزش و پرورش استان لرستان")
    other = evaluation_factories.agency("۱۳۰", "اداره کل بهزیستی")
    assert listed(admin_client, reverse("wagtailsnippets_evaluation_agency:list"), "اداره کل آموزش") == [
        lorestan.pk
    ]
    assert listed(admin_client, reverse("wagtailsnippets_evaluation_agency:list"), "130") == [other.pk]
    indicator = evaluation_factories.indicator("ع-۱۰۲", title="استقرار نظام مديريت عملكرد")
    url = reverse("wagtailsnippets_evaluation_indicator:list")
    assert listed(admin_client, url, "مدیریت عملکرد") == [indicator.pk]
    assert listed(admin_client, url, "ع-102") == [indicator.pk]
