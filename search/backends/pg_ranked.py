"""PostgreSQL: match and rank over the index-entry table alone, then fetch the objects by primary key.

modelsearch's PostgreSQL query joins the searched model to its index entries on ``entry.object_id =
model.pk::varchar`` (a generic relation), which no index of the model's table answers: PostgreSQL
hashes the matching entries and reads the whole model table, or probes it once per match, before it
can sort by rank (bench/README.md: 57× raw ``ts_rank`` for 100 matches in 100k, 5.5× for 20,000).
Here the matching and ranking happen in a derived table over the index entries alone, sorted by rank,
and the model's rows are fetched by primary key::

    SELECT <model columns> FROM <table>
    INNER JOIN (SELECT object_id, rank FROM (
                    SELECT object_id::<pk type>, <stock rank expression> FROM <index entries>
                    WHERE content_type_id IN (…) AND <match> ORDER BY rank DESC, object_id DESC OFFSET 0
                ) …) sanad_match ON sanad_match.object_id = <table>.<pk>
    WHERE <the queryset's filters> ORDER BY sanad_match.rank DESC, sanad_match.object_id DESC LIMIT …

The derived table's order lets PostgreSQL stream it into a nested loop over the primary key and stop
at the page's last row; ``OFFSET 0`` keeps the cast to the key's type on the rows the content type
selected. The results are the stock ones: the same match, the same rank expression (modelsearch's
``_build_rank_expression`` on the entry's own columns), the same tie-break on the primary key
(``-pk``); the queryset's filters still apply, and an entry whose object is gone joins nothing.

The match is stock's ``(v1 || v2) @@ q``, except that a tsquery of operands joined by ``|`` alone
(one word, the common case) is matched as ``v1 @@ q OR v2 @@ q`` — the same thing, since an operand
matches the concatenation exactly when it matches one of its parts — which the GIN indexes answer
without concatenating every candidate's vectors. Which case applies is decided on the tsquery
PostgreSQL built (its text form), inside one ``CASE`` the planner folds to a constant branch.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchRank
from django.db.models import BooleanField, Expression, F, QuerySet
from django.db.models.sql import Query
from modelsearch.query import Fuzzy, MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.backends import pg_prefilter
from search.backends.entries import one_entry_per_object
from search.backends.sqlite_rank import MatchColumn, join_matches

ENTRY_PREFIX = "index_entries__"
RANK = "_sanad_rank"
OBJECT_ID = "_sanad_object_id"
# A tsquery's text form, its quoted lexemes taken out ('' and \\ escaped inside): what is left are
# the operators. Only | (and brackets, :* and weight labels) means "any operand".
LEXEME_PATTERN = r"'(?:[^']|'')*'"
NOT_ONLY_OR = "[&!<]"
INTEGER_KEYS = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}


class _ExactMatch(Expression):
    """``(v1 || v2 …) @@ q``, written ``v1 @@ q OR v2 @@ q …`` when ``q`` is operands joined by ``|``."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, tsquery, vectors, implied=None) -> None:
        super().__init__()
        self.tsquery = tsquery
        self.vectors = list(vectors)
        self.implied = implied

    def get_source_expressions(self):
        return [self.tsquery, *self.vectors, self.implied]

    def set_source_expressions(self, exprs) -> None:
        self.tsquery, *self.vectors, self.implied = exprs

    def as_sql(self, compiler, connection):
        query_sql, query_params = compiler.compile(self.tsquery)
        vector_sqls, vector_params = [], []
        for vector in self.vectors:
            sql, params = compiler.compile(vector)
            vector_sqls.append(sql)
            vector_params.append(params)
        if len(self.vectors) == 1:
            return f"({vector_sqls[0]} @@ {query_sql})", [*vector_params[0], *query_params]

        any_part = " OR ".join(f"{sql} @@ {query_sql}" for sql in vector_sqls)
        any_params = [param for params in vector_params for param in (*params, *query_params)]
        concatenated = " || ".join(vector_sqls)
        exact = f"({concatenated}) @@ {query_sql}"
        exact_params = [*(param for params in vector_params for param in params), *query_params]
        if self.implied is not None:
            implied_sql, implied_params = compiler.compile(self.implied)
            exact = f"{implied_sql} AND {exact}"
            exact_params = [*implied_params, *exact_params]
        sql = (
            f"(CASE WHEN numnode({query_sql}) = 0 THEN false"
            f" WHEN regexp_replace(({query_sql})::text, %s, '', 'g') !~ %s THEN ({any_part})"
            f" ELSE ({exact}) END)"
        )
        params = [*query_params, *query_params, LEXEME_PATTERN, NOT_ONLY_OR, *any_params, *exact_params]
        return sql, params


class _KeyColumn(MatchColumn):
    """The derived table's ``object_id``, typed as the model's primary key."""

    def __init__(self, alias: str, output_field) -> None:
        super().__init__(alias, "object_id")
        self.output_field = output_field

    def relabeled_clone(self, relabels: dict[str, str]) -> _KeyColumn:
        return _KeyColumn(relabels.get(self.alias, self.alias), self.output_field)


class _Written(Expression):
    """An expression already compiled: its SQL and parameters, written as they are."""

    def __init__(self, sql: str, params: list) -> None:
        super().__init__()
        self.sql = sql
        self.params = params

    def as_sql(self, compiler, connection):
        return self.sql, list(self.params)


def _rank_expression(compiler, vectors, config, tsquery):
    """Stock's rank expression (``_build_rank_expression``), over the tsquery compiled once.

    For a single query (text, phrase, negation) stock ranks each vector against the search's own
    tsquery: ``Σ ts_rank(weights, vector, q) * boost``. ``And`` / ``Or`` rank each part against
    its own tsquery, so stock builds those.
    """
    if not isinstance(compiler.query, (PlainText, Phrase, Not)):
        return compiler._build_rank_expression(vectors, config)
    expression = None
    for vector, boost in vectors:
        part = SearchRank(vector, tsquery, weights=compiler.sql_weights) * boost
        expression = part if expression is None else expression + part
    return expression


def _key_field(model):
    pk = model._meta.pk
    while pk.is_relation:  # multi-table inheritance: the key is a one-to-one link to the parent
        pk = pk.target_field
    return pk


def _entry_vector(expression):
    """The index entry's own column for ``F("index_entries__<column>")``; None for anything else."""
    if isinstance(expression, F) and expression.name.startswith(ENTRY_PREFIX):
        return F(expression.name[len(ENTRY_PREFIX) :])
    return None


def _bound(expression, entries: Query):
    """``expression`` with each ``F`` replaced by the index entry's column, in place.

    What ``resolve_expression`` does for these trees, without copying every node first: the trees
    are built afresh for each search and used once, and the copies cost more than the query they
    write for a selective search (bench/README.md).
    """
    if isinstance(expression, F):
        return entries.resolve_ref(expression.name, allow_joins=False)
    sources = expression.get_source_expressions()
    if sources:
        expression.set_source_expressions(
            [source if source is None else _bound(source, entries) for source in sources]
        )
    return expression


def applies(compiler) -> bool:
    """Whether this shape can answer the compiler's search with the stock results."""
    query = compiler.query
    if isinstance(query, (MatchAll, Fuzzy)) or (
        isinstance(query, Not) and isinstance(query.subquery, MatchAll)
    ):
        return False  # stock answers these without the index's vectors
    model = compiler.queryset.model
    key = _key_field(model)
    if key.get_internal_type() not in INTEGER_KEYS | {"UUIDField"}:
        return False  # the tie-break on the key must sort the cast object_id as the key sorts
    if not one_entry_per_object(model):
        return False  # stock returns such an object once per entry; keep that path for them
    vectors = compiler.get_search_vectors(None)
    for vector, boost in vectors:
        if _entry_vector(vector) is None or not (isinstance(boost, (int, float)) or _entry_vector(boost)):
            return False
    return bool(vectors)


def search(compiler, config, start, stop, score_field=None, rank: bool = True) -> QuerySet | None:
    """The compiler's queryset joined to its ranked matches; ordered by relevance when ``rank``.

    None when the query has no tsquery at all (no words, e.g. «-»): stock answers that itself.
    """
    search_query = compiler.build_tsquery(compiler.query, config=config)
    if search_query is None:
        return None
    queryset = compiler.queryset
    model = queryset.model
    vectors = [
        (_entry_vector(vector), boost if isinstance(boost, (int, float)) else _entry_vector(boost))
        for vector, boost in compiler.get_search_vectors(None)
    ]
    columns = [vector for vector, _ in vectors]
    implied = pg_prefilter.implied_condition(compiler, compiler.query, config, columns)

    from modelsearch.backends.database.postgres.postgres import IndexEntry

    # The derived table is written here rather than as an IndexEntry queryset: only its two
    # expressions need Django's compiler, and a queryset's filter/annotate/order machinery cost more
    # than the selective query itself (~2 ms a search).
    entries = Query(IndexEntry)
    table = entries.get_initial_alias()
    sql_compiler = entries.get_compiler(using=queryset.db)
    connection = sql_compiler.connection

    def compiled(expression) -> tuple[str, list]:
        sql, params = sql_compiler.compile(_bound(expression, entries))
        return sql, list(params)

    key = _key_field(model)
    content_types = get_descendants_content_types_pks(model)
    tsquery = _Written(*compiled(search_query))  # compiled once, written wherever it is used
    match_sql, match_params = compiled(_ExactMatch(tsquery, columns, implied))
    qn = connection.ops.quote_name
    columns_sql = f"({qn(table)}.{qn('object_id')})::{key.cast_db_type(connection)} AS object_id"
    params: list = []
    order = ""
    if rank:
        rank_sql, params = compiled(_rank_expression(compiler, vectors, config, tsquery))
        columns_sql += f", {rank_sql} AS rank"
        order = " ORDER BY 2 DESC, 1 DESC"
    where = (
        f"{qn(table)}.{qn('content_type_id')} IN ({', '.join(['%s'] * len(content_types))}) AND {match_sql}"
    )
    # OFFSET 0: the derived table stays one (not merged into the page query), so the cast runs on the
    # rows its WHERE kept, and its order is the one the page query reads.
    sql = f"SELECT {columns_sql} FROM {qn(table)} WHERE {where}{order} OFFSET 0"  # noqa: S608 - names, params apart
    params = [*params, *content_types, *match_params]

    # One clone (in join_matches), then the query is set up in place: each annotate / alias /
    # order_by / slice would clone the whole query again.
    queryset, alias = join_matches(queryset, sql, params)
    query = queryset.query
    if rank:
        if score_field is not None:
            query.add_annotation(MatchColumn(alias, "rank"), score_field, select=True)
        # Through alias annotations, because Django relabels annotations (not order_by) in subqueries.
        query.add_annotation(MatchColumn(alias, "rank"), RANK, select=False)
        query.add_annotation(_KeyColumn(alias, key.__class__()), OBJECT_ID, select=False)
        query.clear_ordering(force=True, clear_default=False)
        query.add_ordering(F(RANK).desc(), F(OBJECT_ID).desc())
    query.set_limits(start, stop)
    return queryset
