"""modelsearch query trees compiled to FTS5 MATCH strings, run against a real FTS5 table.

Each case states which of a handful of documents a query must select; the compiled string is run by
SQLite itself, so a wrong string (or one FTS5 cannot parse) fails the test.
"""

from __future__ import annotations

import sqlite3

import pytest
from modelsearch.query import MATCH_ALL, MATCH_NONE, Boost, Fuzzy, Not, Phrase, PlainText

from search.backends.fts5_query import compile_query, with_columns

DOCS = {
    1: ("alpha beta", "قانون مدیریت"),
    2: ("alpha gamma", "قانون"),
    3: ("delta", "برنامه"),
    4: ('say "hello" to alpha', "beta"),
}


@pytest.fixture(scope="module")
def fts():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(autocomplete, body, title)")
    for rowid, (body, title) in DOCS.items():
        connection.execute(
            "INSERT INTO docs(rowid, autocomplete, body, title) VALUES (?, ?, ?, ?)",
            (rowid, title, body, title),
        )
    yield connection
    connection.close()


def selected(fts, query, prefix_last=False, columns=("title", "body")) -> set[int]:
    match = compile_query(query, prefix_last=prefix_last)
    if match.kind == "all":
        return set(DOCS)
    if match.kind == "none":
        return set()
    rows = fts.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (with_columns(match.expr, columns),))
    hits = {rowid for (rowid,) in rows}
    return set(DOCS) - hits if match.negated else hits


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (PlainText("alpha beta"), {1, 4}),
        (PlainText("alpha beta", operator="or"), {1, 2, 4}),
        (Phrase("alpha beta"), {1}),
        (Phrase("beta alpha"), set()),
        (Not(PlainText("alpha")), {3}),
        (PlainText("alpha") & Not(PlainText("beta")), {2}),
        (Not(PlainText("alpha")) & Not(PlainText("delta")), set()),
        (PlainText("delta") | Not(PlainText("alpha")), {3}),
        (PlainText("gamma") | Not(PlainText("alpha")), {2, 3}),
        (Not(PlainText("alpha") | PlainText("delta")), set()),
        (Not(Not(PlainText("delta"))), {3}),
        (PlainText("alpha") & MATCH_ALL, {1, 2, 4}),
        (PlainText("alpha") | MATCH_ALL, {1, 2, 3, 4}),
        (PlainText("alpha") & MATCH_NONE, set()),
        (PlainText("delta") | MATCH_NONE, {3}),
        (Not(MATCH_ALL), set()),
        (Boost(PlainText("gamma"), 3.0), {2}),
        (Fuzzy("gamma delta"), {2, 3}),
        (PlainText("قانون مدیریت"), {1}),
    ],
)
def test_query_trees_select_what_they_say(fts, query, expected):
    assert selected(fts, query) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('"hello"', {4}),
        ('hello"', {4}),
        ('alpha "beta', {1, 4}),
        ("alpha -", {1, 2, 4}),
        ("alpha *", {1, 2, 4}),
        ("alpha:", {1, 2, 4}),
        ("{alpha}", {1, 2, 4}),
        ("alpha AND OR NOT", set()),  # the engine's operators are words here, found in no document
        ("NEAR(alpha beta)", set()),
        ("- * ^", set()),
        ("", set()),
    ],
)
def test_user_text_is_never_fts5_syntax(fts, typed, expected):
    assert selected(fts, PlainText(typed)) == expected


def test_quotes_inside_a_phrase_are_text(fts):
    assert selected(fts, Phrase('alpha "beta')) == {1}
    assert selected(fts, Phrase('say "hello" to')) == {4}
    assert selected(fts, Phrase('" * -')) == set()


def test_the_last_term_is_a_prefix_for_autocomplete(fts):
    assert selected(fts, PlainText("alpha gam"), prefix_last=True) == {2}
    assert selected(fts, PlainText("alpha gam")) == set()
    assert selected(fts, PlainText("قان"), prefix_last=True, columns=("autocomplete",)) == {1, 2}


def test_column_filters_restrict_where_words_are_looked_for(fts):
    assert selected(fts, PlainText("beta"), columns=("title",)) == {4}
    assert selected(fts, PlainText("beta"), columns=("body",)) == {1}
