"""Sanad's PostgreSQL search backend: modelsearch's, on the ``simple`` configuration with the normaliser.

What changes against ``modelsearch.backends.database.postgres.postgres``:
- the text-search configuration defaults to ``simple`` (no stemming, no stopwords: Persian has no
  built-in PostgreSQL configuration, and an English one would stem Latin words unpredictably);
- index time: every value is normalised before ``to_tsvector`` (and in the trigram text mirrors);
- query time: the query tree is normalised (``FoldingCompilerMixin``);
- ``fields=[…]`` searches the indexed (normalised) title/body vectors rather than the raw model
  columns, which PostgreSQL cannot normalise;
- the normaliser version is recorded with the index (``search.index_version``).
Ranking is stock: ``ts_rank`` in the same query, no correlated subquery.

The query's shape changes, not its results: stock matches on ``title || body``, an expression no
index covers, so PostgreSQL reads and concatenates every entry's vectors (a sequential scan, ~0.5 s
at 100k documents whatever the match count); Sanad adds an implied condition the GIN indexes on
``title`` and ``body`` can answer (``search.backends.pg_prefilter``). And stock joins the model to its
entries on ``object_id = pk::varchar``, which the model's key cannot answer; Sanad matches and ranks
over the entries alone and fetches the model's rows by key (``search.backends.pg_ranked``), for
ranked pages, counts and facets.
"""

from __future__ import annotations

from collections import OrderedDict

from django.db import ProgrammingError
from django.db.models import Count, F
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
    PostgresSearchResults,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search import index_version
from search.backends import pg_prefilter, pg_ranked
from search.backends.folding import FoldingCompilerMixin, NormalisingIndexerMixin
from search.backends.versioning import VersionRecordingRebuilderMixin, note_added

DEFAULT_CONFIG = "simple"


class SanadPostgresObjectIndexer(NormalisingIndexerMixin, ObjectIndexer):
    pass


class SanadPostgresIndex(PostgresIndex):
    indexer_class = SanadPostgresObjectIndexer

    def add_items(self, model, objs) -> None:
        """The stock upsert, with Sanad's indexer."""
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        note_added(self, len(indexers))

        IndexEntry = self.entries.model
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql = []
        params: list = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for field_name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(field_name), getattr(indexer, field_name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {vectors_sql[0]}, {vectors_sql[1]}, {vectors_sql[2]}, 1.0, %s, %s)")

        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()

    def reset(self) -> None:
        super().reset()
        index_version.record_version(index_version.DATABASE_INDEX)


class SanadPostgresSearchRebuilder(VersionRecordingRebuilderMixin, PostgresSearchRebuilder):
    pass


class SanadPostgresSearchAtomicRebuilder(VersionRecordingRebuilderMixin, PostgresSearchAtomicRebuilder):
    pass


class SanadPostgresSearchQueryCompiler(FoldingCompilerMixin, PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        """The stock builder, with negation applied correctly inside PlainText and Phrase.

        Stock negates each term of a PlainText but keeps its operator (``not (a and b)`` becomes
        ``not a and not b``), and ignores negation of a Phrase. English configurations hide the first
        bug when the extra word is a stopword; ``simple`` has no stopwords.
        """
        if invert and isinstance(query, PlainText):
            flipped = "or" if query.operator == "and" else "and"
            query = PlainText(query.query_string, operator=flipped, boost=query.boost)
        elif invert and isinstance(query, Phrase):
            return ~super().build_tsquery_content(query, config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def search(self, config, start, stop, score_field=None, backend=None, rank: bool = True):
        """The matches ranked over the index entries alone (``pg_ranked``) where that shape applies.

        ``rank=False`` (counting, facets) matches without ranking. Otherwise — not by relevance,
        fuzzy, generic models with an entry per class — the stock search, with ``pg_prefilter``'s
        index-usable condition added to the queryset.
        """
        if (rank is False or self.order_by_relevance) and pg_ranked.applies(self):
            ranked = pg_ranked.search(self, config, start, stop, score_field=score_field, rank=rank)
            if ranked is not None:
                return ranked
        return self._stock_search(config, start, stop, score_field=score_field, backend=backend)

    def _stock_search(self, config, start, stop, score_field=None, backend=None):
        vectors = self.get_search_vectors(None)
        condition = pg_prefilter.implied_condition(
            self, self.query, config, [vector for vector, _ in vectors]
        )
        if condition is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        queryset = self.queryset
        self.queryset = queryset.alias(_prefilter_=condition).filter(_prefilter_=True)
        try:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        finally:
            self.queryset = queryset

    def get_fields_vectors(self, search_query):
        """Search the indexed, normalised vectors: title for ``title``, body for every other field."""
        wanted = {"title" if field == "title" else "body" for field in self.search_fields}
        return [
            (vector, boost)
            for vector, boost in self.get_index_vectors(search_query)
            if vector.name.rsplit("__", 1)[-1] in wanted
        ]


class SanadPostgresAutocompleteQueryCompiler(
    SanadPostgresSearchQueryCompiler, PostgresAutocompleteQueryCompiler
):
    def get_fields_vectors(self, search_query):
        return [(F("index_entries__autocomplete"), 1.0)]


class SanadPostgresSearchResults(PostgresSearchResults):
    """Counting and facets match without ranking: no rank is computed for rows nobody orders."""

    def _unranked(self, start, stop):
        compiler = self.query_compiler
        return compiler.search(
            compiler.get_config(self.backend), start, stop, backend=self.backend, rank=False
        )

    def _do_count(self):
        try:
            return self._unranked(self.start, self.stop).count()
        except ProgrammingError as error:
            self._handle_missing_postgres_extension(error)

    def facet(self, field_name):
        compiler = self.query_compiler
        if compiler._get_filterable_field(field_name) is None:
            return super().facet(field_name)  # the stock error
        results = self._unranked(None, None).values(field_name).annotate(count=Count("pk")).order_by("-count")
        return OrderedDict((result[field_name], result["count"]) for result in results)


class SanadPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SanadPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = SanadPostgresAutocompleteQueryCompiler
    index_class = SanadPostgresIndex
    results_class = SanadPostgresSearchResults
    rebuilder_class = SanadPostgresSearchRebuilder
    atomic_rebuilder_class = SanadPostgresSearchAtomicRebuilder
    index_version_key = index_version.DATABASE_INDEX

    def __init__(self, params) -> None:
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or DEFAULT_CONFIG
