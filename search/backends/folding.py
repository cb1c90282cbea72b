"""The normaliser on both sides of Sanad's database backends: the indexed text and the query.

Both backends fold through ``search.normalise.normalise`` so that «دستگاههای», «دستگاه‌های» and
«دستگاه های» are one word, and «وظایف» finds «وظايف». The query is folded as whole strings before
it is split into terms, because the normaliser joins detached affixes («دستگاه های» → «دستگاههای»)
and so changes where the word boundaries are.
"""

from __future__ import annotations

from modelsearch.query import (
    MATCH_NONE,
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
    SearchQuery,
)

from search.normalise import normalise


def fold_query(query: SearchQuery) -> SearchQuery:
    """``query`` with every query string normalised; a query left with no words matches nothing.

    Leaves whose text normalises to nothing (a lone diacritic or tatweel) are dropped from And/Or,
    so one stray mark does not empty a whole search.
    """
    folded = _fold(query)
    return MATCH_NONE if folded is None else folded


def _fold(query: SearchQuery) -> SearchQuery | None:
    if isinstance(query, PlainText):
        text = normalise(query.query_string)
        return PlainText(text, operator=query.operator, boost=query.boost) if text else None
    if isinstance(query, Phrase):
        text = normalise(query.query_string)
        return Phrase(text) if text else None
    if isinstance(query, Fuzzy):
        text = normalise(query.query_string)
        if not text:
            return None
        return Fuzzy(text, operator=query.operator, unaccent=query.unaccent)
    if isinstance(query, Boost):
        inner = _fold(query.subquery)
        return Boost(inner, query.boost) if inner is not None else None
    if isinstance(query, Not):
        inner = _fold(query.subquery)
        return Not(inner) if inner is not None else None
    if isinstance(query, (And, Or)):
        parts = [part for part in (_fold(sub) for sub in query.subqueries) if part is not None]
        if not parts:
            return None
        return type(query)(parts)
    if isinstance(query, MatchAll):
        return query
    # A query class this module does not know: pass it on untouched rather than lose it.
    return query


class NormalisingIndexerMixin:
    """Mixed into modelsearch's ``ObjectIndexer`` classes: every value goes into the index normalised.

    The stock indexer prepares every field once for each of title, body and autocomplete, so each
    text would be normalised three times; the indexer (one per object) remembers what it folded.
    """

    def prepare_value(self, value: object) -> str:
        text = super().prepare_value(value)
        folded = self.__dict__.setdefault("_sanad_folded", {})
        if text not in folded:
            folded[text] = normalise(text)
        return folded[text]


class FoldingCompilerMixin:
    """Mixed into modelsearch's query compilers: the query is folded once, when the compiler is made.

    ``BaseSearchQueryCompiler.__init__`` has already turned a plain string into ``PlainText``, so
    every path (``.search()``, ``.autocomplete()``, the admin, the API) arrives here as a query tree.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.query = fold_query(self.query)
