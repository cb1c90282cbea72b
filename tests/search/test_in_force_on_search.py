"""«Which circulars were in force on D» through search (issue 13 §3): ``in_force_on=D`` on /search/,
/api/search/ and collections, and status labels computed for the asked day (``in_force_on``, else ``to``).

The issue's example, with a factory-built pair: circular ۳۵۶۶۵/۱۸۰۱ of ۱۳۸۲/۰۳/۰۴, replaced by circular
۳۶۷۷۳/۹۱/۲۱۰ of ۱۳۹۱/۰۹/۱۳ (seed 002), was in force in 1385 and must not be labelled «منسوخ» there.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from jalali.calendar import parse_jalali
from procedures.models import ReferenceRelation, RelationKind
from procedures.services import PaperRevision, import_legacy_revision
from tests.factories import new_procedure, paper_signers, person, site_tree
from tests.search.search_corpus import publish, reference

pytestmark = pytest.mark.django_db


@pytest.fixture
def refs():
    home, procedures, references = site_tree()
    old = reference(
        references,
        "old-35665",
        title="وظایف و ضوابط سازماندهی دفاتر ارزیابی عملکرد و پاسخگویی به شکایات",
        ref_type="circular",
        number="۳۵۶۶۵/۱۸۰۱",
        date="4/3/1382",
    )
    # As seed 002 types it: Arabic ي and ك.
    new = reference(
        references,
        "new-36773",
        title="وظايف و ضوابط سازماندهي دفاتر مديريت عملكرد",
        ref_type="circular",
        number="۳۶۷۷۳/۹۱/۲۱۰",
        date="13/09/1391",
    )
    relation = ReferenceRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
    new = publish(new)
    return SimpleNamespace(home=home, procedures=procedures, old=old, new=new, relation=relation)


def page_hits(client, **params) -> dict[int, str]:
    response = client.get("/search/", params)
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert outcome is not None, response.context["errors"]
    return {hit.document.pk: str(hit.document.status) for hit in outcome.hits}


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content.decode()
    return response.json()


# --- /search/ ---------------------------------------------------------------------------------------


def test_searching_up_to_1385_labels_the_old_circular_in_force_as_it_was_then(client, refs):
    response = client.get("/search/", {"q": "وظایف", "to": "1385/01/01"})
    hits = {hit.document.pk: hit.document for hit in response.context["outcome"].hits}
    assert set(hits) == {refs.old.pk}  # the newer circular is dated after the period
    assert hits[refs.old.pk].status == "in_force" and hits[refs.old.pk].successor_id is None
    html = response.content.decode()
    assert "وضعیت هر سند چنان‌که در تاریخ <strong>۱۳۸۵/۰۱/۰۱</strong>" in html
    assert "badge--ok" in html and "badge--bad" not in html


def test_without_a_date_the_old_circular_is_superseded_today(client, refs):
    response = client.get("/search/", {"q": "وظایف"})
    hits = {hit.document.pk: hit for hit in response.context["outcome"].hits}
    assert hits[refs.old.pk].document.status == "superseded"
    assert hits[refs.old.pk].successor_url == refs.new.url
    assert hits[refs.new.pk].document.status == "in_force"


def test_a_period_ending_after_the_replacement_labels_each_as_it_stood_at_its_end(client, refs):
    assert page_hits(client, q="وظایف", to="1392/01/01") == {
        refs.old.pk: "superseded",
        refs.new.pk: "in_force",
    }
    assert page_hits(client, q="وظایف", to="1392/01/01", status="in_force") == {refs.new.pk: "in_force"}
    assert page_hits(client, q="وظایف", to="1391/09/12", status="in_force") == {refs.old.pk: "in_force"}


@pytest.mark.parametrize(
    "day, kept",
    [
        ("1380/01/01", set()),  # neither issued yet
        ("1382/03/04", {"old"}),  # the old circular's own day
        ("1385/01/01", {"old"}),
        ("1391/09/12", {"old"}),  # the day before the replacement took effect
        ("۱۳۹۱/۰۹/۱۳", {"new"}),  # its effective day: the new one governs
        ("۱ فروردین ۱۴۰۳", {"new"}),
    ],
)
def test_in_force_on_keeps_what_was_in_force_that_day(client, refs, day, kept):
    response = client.get("/search/", {"q": "وظایف", "in_force_on": day})
    hits = {hit.document.pk: str(hit.document.status) for hit in response.context["outcome"].hits}
    assert hits == {getattr(refs, name).pk: "in_force" for name in kept}


def test_an_entered_effective_date_moves_the_answer(client, refs):
    refs.relation.effective_date = parse_jalali("1392/01/01")
    refs.relation.save()
    assert set(page_hits(client, q="وظایف", in_force_on="1391/12/29")) == {refs.old.pk, refs.new.pk}
    assert set(page_hits(client, q="وظایف", in_force_on="1392/01/01")) == {refs.new.pk}


def test_the_search_form_offers_the_day_and_shows_back_what_was_typed(client, refs):
    html = client.get("/search/", {"q": "وظایف", "in_force_on": "1385/01/01"}).content.decode()
    assert 'name="in_force_on" value="1385/01/01"' in html
    assert "اسناد معتبر در تاریخ <strong>۱۳۸۵/۰۱/۰۱</strong>" in html


@pytest.mark.parametrize("bad", ["1399/13/45", "۱۴۰۲/۱۲/۳۰", "دیروز", "1385/01/01/01"])
def test_a_bad_day_on_the_search_page_is_explained_in_persian_and_nothing_is_searched(client, refs, bad):
    response = client.get("/search/", {"q": "وظایف", "in_force_on": bad})
    assert response.status_code == 200
    assert response.context["outcome"] is None
    assert [e.field for e in response.context["errors"]] == ["in_force_on"]
    assert "تاریخ «معتبر در تاریخ» درست نیست" in response.content.decode()


# --- a procedure, by the revisions in its register -------------------------------------------------


def test_a_procedure_is_in_force_from_its_first_revision_on(client, refs):
    procedure = new_procedure(refs.procedures, title="روش اجرایی وظایف ارزیابی")
    issued = parse_jalali("۱۳۹۵/۱۰/۰۵")
    signers = paper_signers(issued)
    import_legacy_revision(
        procedure,
        PaperRevision(0, issued, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=person("in-force-officer", None),
        note="نسخه کاغذی",
    )
    assert procedure.pk not in page_hits(client, q="وظایف", in_force_on="1395/10/04")
    assert page_hits(client, q="وظایف", in_force_on="1395/10/05")[procedure.pk] == "in_force"


# --- /api/search/ -----------------------------------------------------------------------------------


def test_the_api_answers_in_force_on_with_the_day_it_judged(client, refs):
    data = api(client, q="وظایف", in_force_on="۱۳۸۵/۰۱/۰۱")
    assert [r["id"] for r in data["results"]] == [refs.old.pk]
    assert data["results"][0]["status"] == "in_force" and data["results"][0]["status_label"] == "نافذ"
    assert data["results"][0]["superseded_by"] is None
    assert data["filters"]["in_force_on"] == {"iso": "2006-03-21", "jalali": "۱۳۸۵/۰۱/۰۱"}
    assert data["status_as_of"] == {"iso": "2006-03-21", "jalali": "۱۳۸۵/۰۱/۰۱"}
    assert data["facets"]["status"] == [{"key": "in_force", "label": "نافذ", "count": 1, "selected": False}]


def test_the_api_labels_by_to_when_no_day_is_asked_and_by_today_otherwise(client, refs):
    period = api(client, q="وظایف", to="1385/01/01")
    assert period["status_as_of"]["jalali"] == "۱۳۸۵/۰۱/۰۱"
    assert {r["id"]: r["status"] for r in period["results"]} == {refs.old.pk: "in_force"}
    today = api(client, q="وظایف")
    assert today["status_as_of"] == {"iso": None, "jalali": None}
    old = next(r for r in today["results"] if r["id"] == refs.old.pk)
    assert old["status"] == "superseded" and old["status_note"] == "جایگزین‌شده با"
    assert old["superseded_by"]["id"] == refs.new.pk


def test_the_api_refuses_a_bad_day_with_a_persian_message_for_its_parameter(client, refs):
    response = client.get("/api/search/", {"q": "وظایف", "in_force_on": "1399/13/45"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [e["parameter"] for e in errors] == ["in_force_on"]
    assert errors[0]["message"].startswith("تاریخ «معتبر در تاریخ» درست نیست")


# --- collections ------------------------------------------------------------------------------------


def collection(refs, slug: str, **fields):
    from smartfolders.models import SavedSearchPage

    page = SavedSearchPage(title="بخشنامه‌های وظایف", slug=slug, query="وظایف", **fields)
    refs.home.add_child(instance=page)
    return publish(page)


def collection_hits(client, page, **params) -> dict[int, str]:
    response = client.get(page.url, params)
    assert response.status_code == 200
    assert response.context["outcome"] is not None, response.context["errors"]
    return {hit.document.pk: str(hit.document.status) for hit in response.context["outcome"].hits}


def test_a_collection_saved_with_a_day_lists_what_was_in_force_then(client, refs):
    saved = collection(refs, "in-force-1385", in_force_on=parse_jalali("1385/01/01"))
    assert collection_hits(client, saved) == {refs.old.pk: "in_force"}
    assert "in_force_on=1385%2F01%2F01" in saved.search_query_string()
    # A visitor cannot move the collection's own day.
    assert collection_hits(client, saved, in_force_on="1392/01/01") == {refs.old.pk: "in_force"}


def test_a_visitor_asks_a_collection_without_a_day_for_one(client, refs):
    saved = collection(refs, "all-circulars")
    assert collection_hits(client, saved) == {refs.old.pk: "superseded", refs.new.pk: "in_force"}
    assert collection_hits(client, saved, in_force_on="1385/01/01") == {refs.old.pk: "in_force"}
    response = client.get(saved.url, {"in_force_on": "1399/13/45"})
    assert response.status_code == 200 and response.context["outcome"] is None
    assert "تاریخ «معتبر در تاریخ» درست نیست" in response.content.decode()


def test_saving_a_search_with_a_day_as_a_collection_keeps_the_day():
    from django.http import QueryDict

    from smartfolders.filters import prefill_from_query

    values, errors = prefill_from_query(QueryDict("q=وظایف&in_force_on=۱۳۸۵/۰۱/۰۱"))
    assert errors == [] and values["in_force_on"] == parse_jalali("1385/01/01")
    assert values["other_filters"] == ""


def test_every_path_gives_the_same_answer_for_a_day(client, refs):
    expected = page_hits(client, q="وظایف", in_force_on="1385/01/01")
    assert expected == {refs.old.pk: "in_force"}
    assert {
        r["id"]: r["status"] for r in api(client, q="وظایف", in_force_on="1385/01/01")["results"]
    } == expected
    saved = collection(refs, "same-day", in_force_on=parse_jalali("1385/01/01"))
    assert collection_hits(client, saved) == expected
