"""FTS5 matches joined to the searched queryset once, ranked by bm25 in the same statement.

The stock SQLite backend filters ``pk IN (matches)`` and then orders by a correlated subquery that
runs the FTS5 MATCH again for every candidate row: ~3 s for 2,000 matches, minutes for 20,000.
Here the MATCH runs once, as a derived table joined to the model's table on its primary key::

    SELECT <model columns> FROM <table>
    INNER JOIN (SELECT <object id> AS object_id, fts.rank AS rank, -fts.rank AS score
                FROM fts JOIN indexentry ON indexentry.id = fts.rowid
                WHERE fts MATCH %s AND fts.rank MATCH 'bm25(…)' AND indexentry.content_type_id IN (…))
         sanad_match ON sanad_match.object_id = <table>.<pk>
    WHERE <the queryset's filters> ORDER BY sanad_match.rank LIMIT …

SQLite flattens the derived table into the outer query, so ``ORDER BY rank`` is the FTS5 table's own
rank order: FTS5 computes bm25 for every match once (as raw ``ORDER BY rank LIMIT n`` does) and hands
the rows over best first; the entry and model rows are looked up only until the page is full. There
is deliberately no tie-breaking second sort key: one would make SQLite sort every match itself.

Django has no public API for joining a derived table, but ``Query.alias_map`` documents what its
entries must provide (``table_name``, ``table_alias``, ``join_type``, ``parent_alias``, ``as_sql``,
``relabeled_clone``); ``MatchJoin`` provides that, so filters, ``count()``, ``values()``/facets,
slicing and use as a subquery keep working on the queryset.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Expression, FloatField, QuerySet
from django.db.models.sql.constants import INNER, LOUTER

MATCH_TABLE = "sanad_match"

# bm25 weights for the FTS5 columns in the order modelsearch's migration creates them:
# fts5(autocomplete, body, title). A word in the title counts twice a word in the body.
BM25_WEIGHTS = {"autocomplete": 1.0, "body": 1.0, "title": 2.0}
FTS_COLUMN_ORDER = ("autocomplete", "body", "title")
RANK_FUNCTION = "bm25(" + ", ".join(str(BM25_WEIGHTS[column]) for column in FTS_COLUMN_ORDER) + ")"


def object_id_sql(queryset: QuerySet, column: str) -> str:
    """``column`` (an IndexEntry.object_id, always text) in the form the model's primary key is stored.

    Integer keys are compared as integers so that SQLite can look the row up by its primary key.
    """
    pk = queryset.model._meta.pk
    while pk.is_relation:  # multi-table inheritance: the key is a one-to-one link to the parent
        pk = pk.target_field
    internal = pk.get_internal_type()
    if internal in {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField",
                    "SmallIntegerField", "PositiveIntegerField", "PositiveBigIntegerField",
                    "PositiveSmallIntegerField"}:  # fmt: skip
        return f"CAST({column} AS INTEGER)"
    if internal == "UUIDField":
        # SQLite stores UUIDs as 32 hex digits; the index keeps str(uuid), with hyphens.
        return f"REPLACE({column}, '-', '')"
    return column


def matches_sql(
    *,
    fts_table: str,
    entry_table: str,
    match: str,
    content_type_ids: Sequence[int],
    object_id: str,
    with_score: bool,
    one_entry_per_object: bool,
) -> tuple[str, list]:
    """SELECT object_id[, rank, score] of the index entries ``match`` selects, one row per object.

    ``rank`` is FTS5's (bm25 with Sanad's column weights; lower is better), ``score`` its negation.
    """
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    where = f"WHERE {fts_table} MATCH %s AND {entry_table}.content_type_id IN ({placeholders})" + (
        f" AND {fts_table}.rank MATCH '{RANK_FUNCTION}'" if with_score else ""
    )
    # Unless SQLite flattens this into the page query (the ranked path, one entry per object: there
    # ORDER BY rank makes the FTS5 table the outer loop), CROSS JOIN fixes the FTS5 table as the outer
    # loop. Without it, on a database never ANALYZEd, SQLite walks every entry of the content type and
    # probes FTS5 for each (2.7–5 s at 100k documents, even for no match).
    join = "INNER JOIN" if with_score and one_entry_per_object else "CROSS JOIN"
    joined = f"FROM {fts_table} {join} {entry_table} ON {entry_table}.id = {fts_table}.rowid {where}"
    params = [match, *content_type_ids]
    if one_entry_per_object:
        columns = f", {fts_table}.rank AS rank, -{fts_table}.rank AS score" if with_score else ""
        return f"SELECT {object_id} AS object_id{columns} {joined}", params
    # A model whose parent is indexed with its children (modelsearch's generic models) has an entry
    # per class for one object: keep one row per object, with its best rank. The rank column may not
    # sit inside an aggregate, and LIMIT -1 keeps SQLite from flattening the inner query into this one.
    if with_score:
        inner = f"SELECT {object_id} AS object_id, {fts_table}.rank AS rank {joined} LIMIT -1"
        grouped = "SELECT object_id, MIN(rank) AS rank, -MIN(rank) AS score FROM ({}) GROUP BY object_id"
        return grouped.format(inner), params
    return f"SELECT DISTINCT {object_id} AS object_id {joined}", params


class MatchJoin:
    """``INNER JOIN (<matches>) sanad_match ON sanad_match.object_id = <parent>.<pk>`` in a Query."""

    filtered_relation = None
    nullable = False

    def __init__(
        self,
        sql: str,
        params: Sequence,
        parent_alias: str,
        pk_column: str,
        table_alias: str | None = None,
        join_type: str = INNER,
    ) -> None:
        self.table_name = MATCH_TABLE
        self.sql = sql
        self.params = tuple(params)
        self.parent_alias = parent_alias
        self.pk_column = pk_column
        self.table_alias = table_alias
        self.join_type = join_type

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        qn = compiler.quote_name_unless_alias
        alias = qn(self.table_alias)
        key = f"{qn(self.parent_alias)}.{connection.ops.quote_name(self.pk_column)}"
        return f"{self.join_type} ({self.sql}) {alias} ON ({alias}.object_id = {key})", list(self.params)

    def relabeled_clone(self, change_map: dict[str, str]) -> MatchJoin:
        return MatchJoin(
            self.sql,
            self.params,
            change_map.get(self.parent_alias, self.parent_alias),
            self.pk_column,
            change_map.get(self.table_alias, self.table_alias),
            self.join_type,
        )

    @property
    def identity(self) -> tuple:
        return (type(self), self.sql, self.params, self.parent_alias, self.pk_column)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MatchJoin):
            return NotImplemented
        return self.identity == other.identity

    def __hash__(self) -> int:
        return hash(self.identity)

    def demote(self) -> MatchJoin:
        new = self.relabeled_clone({})
        new.join_type = INNER
        return new

    def promote(self) -> MatchJoin:
        new = self.relabeled_clone({})
        new.join_type = LOUTER
        return new


class MatchColumn(Expression):
    """A column of the joined matches: ``score`` (higher is more relevant) or ``rank`` (FTS5's order)."""

    output_field = FloatField()

    def __init__(self, alias: str, column: str = "score") -> None:
        super().__init__()
        self.alias = alias
        self.column = column

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        return f"{compiler.quote_name_unless_alias(self.alias)}.{self.column}", []

    def relabeled_clone(self, relabels: dict[str, str]) -> MatchColumn:
        return MatchColumn(relabels.get(self.alias, self.alias), self.column)

    def get_group_by_cols(self) -> list[Expression]:
        return [self]


def join_matches(queryset: QuerySet, sql: str, params: Sequence) -> tuple[QuerySet, str]:
    """``queryset`` inner-joined to the matches, and the alias of the joined matches."""
    queryset = queryset.all()
    query = queryset.query
    base_alias = query.get_initial_alias()
    alias = query.join(MatchJoin(sql, params, base_alias, queryset.model._meta.pk.column))
    return queryset, alias
