"""modelsearch query trees as SQLite FTS5 MATCH strings.

The stock SQLite backend quotes terms without escaping ``"`` (a query containing one is an FTS5
syntax error, so a 500), keeps punctuation-only terms (``"-"`` is an empty phrase, which makes a
whole AND match nothing), and loses the positive side of ``A OR NOT B``. This module builds the MATCH
string from the (already normalised) query tree instead:

- every term and phrase is an FTS5 string, ``"`` doubled, so user input is never FTS5 syntax;
- a term with no letter or digit in it is dropped, as the FTS5 tokenizer would find no token in it;
- negation is carried to the top: the result is a MATCH string that either selects the documents
  (``negated=False``) or the documents to leave out (``negated=True``), using FTS5's binary NOT.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText, SearchQuery


@dataclass(frozen=True)
class Match:
    """A compiled query: everything, nothing, or the documents a MATCH ``expr`` selects (or leaves out)."""

    kind: str  # "all", "none" or "expr"
    expr: str = ""
    negated: bool = False

    def invert(self) -> Match:
        if self.kind == "all":
            return NOTHING
        if self.kind == "none":
            return EVERYTHING
        return Match("expr", self.expr, not self.negated)


EVERYTHING = Match("all")
NOTHING = Match("none")


def quote(text: str) -> str:
    """An FTS5 string: always a phrase of tokens, never syntax."""
    return '"' + text.replace('"', '""') + '"'


def words(text: str) -> list[str]:
    """The whitespace-separated terms of ``text`` in which the FTS5 tokenizer will find a token."""
    return [term for term in text.split() if any(ch.isalnum() for ch in term)]


def compile_query(query: SearchQuery, *, prefix_last: bool = False) -> Match:
    """Compile a normalised query tree; ``prefix_last`` makes the last term of a PlainText a prefix."""
    if isinstance(query, MatchAll):
        return EVERYTHING
    if isinstance(query, (PlainText, Fuzzy)):
        # SQLite has no edit distance: a fuzzy query matches its normalised words, which already
        # meet their spelling variants (letter forms, digits, ZWNJ, diacritics).
        terms = [quote(term) for term in words(query.query_string)]
        if not terms:
            return NOTHING
        if prefix_last:
            terms[-1] += "*"
        connector = " AND " if query.operator == "and" else " OR "
        return Match("expr", connector.join(terms))
    if isinstance(query, Phrase):
        return Match("expr", quote(query.query_string)) if words(query.query_string) else NOTHING
    if isinstance(query, Boost):
        # Boosting is not supported by this backend (as in the stock one); the query still matches.
        return compile_query(query.subquery, prefix_last=prefix_last)
    if isinstance(query, Not):
        return compile_query(query.subquery, prefix_last=prefix_last).invert()
    if isinstance(query, And):
        return _and(compile_query(sub, prefix_last=prefix_last) for sub in query.subqueries)
    if isinstance(query, Or):
        return _or(compile_query(sub, prefix_last=prefix_last) for sub in query.subqueries)
    raise NotImplementedError(f"`{type(query).__name__}` is not supported by Sanad's SQLite search backend.")


def _group(exprs: list[str], connector: str) -> str:
    return connector.join(f"({expr})" for expr in exprs)


def _and(parts: Iterable[Match]) -> Match:
    parts = list(parts)
    if any(part.kind == "none" for part in parts):
        return NOTHING
    parts = [part for part in parts if part.kind == "expr"]
    if not parts:
        return EVERYTHING
    positive = [part.expr for part in parts if not part.negated]
    negative = [part.expr for part in parts if part.negated]
    if not positive:
        # not a and not b = not (a or b)
        return Match("expr", _group(negative, " OR "), negated=True)
    expr = _group(positive, " AND ")
    if negative:
        expr = f"({expr}) NOT ({_group(negative, ' OR ')})"
    return Match("expr", expr)


def _or(parts: Iterable[Match]) -> Match:
    parts = list(parts)
    if any(part.kind == "all" for part in parts):
        return EVERYTHING
    parts = [part for part in parts if part.kind == "expr"]
    if not parts:
        return NOTHING
    positive = [part.expr for part in parts if not part.negated]
    negative = [part.expr for part in parts if part.negated]
    if not negative:
        return Match("expr", _group(positive, " OR "))
    # a or not b or not c = not ((b and c) and not a)
    expr = _group(negative, " AND ")
    if positive:
        expr = f"({expr}) NOT ({_group(positive, ' OR ')})"
    return Match("expr", expr, negated=True)


def with_columns(expr: str, columns: Iterable[str]) -> str:
    """Restrict ``expr`` to the given FTS5 columns."""
    return "{" + " ".join(columns) + "} : (" + expr + ")"
