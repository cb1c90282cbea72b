"""Contract with a real Elasticsearch 8 server: its analyzer and its matches agree with the database path.

Runs only when ``ELASTICSEARCH_URL`` is set (``ELASTICSEARCH_URL=http://127.0.0.1:9200 python -m pytest
-m elasticsearch tests/search``). Every index it makes has a unique prefix and is deleted at the end.
"""

import os
import uuid

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.models import Page

from procedures.models import ExternalReferencePage, ProcedurePage, ServiceStatementPage
from search.backends.elasticsearch import SanadElasticsearchBackend
from search.es_analysis import EDGENGRAM_ANALYZER, QUERY_ANALYZER, TEXT_ANALYZER
from search.es_emulation import standard_tokens
from search.normalise import VERSION, normalise
from tests.search.test_elasticsearch_mapping import DOMAIN_SAMPLES, WORD_VARIANTS

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL,
        reason="ELASTICSEARCH_URL is not set: this contract test needs a running Elasticsearch 8 server "
        "(for example ELASTICSEARCH_URL=http://127.0.0.1:9200)",
    ),
]

# Each group must find one set of documents, on both paths.
VARIANT_GROUPS = [
    ("وظایف", "وظايف"),
    ("دستگاه های اجرایی", "دستگاه‌های اجرایی", "دستگاههای اجرایی", "دستگاه هاي اجرايي"),
    ("۳۶۷۷۳", "36773", "٣٦٧٧٣"),
    ("بخشنامه", "بخشنامه‌های"),
]
MODELS = [Page, ExternalReferencePage, ProcedurePage, ServiceStatementPage]


def make_backend() -> SanadElasticsearchBackend:
    return SanadElasticsearchBackend(
        {
            "URLS": [u.strip() for u in ELASTICSEARCH_URL.split(",") if u.strip()],
            "INDEX_PREFIX": f"sanad_contract_{uuid.uuid4().hex[:10]}_",
            "ATOMIC_REBUILD": False,
            "TIMEOUT": 30,
        }
    )


def delete_indexes(backend: SanadElasticsearchBackend) -> None:
    for index in backend.all_indexes():
        index.delete()


@pytest.fixture(scope="module")
def page_index():
    """An empty page index with Sanad's settings and mapping: enough for ``_analyze``."""
    backend = make_backend()
    index = backend.get_index_for_model(Page)
    try:
        index.reset()
        index.add_model(ExternalReferencePage)
        yield index
    finally:
        index.delete()


@pytest.fixture
def demo_in_both(db):
    """The demo content in the test database (and its search index) and in fresh Elasticsearch indexes."""
    call_command("load_demo", quiet_users=True)
    backend = make_backend()
    try:
        for index, models in group_models_by_index(backend, get_indexed_models()).items():
            index.reset()
            for model in models:
                index.add_model(model)
            for model in models:
                index.add_items(model, list(model.get_indexed_objects().order_by("pk")))
            index.refresh()
        yield backend
    finally:
        delete_indexes(backend)


def server_tokens(index, analyzer: str, text: str) -> list[str]:
    response = index.es.indices.analyze(index=index.name, analyzer=analyzer, text=text)
    return [token["token"] for token in response["tokens"]]


def test_the_servers_analyzers_give_the_normalisers_words(page_index):
    disagreements = []
    for text in DOMAIN_SAMPLES + WORD_VARIANTS:
        expected = standard_tokens(normalise(text))
        for analyzer in (TEXT_ANALYZER, QUERY_ANALYZER):
            tokens = server_tokens(page_index, analyzer, text)
            if tokens != expected:
                disagreements.append((text, analyzer, tokens, expected))
    assert disagreements == []


def test_the_servers_autocomplete_analyzer_indexes_prefixes_of_the_normalisers_words(page_index):
    grams = server_tokens(page_index, EDGENGRAM_ANALYZER, "دستگاه هاي")
    assert grams[0] == "د" and grams[-1] == "دستگاههای" and "دستگاه" in grams


def test_the_index_records_the_normaliser_version(page_index):
    assert page_index.normaliser_version() == VERSION


def test_variant_queries_find_the_same_documents_as_the_database_backend(demo_in_both):
    database = get_search_backend("default")
    disagreements = []
    for group in VARIANT_GROUPS:
        for model in MODELS:
            for operator in ("or", "and"):
                found = {}
                for query in group:
                    on_es = {p.pk for p in demo_in_both.search(query, model, operator=operator)}
                    on_db = {p.pk for p in database.search(query, model, operator=operator)}
                    if on_es != on_db:
                        disagreements.append((query, model.__name__, operator, sorted(on_es), sorted(on_db)))
                    found[query] = on_es
                if len({frozenset(ids) for ids in found.values()}) != 1:
                    disagreements.append(
                        ("variants differ on Elasticsearch", model.__name__, operator, found)
                    )
    assert disagreements == []
    # The demo holds circular ۳۶۷۷۳/۹۱/۲۱۰ typed with Arabic ي/ك: the groups are not vacuously equal.
    assert {p.pk for p in demo_in_both.search("وظايف", ExternalReferencePage)}
    assert {p.pk for p in demo_in_both.search("36773", ExternalReferencePage)}
