"""The benchmark corpus generator: deterministic, exact term shares, the real spelling variation."""

import re

import pytest

from bench.corpus import COMMON_TERM, SELECTIVE_TERM, CorpusSpec, generate
from search.normalise import normalise

SIZE = 300
PERSIAN_DIGIT = re.compile("[۰-۹]")
ARABIC_INDIC_DIGIT = re.compile("[٠-٩]")
ASCII_DIGIT = re.compile("[0-9]")
JALALI_DATE = re.compile(r"\b1[34]\d\d/\d\d?/\d\d?\b|\b\d\d?/\d\d?/1[34]\d\d\b")


@pytest.fixture(scope="module")
def docs():
    return list(generate(CorpusSpec(SIZE)))


def words(doc) -> set[str]:
    return set(re.findall(r"\w+", normalise(f"{doc.title} {doc.body}")))


def test_same_seed_same_documents(docs):
    again = list(generate(CorpusSpec(SIZE)))
    assert again == docs
    other = list(generate(CorpusSpec(SIZE, seed=4)))
    assert other != docs


def test_terms_are_in_exactly_their_share_and_nowhere_else(docs):
    common, selective = normalise(COMMON_TERM), normalise(SELECTIVE_TERM)
    assert sum(doc.common for doc in docs) == 60  # 20 %
    assert sum(doc.selective for doc in docs) == 1  # 0.1 %, at least one
    for doc in docs:
        found = words(doc)
        assert (common in found) == doc.common, doc.id
        assert (selective in found) == doc.selective, doc.id


def test_shares_are_controllable():
    docs = list(generate(CorpusSpec(1000, common_share=0.5, selective_share=0.01)))
    assert sum(doc.common for doc in docs) == 500
    assert sum(doc.selective for doc in docs) == 10


def test_documents_are_written_the_ways_persian_is(docs):
    text = [f"{doc.title} {doc.body}" for doc in docs]
    arabic = [doc for doc in docs if doc.arabic_forms]
    assert 0.05 < len(arabic) / SIZE < 0.3
    assert all("ي" in doc.body and "ی" not in doc.body for doc in arabic)
    assert {doc.zwnj for doc in docs} == {"kept", "lost", "spaced"}
    assert all("\u200c" not in doc.body for doc in docs if doc.zwnj != "kept")
    assert any("\u200c" in doc.body for doc in docs if doc.zwnj == "kept")
    assert any(PERSIAN_DIGIT.search(t) for t in text)
    assert any(ARABIC_INDIC_DIGIT.search(t) for t in text)
    assert any(ASCII_DIGIT.search(t) for t in text)
    assert sum(bool(JALALI_DATE.search(normalise(t))) for t in text) > SIZE / 2
    assert any("شماره" in t and "/ت" in normalise(t) for t in text)  # «۱۲۷۶۷۵/ت۵۰۶۴۲ه»-shaped numbers


def test_bodies_read_like_the_seeds(docs):
    lengths = sorted(len(doc.body.split()) for doc in docs)
    assert 60 < lengths[SIZE // 2] < 250
    assert all(doc.title and len(doc.title) < 300 for doc in docs)
