"""The ranking rules (search/rules.py), alone and through the search: act first, exact title first, in force
before superseded among equals (issue 11 §3)."""

from __future__ import annotations

import pytest

from search.rules import Evidence, relevance_key
from tests.factories import site_tree
from tests.search.search_corpus import corpus_for_module, publish, reference


def ordered(*evidence: Evidence) -> list[str]:
    return [e.title for e in sorted(evidence, key=relevance_key)]


def test_the_act_itself_ranks_above_a_document_that_cites_it_however_the_text_ranks():
    citing = Evidence(text_rank=0, number_rank=0, title="citing")
    act = Evidence(own_number=True, text_rank=5, number_rank=5, title="act")
    assert ordered(citing, act) == ["act", "citing"]


def test_an_exact_title_ranks_above_a_better_text_match():
    exact = Evidence(title_exact=True, title_has_all=True, text_rank=3, title="exact")
    longer = Evidence(title_has_all=True, text_rank=0, title="longer")
    assert ordered(longer, exact) == ["exact", "longer"]


def test_among_equals_the_document_in_force_ranks_above_the_superseded_one():
    superseded = Evidence(title_has_all=True, in_force=False, text_rank=0, title="old")
    in_force = Evidence(title_has_all=True, in_force=True, text_rank=1, title="new")
    assert ordered(superseded, in_force) == ["new", "old"]


def test_being_in_force_does_not_lift_a_document_above_one_whose_title_names_the_query():
    named_but_superseded = Evidence(title_has_all=True, in_force=False, title="named")
    text_only = Evidence(in_force=True, text_rank=0, title="text-only")
    assert ordered(text_only, named_but_superseded) == ["named", "text-only"]


def test_the_own_number_rule_outranks_the_exact_title_rule():
    by_number = Evidence(own_number=True, title="number")
    by_title = Evidence(title_exact=True, title_has_all=True, title="title")
    assert ordered(by_title, by_number) == ["number", "title"]


# --- through the search ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_corpus(django_db_setup, django_db_blocker):
    with corpus_for_module(django_db_blocker) as corpus:
        yield corpus


@pytest.fixture
def corpus(shared_corpus, db):
    return shared_corpus


def ids(client, query: str) -> list[int]:
    response = client.get("/api/search/", {"q": query})
    assert response.status_code == 200, response.content.decode()
    return [result["id"] for result in response.json()["results"]]


def test_an_act_number_query_lists_the_act_before_the_circular_that_cites_it(client, corpus):
    found = ids(client, "۳۵۶۶۵/۱۸۰۱")
    assert found[:2] == [corpus.old_circular.pk, corpus.circular.pk]


def test_a_superseded_circular_with_the_same_title_ranks_below_the_one_in_force(client, corpus):
    from procedures.models import ReferenceRelation, RelationKind

    _, _, references = site_tree()
    title = "ضوابط تشکیل کمیته‌های ارزیابی"
    # The old one is written to match the query better (its text repeats it), the new one is in force.
    old = reference(
        references,
        "committees-old",
        title=title,
        ref_type="circular",
        number="۱۱۱/۱",
        body=f"<p>{title} {title}</p>",
    )
    new = reference(references, "committees-new", title=title, ref_type="circular", number="۲۲۲/۲")
    ReferenceRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
    publish(new)
    assert ids(client, "کمیته‌های ارزیابی")[:2] == [new.pk, old.pk]
    assert ids(client, "ضوابط تشکیل کمیته های ارزیابی")[:2] == [new.pk, old.pk]


def test_an_exact_title_ranks_first_above_longer_titles_with_the_same_words(client, corpus):
    _, _, references = site_tree()
    longer = reference(
        references,
        "programme-report",
        title="گزارش پیشرفت برنامه جامع اصلاح نظام اداری در دستگاه‌ها",
        ref_type="other",
        body="<p>برنامه جامع اصلاح نظام اداری برنامه جامع اصلاح نظام اداری</p>",
    )
    found = ids(client, "برنامه جامع اصلاح نظام اداری")
    assert found.index(corpus.programme.pk) < found.index(longer.pk)
    assert found[0] == corpus.programme.pk
