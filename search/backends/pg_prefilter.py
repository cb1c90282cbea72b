"""An index-usable condition implied by modelsearch's PostgreSQL match, to be ANDed with it.

modelsearch matches ``(title || body) @@ query``. No index covers that expression (modelsearch's GIN
indexes are on ``title``, ``body`` and ``autocomplete`` alone), so PostgreSQL evaluates it on every
row of the index table. ``implied_condition`` builds a condition that every matching row satisfies
and that PostgreSQL answers with a ``BitmapOr`` of the two GIN indexes; the exact match stays in the
query as the recheck, so the results (set, rank, order) are the stock ones.

Why it is implied, for a leaf (a term of a ``PlainText``, or a ``Phrase``) whose tsquery ``q`` has
no negation: whether a vector matches ``q`` depends only on its entries for ``q``'s operands, and an
empty vector does not match a non-empty ``q``; so a match contains one of ``q``'s operands. The
lexemes of ``title || body`` are those of ``title`` and those of ``body`` (the concatenation only
shifts positions), so a match has ``title @@ (o1 | o2 | …)`` or ``body @@ (o1 | o2 | …)``. The operands
are taken from the tsquery PostgreSQL built (its text form), so the configuration's parsing, a
prefix or a weight is theirs. An empty ``q`` (no lexemes) implies nothing: the condition is true.
``And`` and ``Or`` of leaves combine their conditions alike (the tsquery ``&&`` / ``||`` of the stock
builder); ``Not`` implies nothing, so a query that is only a negation keeps the sequential scan.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery
from django.db.models import BooleanField, Expression, F
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import And, Boost, Or, Phrase, PlainText

# One operand of a tsquery's text form: a quoted lexeme ('' and \\ escaped) and its :* / :ABCD label,
# with the operators and brackets around it (which hold no quote); each becomes "| operand ".
OPERAND_PATTERN = r"[^']*('(?:[^']|'')*'(?::[*A-D]+)?)[^']*"
OPERAND_REPLACEMENT = r"| \1 "
LEADING_BAR = r"^\| "


class _LeafCondition(Expression):
    """``numnode(q) = 0 OR v1 @@ operands(q) OR v2 @@ operands(q) …``, operands(q) = ``o1 | o2 | …``."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, tsquery, vectors) -> None:
        super().__init__()
        self.tsquery = tsquery
        self.vectors = list(vectors)

    def get_source_expressions(self):
        return [self.tsquery, *self.vectors]

    def set_source_expressions(self, exprs) -> None:
        self.tsquery, *self.vectors = exprs

    def as_sql(self, compiler, connection):
        query_sql, query_params = compiler.compile(self.tsquery)
        parts = [f"numnode({query_sql}) = 0"]
        params = list(query_params)
        # Immutable all through: PostgreSQL folds it to a constant tsquery when planning, and estimates
        # the GIN scans from its statistics.
        operands = f"(regexp_replace(regexp_replace(({query_sql})::text, %s, %s, 'g'), %s, ''))::tsquery"
        for vector in self.vectors:
            vector_sql, vector_params = compiler.compile(vector)
            parts.append(f"{vector_sql} @@ {operands}")
            params.extend((*vector_params, *query_params, OPERAND_PATTERN, OPERAND_REPLACEMENT, LEADING_BAR))
        return "(" + " OR ".join(parts) + ")", params


class _Combined(Expression):
    conditional = True
    output_field = BooleanField()

    def __init__(self, connector: str, conditions) -> None:
        super().__init__()
        self.connector = connector
        self.conditions = list(conditions)

    def get_source_expressions(self):
        return list(self.conditions)

    def set_source_expressions(self, exprs) -> None:
        self.conditions = list(exprs)

    def as_sql(self, compiler, connection):
        parts, params = [], []
        for condition in self.conditions:
            sql, condition_params = compiler.compile(condition)
            parts.append(sql)
            params.extend(condition_params)
        return "(" + f" {self.connector} ".join(parts) + ")", params


def _combine(connector: str, conditions: list):
    if len(conditions) == 1:
        return conditions[0]
    return _Combined(connector, conditions)


def implied_condition(compiler, query, config, vectors):
    """A condition implied by ``(v1 || v2 || …) @@ compiler.build_tsquery(query)``, or None (none useful).

    Only for two or more plain column vectors (one column is matched on directly, and indexed).
    """
    if len(vectors) < 2 or not all(isinstance(vector, F) for vector in vectors):
        return None
    return _implied(compiler, query, config, vectors)


def _implied(compiler, query, config, vectors):
    if isinstance(query, PlainText):
        # as the stock builder: one Lexeme per term, ANDed or ORed, the last one maybe a prefix
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if not terms:
            return None
        prefix = getattr(compiler, "LAST_TERM_IS_PREFIX", False)
        leaves = [
            _LeafCondition(
                SearchQuery(
                    Lexeme(term, prefix=prefix and index == len(terms) - 1), search_type="raw", config=config
                ),
                vectors,
            )
            for index, term in enumerate(terms)
        ]
        return _combine("AND" if query.operator == "and" else "OR", leaves)
    if isinstance(query, Phrase):
        return _LeafCondition(SearchQuery(query.query_string, search_type="phrase", config=config), vectors)
    if isinstance(query, Boost):
        return _implied(compiler, query.subquery, config, vectors)
    if isinstance(query, And):
        conditions = [_implied(compiler, subquery, config, vectors) for subquery in query.subqueries]
        conditions = [condition for condition in conditions if condition is not None]
        return _combine("AND", conditions) if conditions else None
    if isinstance(query, Or):
        conditions = [_implied(compiler, subquery, config, vectors) for subquery in query.subqueries]
        if not conditions or any(condition is None for condition in conditions):
            return None
        return _combine("OR", conditions)
    return None  # Not, MatchAll, Fuzzy, anything else: nothing implied
