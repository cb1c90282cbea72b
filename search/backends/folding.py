"""The normaliser on both sides of Sanad's database backends: the indexed text and the query.

Both backends fold through ``search.normalise.normalise`` so that «دستگاههای», «دستگاه‌های» and
«دستگاه های» are one word, and «وظایف» finds «وظايف». The query is folded as whole strings before
it is split into terms, because the normaliser joins detached affixes («دستگاه های» → «دستگاههای»)
and so changes where the word boundaries are.

Compounds: the index holds every pair of adjacent words also joined (``search.normalise.index_text``),
so a joined query word («بخشنامه») meets the spaced and ZWNJ writings; and a query's adjacent words may
stand for one joined word of the document (``expand_compounds``: «بخش نامه» is «بخش نامه» or «بخشنامه»).
"""

from __future__ import annotations

from itertools import pairwise

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

from search.normalise import index_text, join_alternatives, joins, normalise


def fold_query(query: SearchQuery) -> SearchQuery:
    """``query`` with every query string normalised; a query left with no words matches nothing.

    Leaves whose text normalises to nothing (a lone diacritic or tatweel) are dropped from And/Or,
    so one stray mark does not empty a whole search.
    """
    folded = _fold(query)
    return MATCH_NONE if folded is None else expand_compounds(folded)


def expand_compounds(query: SearchQuery) -> SearchQuery:
    """A normalised query tree where adjacent words of a PlainText or Phrase may also be written joined.

    ``PlainText("بهره وری")`` becomes ``Or([PlainText("بهره وری"), PlainText("بهرهوری")])`` (each
    alternative keeps the operator, boost and, for autocomplete, its last word as the prefix);
    ``Phrase`` likewise. A query with no pair of Persian words is returned as it is.
    """
    if isinstance(query, PlainText):
        words = query.query_string.split(" ")
        if query.operator == "or":
            pairs = [joined for a, b in pairwise(words) if (joined := joins(a, b))]
            if not pairs:
                return query
            # Before the last word, which autocomplete reads as a prefix.
            return PlainText(" ".join(words[:-1] + pairs + words[-1:]), operator="or", boost=query.boost)
        return _either(
            [
                PlainText(" ".join(alternative), operator=query.operator, boost=query.boost)
                for alternative in join_alternatives(words)
            ]
        )
    if isinstance(query, Phrase):
        return _either(
            [Phrase(" ".join(words)) for words in join_alternatives(query.query_string.split(" "))]
        )
    if isinstance(query, Boost):
        return Boost(expand_compounds(query.subquery), query.boost)
    if isinstance(query, Not):
        return Not(expand_compounds(query.subquery))
    if isinstance(query, (And, Or)):
        return type(query)([expand_compounds(sub) for sub in query.subqueries])
    return query  # Fuzzy (its own edit distance), MatchAll, classes this module does not know


def _either(alternatives: list[SearchQuery]) -> SearchQuery:
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


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
    """Mixed into modelsearch's ``ObjectIndexer`` classes: every value goes into the index normalised,
    followed by its joined word pairs (``search.normalise.index_text``).

    The stock indexer prepares every field once for each of title, body and autocomplete, so each
    text would be folded three times; the indexer (one per object) remembers what it folded. A list or
    dict value is prepared by the stock method item by item (calling back here); only the outer call
    folds, so the pairs are those of the whole value and never pairs of pairs.
    """

    def prepare_value(self, value: object) -> str:
        if self.__dict__.get("_sanad_depth"):
            return super().prepare_value(value)
        self._sanad_depth = 1
        try:
            text = super().prepare_value(value)
        finally:
            self._sanad_depth = 0
        folded = self.__dict__.setdefault("_sanad_folded", {})
        if text not in folded:
            folded[text] = index_text(text)
        return folded[text]


class FoldingCompilerMixin:
    """Mixed into modelsearch's query compilers: the query is folded once, when the compiler is made.

    ``BaseSearchQueryCompiler.__init__`` has already turned a plain string into ``PlainText``, so
    every path (``.search()``, ``.autocomplete()``, the admin, the API) arrives here as a query tree.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.query = fold_query(self.query)
