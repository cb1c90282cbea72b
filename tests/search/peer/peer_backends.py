"""modelsearch's own backend test classes, run against Sanad's database backend.

Each stock class is subclassed with Sanad's backend in place of modelsearch's (other backend options,
such as fuzzy thresholds, are kept). Every test runs except those named in ``EXCLUDED``,
``EXCLUDED_SQLITE`` and ``EXCLUDED_POSTGRES``, each with its reason. modelsearch skips some tests
for its own SQLite backend; those Sanad's backend passes are run again (``UNSKIPPED``).

Run on its own (``DATABASE_URL`` picks PostgreSQL, as in the main suite)::

    python -m pytest tests/search/peer --ds=tests.search.peer.settings -o python_files='peer_*.py' --create-db
"""

from __future__ import annotations

import unittest

from django.conf import settings
from django.test.utils import override_settings
from modelsearch.tests import test_backends as stock_common
from modelsearch.tests import test_postgres_backend as stock_postgres
from modelsearch.tests import test_sqlite_backend as stock_sqlite

STOCK_PATHS = {
    "modelsearch.backends.database.sqlite.sqlite",
    "modelsearch.backends.database.postgres.postgres",
}

# test name -> why Sanad's backend is excluded from it
_OLD_FIXTURE = (
    "the peer fixture (django-modelsearch 53d1292f) is older than modelsearch 1.3.2 and has no {rows} rows"
)
EXCLUDED: dict[str, str] = {
    **dict.fromkeys(
        [
            "test_get_ancestors_filter",
            "test_get_children_filter",
            "test_get_descendants_filter",
            "test_get_root_nodes_filter",
            "test_get_siblings_filter",
        ],
        _OLD_FIXTURE.format(rows="MPAnimal/NSAnimal (tree models of migrations 0008/0009)"),
    ),
    "test_search_on_nested_related_fields": _OLD_FIXTURE.format(rows="AgendaItem/speaker (migration 0007)"),
}
EXCLUDED_SQLITE: dict[str, str] = {
    "test_boost": (
        "SQLite: bm25 scores the whole FTS5 expression once, so one branch of an Or cannot be "
        "boosted (modelsearch skips this test for its own SQLite backend too)"
    ),
}

EXCLUDED_POSTGRES: dict[str, str] = {
    "test_boost": (
        "PostgreSQL: the test's expected order holds only under the English configuration, whose stopword "
        "list drops «The» from «JavaScript: The Definitive Guide». Under Sanad's «simple» configuration that "
        "title has one more lexeme, so «Learning Python» scores 0.4129 against 0.4104 even at boost 0.5; "
        "modelsearch's own backend with SEARCH_CONFIG='simple' gives the same order"
    ),
}

# Tests modelsearch skips for its own SQLite backend that Sanad's runs (the shared BackendTests version).
UNSKIPPED = [
    "test_search_not_match_none",
    "test_search_or_match_all",
    "test_search_or_match_none",
    "test_search_and_match_all",
    "test_search_boosting_on_related_fields",
    "test_autocomplete_with_fields_arg",
]


def sanad_variant(stock_cls: type) -> type:
    """``stock_cls`` with Sanad's backend: same tests, same options, Sanad's backend path."""
    backend_path = settings.MODELSEARCH_BACKENDS["default"]["BACKEND"]
    overridden = getattr(stock_cls, "_overridden_settings", {}) or {}
    backends = {
        name: {**conf, "BACKEND": backend_path if conf.get("BACKEND") in STOCK_PATHS else conf["BACKEND"]}
        for name, conf in overridden.get(
            "MODELSEARCH_BACKENDS", {"default": {"BACKEND": backend_path}}
        ).items()
    }
    attrs: dict[str, object] = {"__module__": __name__, "backend_path": backend_path}
    excluded = dict(EXCLUDED)
    if issubclass(stock_cls, stock_sqlite.TestSQLiteSearchBackend):
        for test_name in UNSKIPPED:
            attrs[test_name] = getattr(stock_common.BackendTests, test_name)
        excluded.update(EXCLUDED_SQLITE)
    if issubclass(stock_cls, stock_postgres.TestPostgresSearchBackend):
        excluded.update(EXCLUDED_POSTGRES)
    for test_name, reason in excluded.items():
        if hasattr(stock_cls, test_name):
            attrs[test_name] = unittest.skip(reason)(getattr(stock_cls, test_name))
    variant = type(f"Sanad{stock_cls.__name__}", (stock_cls,), attrs)
    return override_settings(MODELSEARCH_BACKENDS=backends)(variant)


SanadTestSQLiteSearchBackend = sanad_variant(stock_sqlite.TestSQLiteSearchBackend)
SanadTestPostgresSearchBackend = sanad_variant(stock_postgres.TestPostgresSearchBackend)
SanadTestPostgresFuzzyThreshold = sanad_variant(stock_postgres.TestPostgresFuzzyThreshold)
SanadTestPostgresFuzzyPrefixBoost = sanad_variant(stock_postgres.TestPostgresFuzzyPrefixBoost)
SanadTestPostgresFuzzyLevenshtein = sanad_variant(stock_postgres.TestPostgresFuzzyLevenshtein)
SanadTestPostgresFuzzyLevenshteinRanking = sanad_variant(stock_postgres.TestPostgresFuzzyLevenshteinRanking)
SanadTestPostgresFuzzyUnaccent = sanad_variant(stock_postgres.TestPostgresFuzzyUnaccent)
SanadTestPostgresLanguageTextSearch = sanad_variant(stock_postgres.TestPostgresLanguageTextSearch)
