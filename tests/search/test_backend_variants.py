"""Sanad's database backend (SQLite FTS5, or PostgreSQL when DATABASE_URL says so) on real pages.

Every spelling class people really type finds the document written in another; ranking, filters,
facets, ordering and pagination behave as modelsearch's; bad input gives results or none, never an
error. Pages are indexed by Wagtail's own save signals, as in the running site.
"""

from __future__ import annotations

import datetime as dt

import pytest
from modelsearch.query import Not, Phrase, PlainText
from wagtail.search.backends import get_search_backend

from procedures.models import ExternalReferencePage
from search.backends.database import SearchBackend
from tests.factories import site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def references(db):
    _home, _procedures, references = site_tree()
    return references


def reference(
    parent, title: str, body: str = "", ref_type: str = "circular", **fields
) -> ExternalReferencePage:
    page = ExternalReferencePage(title=title, ref_type=ref_type, body=f"<p>{body}</p>", live=True, **fields)
    parent.add_child(instance=page)
    return page


def found(query, queryset=None, **kwargs) -> list[str]:
    queryset = ExternalReferencePage.objects.live() if queryset is None else queryset
    return [page.title for page in queryset.search(query, **kwargs)]


def completed(query, **kwargs) -> list[str]:
    return [page.title for page in ExternalReferencePage.objects.live().autocomplete(query, **kwargs)]


def test_the_configured_backend_is_sanads_for_this_database():
    backend = get_search_backend()
    assert type(backend).__module__.startswith("search.backends.")
    assert type(backend) is type(SearchBackend({}))


# --- every variant class ------------------------------------------------------------------------

AGENCIES = ["دستگاههای", "دستگاه‌های", "دستگاه های"]


@pytest.mark.parametrize("written", AGENCIES)
@pytest.mark.parametrize("typed", AGENCIES)
def test_joined_zwnj_and_spaced_plural_find_each_other(references, written, typed):
    reference(references, "بخشنامه ارزیابی", f"وظایف {written} اجرایی در ارزیابی عملکرد")
    reference(references, "بخشنامه دیگر", "دستگاه اجرایی بدون پسوند جمع")
    assert found(typed) == ["بخشنامه ارزیابی"]
    assert found(f"{typed} اجرایی") == ["بخشنامه ارزیابی"]


@pytest.mark.parametrize(("written", "typed"), [("وظايف", "وظایف"), ("وظایف", "وظايف"), ("كيفيت", "کیفیت")])
def test_arabic_and_persian_letter_forms_find_each_other(references, written, typed):
    reference(references, "بخشنامه ۲۱۰", f"شرح {written} دفاتر مدیریت عملکرد")
    reference(references, "بخشنامه بی‌ربط", "متنی دیگر")
    assert found(typed) == ["بخشنامه ۲۱۰"]


@pytest.mark.parametrize("written", ["۱۳۹۱", "1391", "١٣٩١"])
@pytest.mark.parametrize("typed", ["۱۳۹۱", "1391", "١٣٩١"])
def test_digits_in_any_script_find_each_other(references, written, typed):
    reference(references, "برنامه سال", f"برنامه جامع سال {written} ابلاغ شد")
    reference(references, "برنامه دیگر", "برنامه سال ۱۳۹۲")
    assert found(typed) == ["برنامه سال"]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("مـدیـریـت", "مدیریت"),  # tatweel inside the word
        ("مُدیریت", "مدیریت"),  # a diacritic inside the word
        ("مدیریت", "مُدِیریَت"),  # diacritics typed in the query
        ("مدیریت", "مـدیریت"),
    ],
)
def test_a_word_split_by_diacritics_or_tatweel_finds_its_plain_form(references, written, typed):
    reference(references, "دستورالعمل", f"واحد {written} عملکرد")
    reference(references, "دستورالعمل دیگر", "واحد مدیر")
    assert found(typed) == ["دستورالعمل"]


def test_phrase_queries_are_normalised_too(references):
    reference(references, "بخشنامه الف", "وظايف دستگاههاي اجرايي")
    reference(references, "بخشنامه ب", "اجرایی بودن وظایف دستگاه")
    assert found(Phrase("وظایف دستگاه‌های اجرایی")) == ["بخشنامه الف"]


@pytest.mark.parametrize("typed", ["وظایف دستگ", "وظايف دستگاه‌ها", "وظایف دستگاه ها", "وظـایف"])
def test_autocomplete_completes_variants_of_the_last_word(references, typed):
    reference(references, "وظايف دستگاههاي اجرايي")
    reference(references, "وظیفه‌شناسی")
    assert completed(typed) == ["وظايف دستگاههاي اجرايي"]


# --- relevance ----------------------------------------------------------------------------------


def test_a_document_about_the_term_ranks_above_a_passing_mention(references):
    reference(
        references, "گزارش سالانه", "در پایان گزارش به ارزیابی هم اشاره شده است؛ " + "موضوعات دیگر " * 5
    )
    reference(references, "ارزیابی عملکرد", "ارزیابی دستگاه‌ها، ارزیابی واحدها و ارزیابی کارکنان")
    reference(references, "آیین کار", "هیچ ربطی ندارد")
    assert found("ارزیابی") == ["ارزیابی عملکرد", "گزارش سالانه"]


def test_scores_are_positive_and_follow_the_order_of_results(references):
    for n in range(1, 5):
        reference(references, f"سند {n}", " ".join(["شاخص"] * n + ["متن"] * 10))
    results = list(ExternalReferencePage.objects.live().search("شاخص").annotate_score("score"))
    scores = [page.score for page in results]
    assert [page.title for page in results] == ["سند 4", "سند 3", "سند 2", "سند 1"]
    assert all(score > 0 for score in scores) and scores == sorted(scores, reverse=True)


# --- filters, ordering, facets, pagination -------------------------------------------------------


def test_filters_on_the_queryset_still_apply(references):
    reference(references, "بخشنامه شاخص", "شاخص", ref_type="circular")
    reference(references, "قانون شاخص", "شاخص", ref_type="law")
    draft = reference(references, "پیش‌نویس شاخص", "شاخص")
    draft.unpublish()
    assert found("شاخص", ExternalReferencePage.objects.live().filter(ref_type="law")) == ["قانون شاخص"]
    assert sorted(found("شاخص")) == ["بخشنامه شاخص", "قانون شاخص"]


def test_ordering_by_a_field_without_relevance(references):
    reference(references, "دوم", "شاخص", date=dt.date(2015, 1, 1))
    reference(references, "اول", "شاخص شاخص شاخص", date=dt.date(2010, 1, 1))
    reference(references, "سوم", "شاخص", date=dt.date(2020, 1, 1))
    by_date = ExternalReferencePage.objects.live().order_by("date")
    assert found("شاخص", by_date, order_by_relevance=False) == ["اول", "دوم", "سوم"]
    newest_first = ExternalReferencePage.objects.live().order_by("-date")
    assert found("شاخص", newest_first, order_by_relevance=False) == ["سوم", "دوم", "اول"]


def test_facets_count_matches_by_field(references):
    reference(references, "الف", "شاخص", ref_type="circular")
    reference(references, "ب", "شاخص", ref_type="circular")
    reference(references, "پ", "شاخص", ref_type="law")
    reference(references, "ت", "دیگر", ref_type="law")
    facets = ExternalReferencePage.objects.live().search("شاخص").facet("ref_type")
    assert dict(facets) == {"circular": 2, "law": 1}


def test_pages_of_results_are_slices_of_the_whole_ranked_list(references):
    for n in range(1, 8):
        reference(references, f"سند {n}", " ".join(["شاخص"] * n + ["متن"] * 5))
    results = ExternalReferencePage.objects.live().search("شاخص")
    whole = [page.title for page in results]
    assert results.count() == 7 and len(whole) == 7
    assert [page.title for page in results[2:5]] == whole[2:5]
    assert results[2:5].count() == 3


def test_searching_named_fields_looks_in_the_title_or_in_the_rest(references):
    reference(references, "شاخص‌های عمومی", "متن")
    reference(references, "کارنامه", "شاخصهای عمومی در متن")
    assert found("شاخص های", fields=["title"]) == ["شاخص‌های عمومی"]
    # the index keeps the title apart and every other field together
    assert found("شاخص های", fields=["summary"]) == ["کارنامه"]
    assert sorted(found("شاخص های")) == ["شاخص‌های عمومی", "کارنامه"]


def test_a_ranked_page_of_results_works_as_a_subquery(references):
    for n in range(1, 5):
        reference(references, f"سند {n}", " ".join(["شاخص"] * n + ["متن"] * 5))
    reference(references, "دیگر", "متن")
    top_two = ExternalReferencePage.objects.live().search("شاخص")[:2].get_queryset()
    outer = ExternalReferencePage.objects.filter(pk__in=top_two.values("pk"))
    assert sorted(page.title for page in outer) == ["سند 3", "سند 4"]


def test_negated_and_combined_queries(references):
    reference(references, "الف", "شاخص عمومی")
    reference(references, "ب", "شاخص اختصاصی")
    reference(references, "پ", "کارنامه")
    assert sorted(found(Not(PlainText("شاخص")))) == ["پ"]
    assert found(PlainText("شاخص") & Not(PlainText("اختصاصي"))) == ["الف"]
    assert sorted(found(PlainText("کارنامه") | Not(PlainText("شاخص")))) == ["پ"]
    assert sorted(found("عمومی اختصاصی", operator="or")) == ["الف", "ب"]


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ['وظایف "', '"وظایف', "وظایف *", "وظایف - ", "{وظایف}", "وظایف:", "(وظایف", "وظایف^", "'وظایف'"],
)
def test_query_syntax_characters_are_text_not_syntax(references, typed):
    reference(references, "بخشنامه", "وظايف دفاتر")
    assert found(typed) == ["بخشنامه"]
    assert completed(typed) == [] or completed(typed) == ["بخشنامه"]


@pytest.mark.parametrize("word", ["AND", "OR", "NOT", "NEAR"])
def test_query_operators_of_the_engine_are_plain_words(references, word):
    reference(references, f"Quality {word} Control", "")
    reference(references, "Quality Control", "")
    assert found(f"quality {word.lower()}") == [f"Quality {word} Control"]


@pytest.mark.parametrize("typed", ['"', "*", "-", "ـ", "ِ", "()", "NEAR(", "^", "\u200c"])
def test_queries_with_no_words_find_nothing_without_error(references, typed):
    reference(references, "بخشنامه", "وظایف")
    assert found(typed) == []
    assert completed(typed) == []
