"""Dublin Core metadata in the page head and in Wagtail API v2."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def metas(html: str) -> list[tuple[str, str]]:
    return [
        (name, unescape(content))
        for name, content in re.findall(r'<meta name="(DC\.[a-z]+)" content="([^"]*)"', html)
    ]


def test_procedure_page_head_carries_dublin_core(client, tagged):
    client.force_login(tagged.people["officer"])  # procedures are readable when signed in
    response = client.get(tagged.procedure.url)
    assert response.status_code == 200
    html = response.content.decode()
    head = html[: html.index("</head>")]
    assert '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">' in head
    found = metas(head)
    values = dict(found)
    assert values["DC.title"] == tagged.procedure.title
    assert values["DC.identifier"] == "م پ-م-۱-۰۴/۰۰"
    assert values["DC.language"] == "fa"
    assert values["DC.publisher"] == "سازمان مدیریت و برنامه ریزی استان لرستان"
    assert values["DC.creator"].endswith("معاونت توسعه مدیریت و سرمایه انسانی")
    assert ("DC.date", "2016-12-25") in found and ("DC.date", "۱۳۹۵/۱۰/۰۵") in found
    assert ("DC.type", "Text") in found and ("DC.type", "روش اجرایی") in found
    assert {v for n, v in found if n == "DC.subject"} == {"ارزیابی عملکرد", "نظام اداری"}
    assert "ارزیابی عملکرد دستگاه‌های اجرایی" in values["DC.description"]
    assert "سیستم مدیریت کیفیت" in values["DC.rights"]


def test_reference_identifier_is_its_act_number_and_creator_its_authority(client, tagged):
    from subjects.dublin_core import dublin_core

    dc = dublin_core(tagged.circular)
    assert dc["identifier"] == "۳۶۷۷۳/۹۱/۲۱۰"
    assert dc["date"] == {"iso": "2012-12-03", "jalali": "۱۳۹۱/۰۹/۱۳"}
    assert dc["type"]["label"] == "بخشنامه"
    assert dc["subject"] == ["بخشنامه", "نظام اداری"]


def test_api_detail_carries_dublin_core_and_listing_does_not(client, tagged):
    detail = client.get(f"/api/v2/pages/{tagged.circular.pk}/").json()
    dc = detail["dublin_core"]
    assert dc["title"] == tagged.circular.title
    assert dc["identifier"] == "۳۶۷۷۳/۹۱/۲۱۰"
    assert dc["language"] == "fa" and dc["subject"] == ["بخشنامه", "نظام اداری"]
    assert dc["date"]["jalali"] == "۱۳۹۱/۰۹/۱۳"
    assert set(dc) == {
        "title",
        "creator",
        "subject",
        "description",
        "publisher",
        "date",
        "type",
        "identifier",
        "language",
        "rights",
    }
    listing = client.get("/api/v2/pages/", {"type": "procedures.ExternalReferencePage"}).json()
    assert "dublin_core" not in listing["items"][0]


def test_a_page_without_a_date_of_its_own_is_dated_by_tehrans_day_of_publication(db):
    """A section published at 00:30 in Tehran (21:00 UTC the day before) carries Tehran's date."""
    from home.models import SectionIndexPage
    from jalali.calendar import format_jalali
    from subjects.dublin_core import dublin_core
    from tests.clock import after_midnight_in_tehran
    from tests.factories import site_tree

    home = site_tree()[0]
    with after_midnight_in_tehran() as tehran:
        section = home.add_child(instance=SectionIndexPage(title="بخش تازه", slug="new-section"))
        section.save_revision().publish()
    section.refresh_from_db()
    assert dublin_core(section)["date"] == {"iso": tehran.isoformat(), "jalali": format_jalali(tehran)}
