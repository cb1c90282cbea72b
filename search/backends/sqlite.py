"""Sanad's SQLite FTS5 search backend: modelsearch's, with the normaliser and a single-query bm25 rank.

What changes against ``modelsearch.backends.database.sqlite.sqlite``:
- index time: every title/body/autocomplete value is normalised (``NormalisingIndexerMixin``);
- query time: the query tree is normalised (``FoldingCompilerMixin``) and compiled to an FTS5 MATCH
  string that user input cannot break (``fts5_query``);
- ranking: FTS5's rank (bm25 with column weights) from the MATCH run once, joined to the model's
  table and read in FTS5's own rank order (``sqlite_rank``), instead of a correlated subquery that
  re-ran the MATCH for every row;
- re-indexing replaces an object's entry in bulk, and skips the stock title-norm refresh (a scan of
  the whole index after every save) that nothing reads any more;
- the normaliser version is recorded with the index (``search.index_version``).
Filters, ordering by fields, ``order_by_relevance=False``, facets, counting and slicing go through
modelsearch's own compiler checks and Django querysets as before.
"""

from __future__ import annotations

from collections import OrderedDict

from django.db import transaction
from django.db.models import Count, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL
from modelsearch.backends.base import FilterFieldError
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchAtomicRebuilder,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchRebuilder,
    SQLiteSearchResults,
)
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import index_version
from search.backends.entries import one_entry_per_object
from search.backends.folding import FoldingCompilerMixin, NormalisingIndexerMixin
from search.backends.fts5_query import compile_query, with_columns
from search.backends.sqlite_rank import MatchColumn, join_matches, matches_sql, object_id_sql
from search.backends.versioning import VersionRecordingRebuilderMixin, note_added

RANK_ALIAS = "_sanad_fts_rank"
# Keeps each statement under SQLite's bound-parameter limit on old builds (999).
DELETE_BATCH = 500
INSERT_BATCH = 150  # six columns a row


def _index_models():
    config = get_app_config()
    return config.get_model("IndexEntry"), config.get_model("SQLiteFTSIndexEntry")


class SanadSQLiteObjectIndexer(NormalisingIndexerMixin, ObjectIndexer):
    pass


class SanadSQLiteIndex(SQLiteIndex):
    indexer_class = SanadSQLiteObjectIndexer

    def _refresh_title_norms(self, full: bool = False) -> None:
        # Sanad ranks with bm25's own per-column length normalisation and never reads title_norm;
        # the stock refresh scans the whole index after every save.
        return

    def add_items(self, model, objs) -> None:
        """The stock ``add_items`` with Sanad's indexer; an object's old entry is replaced, not updated.

        Stock updates existing entries one UPDATE per object. Deleting the old entries of the batch
        and inserting all of it costs the FTS5 triggers the same work (an update is a delete and an
        insert there too) in a handful of statements; nothing refers to an entry's id but the FTS row.
        """
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        IndexEntry = self.entries.model
        entries = [
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
        ]
        using = self.write_connection.alias
        with transaction.atomic(using=using):
            note_added(self, len(entries))
            object_ids = list(data)
            for start in range(0, len(object_ids), DELETE_BATCH):
                self.entries.filter(
                    content_type_id=content_type_pk, object_id__in=object_ids[start : start + DELETE_BATCH]
                )._raw_delete(using=using)
            self.entries.bulk_create(entries, batch_size=INSERT_BATCH)

    def reset(self) -> None:
        super().reset()
        index_version.record_version(index_version.DATABASE_INDEX)


class SanadSQLiteSearchRebuilder(VersionRecordingRebuilderMixin, SQLiteSearchRebuilder):
    pass


class SanadSQLiteSearchAtomicRebuilder(VersionRecordingRebuilderMixin, SQLiteSearchAtomicRebuilder):
    pass


class SanadSQLiteSearchQueryCompiler(FoldingCompilerMixin, SQLiteSearchQueryCompiler):
    def match_columns(self) -> list[str]:
        """FTS5 columns to search: the index keeps only title and body (all other fields)."""
        if not self.fields:
            return list(self.FTS_TABLE_FIELDS)
        return sorted({"title" if field == "title" else "body" for field in self.fields})

    def search(self, config, start, stop, score_field=None, rank: bool = True) -> QuerySet:
        """The matching objects, sliced; ordered by relevance and/or scored when asked.

        ``rank=False`` (counting, facets) leaves the score out, which needs no bm25 at all.
        """
        match = compile_query(self.query, prefix_last=self.LAST_TERM_IS_PREFIX)
        queryset = self.queryset
        if match.kind == "all":
            return queryset[start:stop]
        if match.kind == "none":
            return queryset.none()

        IndexEntry, SQLiteFTSIndexEntry = _index_models()
        model = queryset.model
        wants_score = rank and not match.negated and (self.order_by_relevance or score_field is not None)
        sql, params = matches_sql(
            fts_table=SQLiteFTSIndexEntry._meta.db_table,
            entry_table=IndexEntry._meta.db_table,
            match=with_columns(match.expr, self.match_columns()),
            content_type_ids=get_descendants_content_types_pks(model),
            object_id=object_id_sql(queryset, f"{IndexEntry._meta.db_table}.object_id"),
            with_score=wants_score,
            one_entry_per_object=one_entry_per_object(model),
        )

        # The SQL holds table names and constants only; the MATCH string and ids are parameters.
        matching_ids = RawSQL(sql, params)  # noqa: S611
        if match.negated:
            queryset = queryset.exclude(pk__in=matching_ids)
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: Value(0.0, output_field=FloatField())})
        elif wants_score:
            queryset, alias = join_matches(queryset, sql, params)
            if score_field is not None:
                queryset = queryset.annotate(**{score_field: MatchColumn(alias, "score")})
            if self.order_by_relevance:
                # FTS5's own rank order, alone: see search.backends.sqlite_rank. Through an alias
                # annotation, because Django relabels annotations (not order_by) in subqueries.
                queryset = queryset.alias(**{RANK_ALIAS: MatchColumn(alias, "rank")}).order_by(RANK_ALIAS)
        else:
            queryset = queryset.filter(pk__in=matching_ids)

        if not queryset.query.order_by and (match.negated or not self.order_by_relevance):
            # A stable order keeps pages of results consistent (wagtail/wagtail#3729).
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class SanadSQLiteAutocompleteQueryCompiler(SanadSQLiteSearchQueryCompiler, SQLiteAutocompleteQueryCompiler):
    def match_columns(self) -> list[str]:
        return ["autocomplete"]


class SanadSQLiteSearchResults(SQLiteSearchResults):
    def _do_count(self) -> int:
        compiler = self.query_compiler
        return compiler.search(compiler.get_config(self.backend), self.start, self.stop, rank=False).count()

    def facet(self, field_name: str) -> OrderedDict:
        """The stock facet, without computing scores nobody reads."""
        compiler = self.query_compiler
        if compiler._get_filterable_field(field_name) is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to {compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        query = compiler.search(compiler.get_config(self.backend), None, None, rank=False)
        results = query.values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((result[field_name], result["count"]) for result in results)


class SanadSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SanadSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SanadSQLiteAutocompleteQueryCompiler
    index_class = SanadSQLiteIndex
    results_class = SanadSQLiteSearchResults
    rebuilder_class = SanadSQLiteSearchRebuilder
    atomic_rebuilder_class = SanadSQLiteSearchAtomicRebuilder
    index_version_key = index_version.DATABASE_INDEX
