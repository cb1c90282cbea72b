"""The public search page: every spelling finds the document, filters and facets, restrictions, bad input."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from home.models import HomePage, SectionIndexPage
from search.highlight import excerpt, mark
from search.query import parse_query
from search.registry import Document, SearchableType, register, searchable_types, unregister
from tests.factories import person
from tests.search.search_corpus import PASSWORD, reference

URL = "/search/"


def search(client: Client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def found(response) -> list[int]:
    outcome = response.context["outcome"]
    assert outcome is not None, [e.message for e in response.context["errors"]]
    return [hit.document.pk for hit in outcome.hits]


# --- every variant class finds its document --------------------------------------------------------


@pytest.mark.parametrize("query", ["۳۶۷۷۳/۹۱/۲۱۰", "36773/91/210", "٣٦٧٧٣/٩١/٢١٠", "۳۶۷۷۳ / ۹۱ / ۲۱۰"])
def test_an_act_number_in_any_digits_finds_the_circular_first(client, corpus, query):
    assert found(search(client, q=query))[0] == corpus.circular.pk


@pytest.mark.parametrize("query", ["۴۲۲۵/۴۴۳۲۷", "44327/4225", "۴۴۳۲۷/۴۲۲۵"])
def test_number_parts_in_either_order_find_the_regulation(client, corpus, query):
    assert found(search(client, q=query))[0] == corpus.regulation.pk


@pytest.mark.parametrize("query", ["۱۲۷۶۷۵/ت۵۰۶۴۲ه", "۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه", "۵۵۰۶۴۲ ت/۱۲۷۶۷۵"])
def test_a_number_with_letters_inside_finds_its_act_by_number_or_alias(client, corpus, query):
    assert found(search(client, q=query))[0] == corpus.programme.pk


def test_a_query_that_is_only_a_number_ranks_the_act_with_that_number_first(client, corpus):
    # A short note with the number in its title and text outranks the act on words alone.
    note = reference(
        corpus.references_section,
        "note-35665",
        title="یادداشت دربارهٔ ۳۵۶۶۵/۱۸۰۱",
        ref_type="letter",
        summary="۳۵۶۶۵/۱۸۰۱ — ۳۵۶۶۵/۱۸۰۱ — ۳۵۶۶۵/۱۸۰۱",
    )
    results = found(search(client, q="35665/1801"))
    assert results[0] == corpus.old_circular.pk
    assert {note.pk, corpus.circular.pk} <= set(results)  # those citing it are found too


def test_a_number_and_words_find_the_act_that_has_both(client, corpus):
    assert found(search(client, q="مديريت ۳۶۷۷۳/۹۱/۲۱۰")) == [corpus.circular.pk]


@pytest.mark.parametrize("query", ["وظایف", "وظايف"])
def test_arabic_and_persian_yeh_find_the_same_documents(client, corpus, query):
    results = set(found(search(client, q=query)))
    assert {corpus.circular.pk, corpus.old_circular.pk} <= results
    assert results == set(found(search(client, q="وظایف")))


@pytest.mark.parametrize(
    "query", ["دستگاههای اجرایی", "دستگاه‌های اجرایی", "دستگاه های اجرایی", "دستگاههاي اجرايي"]
)
def test_joined_zwnj_and_spaced_plurals_find_each_other(client, corpus, query):
    assert {corpus.circular.pk, corpus.procedure.pk} <= set(found(search(client, q=query)))


@pytest.mark.parametrize("query", ["۱۳۹۱/۰۹/۱۳", "13/09/1391", "۱۳ آذر ۱۳۹۱", "۹۱/۰۹/۱۳"])
def test_a_jalali_date_in_any_form_finds_documents_of_that_date(client, corpus, query):
    assert found(search(client, q=query)) == [corpus.circular.pk]


def test_a_date_finds_a_controlled_document_by_its_issue_date(client, corpus):
    assert found(search(client, q="۵ دی ۱۳۹۵")) == [corpus.procedure.pk]


def test_a_document_code_finds_the_procedure(client, corpus):
    assert found(search(client, q="م پ-م-۱-۰۴/۰۰"))[0] == corpus.procedure.pk


def test_a_quoted_phrase_and_an_excluded_word(client, corpus):
    assert found(search(client, q='"دفاتر مدیریت عملکرد"')) == [corpus.circular.pk]
    results = found(search(client, q="وظایف -شکایات"))
    assert corpus.circular.pk in results and corpus.old_circular.pk not in results


def test_or_finds_either(client, corpus):
    results = set(found(search(client, q="شکایات OR 44327/4225")))
    assert results == {corpus.old_circular.pk, corpus.regulation.pk}


# --- what a result shows ---------------------------------------------------------------------------


def test_a_result_shows_type_number_jalali_date_authority_and_in_force_badge(client, corpus):
    html = search(client, q="۳۶۷۷۳/۹۱/۲۱۰").content.decode()
    assert "بخشنامه" in html
    assert "<mark>۳۶۷۷۳/۹۱/۲۱۰</mark>" in html
    assert "تاریخ ۱۳۹۱/۰۹/۱۳" in html
    assert corpus.vp.name in html
    assert '<span class="badge badge--ok">نافذ</span>' in html


def test_a_superseded_circular_is_found_marked_and_points_to_its_replacement(client, corpus):
    response = search(client, q="۳۵۶۶۵/۱۸۰۱")
    hit = response.context["outcome"].hits[0]
    assert hit.document.pk == corpus.old_circular.pk
    assert hit.document.status == "superseded" and hit.successor_url == corpus.circular.url
    html = response.content.decode()
    assert '<span class="badge badge--bad">منسوخ</span>' in html
    assert f'جایگزین‌شده با: <a href="{corpus.circular.url}">' in html


def test_variants_are_highlighted_in_title_and_excerpt(client, corpus):
    response = search(client, q="وظایف دستگاه های")
    hit = next(h for h in response.context["outcome"].hits if h.document.pk == corpus.circular.pk)
    assert "<mark>وظايف</mark>" in hit.title_html
    assert "<mark>دستگاههاي</mark>" in hit.excerpt_html


def test_highlighting_marks_the_original_text_and_escapes_the_rest():
    terms = parse_query("وظایف 36773/91/210 میشود").highlight_terms()
    assert mark("<b>وظايف</b>", terms) == "&lt;b&gt;<mark>وظايف</mark>&lt;/b&gt;"
    assert (
        mark("شماره ۳۶۷۷۳/۹۱/۲۱۰ و می شود", terms) == "شماره <mark>۳۶۷۷۳/۹۱/۲۱۰</mark> و <mark>می شود</mark>"
    )
    assert mark("ی‌وظایفی", terms) == "ی‌وظایفی"  # whole words only


def test_an_excerpt_is_short_and_centred_on_the_first_match():
    text = "آغاز " * 100 + "وظايف دفاتر " + "پایان " * 200
    snippet = excerpt(text, ["وظایف"])
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>وظايف</mark>" in snippet and len(snippet) < 300


# --- filters, facets, sort, pages --------------------------------------------------------------------


def facet(response, name) -> dict[str, int]:
    return {v.key: v.count for v in response.context["outcome"].facets[name]}


def test_facets_count_types_authorities_years_and_status(client, corpus):
    response = search(client, q="وظایف")
    assert facet(response, "type") == {"circular": 2}
    assert facet(response, "authority") == {str(corpus.vp.pk): 1}
    assert facet(response, "year") == {"1391": 1, "1382": 1}
    assert facet(response, "status") == {"in_force": 1, "superseded": 1}


def test_filter_by_type(client, corpus):
    response = search(client, q="اصلاح نظام اداری", type="resolution")
    assert set(found(response)) == {corpus.programme.pk, corpus.roadmap.pk}
    # the type facet still offers the others; it is counted without its own filter
    assert facet(response, "type")["resolution"] == 2


def test_filter_by_authority_and_year(client, corpus):
    assert found(search(client, authority=corpus.cabinet.pk, year="۱۳۹۳")) == [corpus.programme.pk]


def test_filter_by_status_finds_superseded_documents_only(client, corpus):
    assert found(search(client, q="وظایف", status="superseded")) == [corpus.old_circular.pk]
    assert found(search(client, q="وظایف", status="in_force")) == [corpus.circular.pk]


def test_jalali_date_range_filter(client, corpus):
    results = found(search(client, **{"from": "۱۳۹۳/۰۱/۰۱", "to": "۲۹ اسفند ۱۳۹۳"}))
    assert set(results) == {corpus.programme.pk, corpus.roadmap.pk}


def test_sort_by_date(client, corpus):
    newest = found(search(client, type="resolution", sort="newest"))
    oldest = found(search(client, type="resolution", sort="oldest"))
    assert newest == [corpus.programme.pk, corpus.roadmap.pk] and oldest == newest[::-1]


def test_results_are_paged_and_a_page_past_the_end_shows_the_last(client, corpus):
    for n in range(12):
        reference(
            corpus.references_section,
            f"extra-{n}",
            title=f"دستورالعمل آزمایشی شماره {n}",
            ref_type="instruction",
        )
    first = search(client, q="آزمایشی")
    assert first.context["outcome"].total == 12 and len(found(first)) == 10
    assert 'rel="next"' in first.content.decode()
    assert len(found(search(client, q="آزمایشی", page=2))) == 2
    assert search(client, q="آزمایشی", page=99).context["outcome"].page.number == 2


def test_zero_results_page_helps(client, corpus):
    html = search(client, q="کلمه‌ای‌که‌نیست", type="law").content.decode()
    assert "سندی با این مشخصات پیدا نشد" in html
    assert "همین جست‌وجو بدون فیلتر" in html
    assert "با شمارهٔ سند جست‌وجو کنید" in html


def test_an_empty_form_searches_nothing_and_explains(client, corpus):
    response = search(client)
    assert response.context["outcome"] is None
    assert "ترتیب بخش‌های شماره مهم نیست" in response.content.decode()


# --- what may not be seen is not found ----------------------------------------------------------------


RESTRICTED_QUERY = "بخشنامه وظایف دفاتر"


def test_restricted_and_unpublished_pages_stay_out_for_anonymous_visitors(client, corpus):
    response = search(client, q=RESTRICTED_QUERY)
    results = set(found(response))
    assert corpus.circular.pk in results  # the public ones are there…
    for hidden in (corpus.password_only, corpus.login_only, corpus.group_only, corpus.draft):
        assert hidden.pk not in results
        assert hidden.title not in response.content.decode()
    # …and the facets count nothing hidden
    assert sum(facet(response, "status").values()) == len(results)
    for number in ("۹۹۹/۸۸", "۷۷۷/۶۶", "۶۶۶/۵۵", "۵۵۵/۴۴"):
        assert found(search(client, q=number)) == []


def test_a_logged_in_user_finds_login_restricted_pages_but_not_others(client, corpus):
    client.force_login(person("reader", None))
    results = set(found(search(client, q=RESTRICTED_QUERY)))
    assert corpus.login_only.pk in results
    assert corpus.password_only.pk not in results and corpus.group_only.pk not in results
    assert corpus.draft.pk not in results


def test_group_members_find_their_groups_pages(client, corpus):
    member = person("board-member", None)
    member.groups.add(Group.objects.get(name="هیئت مدیره"))
    client.force_login(member)
    assert corpus.group_only.pk in found(search(client, q="۶۶۶/۵۵"))


def test_a_password_page_is_found_once_its_password_was_given_this_session(client, corpus):
    client.force_login(person("reader", None))
    assert found(search(client, q="۹۹۹/۸۸")) == []
    restriction = corpus.password_only.get_view_restrictions().first()
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{corpus.password_only.pk}/",
        {"password": PASSWORD, "return_url": "/"},
    )
    assert response.status_code == 302
    assert found(search(client, q="۹۹۹/۸۸")) == [corpus.password_only.pk]


# --- bad input: a Persian message, status 200, nothing searched ---------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": '"دفاتر مدیریت'}, "گیومه"),
        ({"q": "OR"}, "باید میان دو واژه بیاید"),
        ({"q": "۱۳۹۳/۰/۲۰"}, "ماه ۰ وجود ندارد"),
        ({"q": "وظایف", "type": "memo"}, "نوع سند «memo» شناخته نیست"),
        ({"q": "وظایف", "authority": "x"}, "مرجع صدور «x» پیدا نشد"),
        ({"q": "وظایف", "year": "91"}, "سال «91» درست نیست"),
        ({"q": "وظایف", "status": "old"}, "وضعیت «old» شناخته نیست"),
        ({"q": "وظایف", "from": "۱۳۹۱/۱۳/۰۱"}, "ماه ۱۳ وجود ندارد"),
        ({"q": "وظایف", "from": "۱۳۹۲/۰۱/۰۱", "to": "۱۳۹۱/۰۱/۰۱"}, "پس از تاریخ «تا»"),
        ({"q": "وظایف", "sort": "random"}, "ترتیب «random» شناخته نیست"),
        ({"q": "وظایف", "page": "0"}, "شمارهٔ صفحه «0» درست نیست"),
    ],
)
def test_bad_input_gets_a_persian_message_and_searches_nothing(client, corpus, monkeypatch, params, expected):
    def must_not_run(*args, **kwargs):
        raise AssertionError("searched despite bad input")

    monkeypatch.setattr("search.views.run_search", must_not_run)
    response = search(client, **params)
    assert response.context["outcome"] is None
    html = response.content.decode()
    assert 'role="alert"' in html and expected in html
    assert "search-hit" not in html


# --- later content types join through the registry -----------------------------------------------------


class SectionSearch(SearchableType):
    """A stand-in for a later content type (announcements, records): section pages."""

    model = SectionIndexPage

    def kinds(self):
        return [("section", "بخش")]

    def describe(self, queryset):
        return [
            Document(pk=pk, title=title, searchable=self, kind="section", kind_label="بخش")
            for pk, title in queryset.values_list("pk", "title")
        ]


@pytest.fixture
def sections_searchable():
    searchable_types()  # the built-in types first
    register(SectionSearch())
    yield
    unregister(SectionIndexPage)


def test_a_content_type_registered_later_is_searched_filtered_and_counted(
    client, corpus, sections_searchable
):
    response = search(client, q="مستندات برون‌سازمانی")
    assert corpus.references_section.pk in found(response)
    assert facet(response, "type")["section"] == 1
    assert corpus.references_section.pk in found(search(client, type="section"))
    # restrictions hold for it as for everything else: the password-protected section stays out
    assert "محرمانه" not in {
        hit.document.title for hit in search(client, type="section").context["outcome"].hits
    }


def test_a_type_key_cannot_be_registered_twice(sections_searchable):
    class Clash(SectionSearch):
        model = HomePage

    with pytest.raises(ImproperlyConfigured, match="section"):
        register(Clash())
    with pytest.raises(ImproperlyConfigured, match="already registered"):
        register(SectionSearch())
