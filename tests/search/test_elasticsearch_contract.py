"""Contract with a real search engine: its analyzer, its index life cycle and its answers agree with the database path.

Runs against the node named by ``OPENSEARCH_URL`` (OpenSearch 2, ``search.backends.opensearch``) or
``ELASTICSEARCH_URL`` (Elasticsearch 8, ``search.backends.elasticsearch``), read by the same function as
the production settings. CI starts a single OpenSearch 2.19 node (``search/opensearch-node/run.sh``);
locally: ``search/opensearch-node/run.sh start`` then ``OPENSEARCH_URL=http://127.0.0.1:9200 make test``.
Index names start with ``<OPENSEARCH_INDEX or ELASTICSEARCH_INDEX>_`` and a random part per test module,
so runs can share one node; every index made here is deleted at the end.
"""

import os
import threading
import time
import uuid
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.html import strip_tags
from modelsearch.backends import get_search_backend, import_backend
from wagtail.models import Page

from procedures.models import ExternalReferencePage, ProcedurePage, ServiceStatementPage
from sanad.settings.search_engine import search_engine_from_env
from search.es_analysis import EDGENGRAM_ANALYZER, QUERY_ANALYZER, TEXT_ANALYZER, analysis_settings
from search.normalise import VERSION, index_text, joined_pairs, normalise
from tests.search.analysis_samples import DOMAIN_SAMPLES, WORD_VARIANTS
from tests.search.search_corpus import corpus_for_module, publish, reference

ENGINE = search_engine_from_env(os.environ)
SKIP_REASON = (
    "neither OPENSEARCH_URL nor ELASTICSEARCH_URL is set: the search-engine contract needs a running node "
    "(search/opensearch-node/run.sh start, then OPENSEARCH_URL=http://127.0.0.1:9200)"
)
pytestmark = [pytest.mark.elasticsearch, pytest.mark.skipif(ENGINE is None, reason=SKIP_REASON)]
ENGINE_NAME = "engine"

# Each group must find one set of documents, on both paths.
VARIANT_GROUPS = [
    ("وظایف", "وظايف"),
    ("دستگاه های اجرایی", "دستگاه‌های اجرایی", "دستگاههای اجرایی", "دستگاه هاي اجرايي"),
    # Whole numbers: PostgreSQL's parser keeps «36773/91/210» as one token, so a bare part of it is not a
    # word there (Sanad's query layer finds numbers by their keys, search/numbers.py).
    ("۳۶۷۷۳/۹۱/۲۱۰", "36773/91/210", "٣٦٧٧٣/٩١/٢١٠"),
    ("آیین‌نامه اجرایی", "آیین نامه اجرایی", "آئين نامه اجرايي"),
]
# The joined writing of a compound meets the other two (issue 11 §2), when all words must appear (as on
# /search/); with «or», the spaced writing's parts are each a word of their own and find more.
COMPOUND_GROUPS = [
    ("آیین‌نامه اجرایی", "آیین نامه اجرایی", "آییننامه اجرایی"),
    ("بخشنامه وظایف", "بخش‌نامه وظایف", "بخش نامه وظایف"),
]
MODELS = [Page, ExternalReferencePage, ProcedurePage, ServiceStatementPage]

# The judged query set over tests/search/search_corpus.py: each query with the documents a reader means by
# it (attributes of its Corpus), which must be among the top ten on both paths.
JUDGED = [
    ("وظایف", {"circular", "old_circular"}),
    ("وظايف دفاتر مديريت عملكرد", {"circular"}),
    ("دستگاه‌های اجرایی", {"procedure", "circular"}),
    ("ارزیابی عملکرد", {"procedure", "circular", "old_circular"}),
    ("شکایات", {"old_circular"}),
    ("پاسخگویی به شکایات", {"old_circular"}),
    ("آیین نامه اجرایی", {"regulation"}),
    ("آیین‌نامه", {"regulation"}),
    ("آئين نامه", {"regulation"}),
    ("قانون مدیریت خدمات کشوری", {"regulation", "circular"}),
    ("نقشه راه", {"roadmap"}),
    ("اصلاح نظام اداری", {"programme", "roadmap"}),
    ("برنامه جامع", {"programme"}),
    ("روش اجرایی", {"procedure"}),
    ("۳۵۶۶۵/۱۸۰۱", {"old_circular", "circular"}),
    ("36773/91/210", {"circular"}),
]


def engine_config(prefix: str, **extra) -> dict:
    return {**ENGINE, "INDEX_PREFIX": prefix, "ATOMIC_REBUILD": False, "TIMEOUT": 30, **extra}


def new_prefix() -> str:
    return f"{ENGINE['INDEX_PREFIX']}{uuid.uuid4().hex[:8]}_"


def make_backend(prefix: str, **extra):
    params = engine_config(prefix, **extra)
    return import_backend(params.pop("BACKEND"))(params)


def delete_prefixed(backend, prefix: str) -> None:
    """Every index whose name starts with ``prefix`` (aliases go with their indexes); by name, never wildcard."""
    for name in backend.es.indices.get(index=f"{prefix}*"):
        backend.es.indices.delete(index=name)


def analyze(backend, index_name: str, text: str, **how) -> list[str]:
    body = {"text": text, **how}
    response = backend.es.indices.analyze(index=index_name, body=body)
    return [token["token"] for token in response["tokens"]]


@pytest.fixture(scope="module")
def page_index():
    """An empty page index with Sanad's settings and mapping: enough for ``_analyze``."""
    prefix = new_prefix()
    backend = make_backend(prefix)
    index = backend.get_index_for_model(Page)
    try:
        index.reset()
        index.add_model(ExternalReferencePage)
        yield index
    finally:
        delete_prefixed(backend, prefix)


def normalisers_words(index, text: str) -> list[str]:
    """The normaliser's output cut into words by the engine's plain ``standard`` tokenizer (no char filters)."""
    return analyze(index.backend, index.name, normalise(text), tokenizer="standard", filter=["lowercase"])


def test_the_engine_keeps_the_generated_analysis_settings_rule_for_rule(page_index):
    # The engine parses every mapping rule and pattern (a rule it could not read would fail index creation).
    stored = page_index.es.indices.get_settings(index=page_index.name)[page_index.name]["settings"]["index"]
    generated = analysis_settings()
    for name, definition in generated["char_filter"].items():
        assert stored["analysis"]["char_filter"][name] == definition, name
    assert set(stored["analysis"]["analyzer"]) == set(generated["analyzer"])


# --- the analyzer gives the normaliser's words ----------------------------------------------------


@pytest.mark.parametrize("analyzer", [TEXT_ANALYZER, QUERY_ANALYZER])
def test_the_engines_analyzers_give_the_normalisers_words_for_every_sample(page_index, analyzer):
    disagreements = []
    for text in DOMAIN_SAMPLES + WORD_VARIANTS:
        expected = normalisers_words(page_index, text)
        for sent in (text, normalise(text)):  # Sanad sends text already normalised: the chain leaves it be
            tokens = analyze(page_index.backend, page_index.name, sent, analyzer=analyzer)
            if tokens != expected:
                disagreements.append((sent, tokens, expected))
    assert disagreements == []


def test_for_plain_words_those_are_the_normalisers_space_separated_words(page_index):
    # No tokenizer on the normaliser's side at all: its output split on spaces.
    disagreements = [
        (text, tokens)
        for text in WORD_VARIANTS
        if (tokens := analyze(page_index.backend, page_index.name, text, analyzer=TEXT_ANALYZER))
        != normalise(text).split()
    ]
    assert disagreements == []


def test_a_text_and_its_joined_pairs_sent_as_two_values_give_the_database_indexs_words(page_index):
    # Sanad sends each text value with its joined pairs as a second value (elasticsearch_common);
    # the engine must keep every pair one token, as the database's index_text does.
    disagreements = []
    for text in DOMAIN_SAMPLES + WORD_VARIANTS:
        normalised = normalise(text)
        pairs = joined_pairs(normalised)
        sent = [normalised, " ".join(pairs)] if pairs else normalised
        tokens = analyze(page_index.backend, page_index.name, sent, analyzer=TEXT_ANALYZER)
        expected = normalisers_words(page_index, text) + pairs
        if tokens != expected or index_text(text).split()[len(normalised.split()) :] != pairs:
            disagreements.append((text, tokens, expected))
    assert disagreements == []
    assert joined_pairs(normalise("بخش‌نامه")) == ["بخشنامه"]


@pytest.mark.parametrize(
    ("with_zwnj", "with_space"),
    [("آیین‌نامه", "آیین نامه"), ("بخش‌نامه", "بخش نامه"), ("شیوه‌نامه", "شیوه نامه")],
)
def test_a_compound_written_with_zwnj_or_a_space_gives_the_same_two_words(page_index, with_zwnj, with_space):
    words = analyze(page_index.backend, page_index.name, with_zwnj, analyzer=TEXT_ANALYZER)
    assert words == analyze(page_index.backend, page_index.name, with_space, analyzer=TEXT_ANALYZER)
    assert len(words) == 2


def test_the_comparison_catches_a_chain_that_drifts_from_the_normaliser(page_index):
    # The index's own char filters, one left out: the spaced plural stays two words, unlike the normaliser's.
    drifted = analyze(
        page_index.backend,
        page_index.name,
        "دستگاه های",
        char_filter=["sanad_fold", "sanad_join_prefixes", "sanad_zwnj_to_space"],
        tokenizer="standard",
        filter=["lowercase"],
    )
    assert drifted == ["دستگاه", "های"] != normalise("دستگاه های").split()
    # Dropping the ZWNJ (the old chain) would make «آیین‌نامه» one word where the normaliser has two.
    dropping = analyze(
        page_index.backend,
        page_index.name,
        "آیین‌نامه",
        char_filter=["sanad_fold", {"type": "mapping", "mappings": ["\\u200C=>"]}],
        tokenizer="standard",
        filter=["lowercase"],
    )
    assert dropping == ["اییننامه"] != normalise("آیین‌نامه").split()


def test_the_engines_autocomplete_analyzer_indexes_prefixes_of_the_normalisers_words(page_index):
    grams = analyze(page_index.backend, page_index.name, "دستگاه هاي", analyzer=EDGENGRAM_ANALYZER)
    assert grams[0] == "د" and grams[-1] == "دستگاههای" and "دستگاه" in grams


def test_the_index_records_the_normaliser_version(page_index):
    assert page_index.normaliser_version() == VERSION
    assert page_index.name not in page_index.backend.stale_indexes()


# --- the search corpus on both paths -----------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_corpus(django_db_setup, django_db_blocker):
    """tests/search/search_corpus.py in the database and, through ``update_index``, in the engine.

    The engine sits beside the database backend as a deployment would name it, with automatic updates,
    so publishing, editing and deleting reach it through Wagtail's own signal handlers.
    """
    prefix = new_prefix()
    backends = {
        **django_settings.WAGTAILSEARCH_BACKENDS,
        ENGINE_NAME: engine_config(prefix, ATOMIC_REBUILD=True, AUTO_UPDATE=True),
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        try:
            with corpus_for_module(django_db_blocker) as corpus:
                with django_db_blocker.unblock():
                    call_command("update_index", backend_name=ENGINE_NAME, stdout=StringIO())
                yield corpus
        finally:
            delete_prefixed(get_search_backend(ENGINE_NAME), prefix)


@pytest.fixture
def corpus_in_both(shared_corpus, db):
    return shared_corpus


def pks(results, limit=10) -> list[int]:
    return [page.pk for page in results[:limit]]


def test_the_analyzer_gives_the_normalisers_words_for_every_corpus_text(corpus_in_both):
    engine = get_search_backend(ENGINE_NAME)
    index = engine.get_index_for_model(Page)
    disagreements = []
    for page in ExternalReferencePage.objects.all():
        for text in (page.title, page.number, page.number_aliases, page.summary, strip_tags(page.body or "")):
            if text and (tokens := analyze(engine, index.name, text, analyzer=TEXT_ANALYZER)) != (
                expected := normalisers_words(index, text)
            ):
                disagreements.append((text, tokens, expected))
    assert disagreements == []


def test_judged_queries_give_the_database_backends_top_ten(corpus_in_both):
    engine = get_search_backend(ENGINE_NAME)
    database = get_search_backend("default")
    live = Page.objects.live()
    disagreements = []
    for query, judged in JUDGED:
        # All words must appear, as on /search/ (search/query.py).
        on_engine = pks(engine.search(query, live, operator="and"))
        on_database = pks(database.search(query, live, operator="and"))
        relevant = {getattr(corpus_in_both, name).pk for name in judged}
        # The same ten documents; their order follows each backend's own scoring (BM25, bm25(), ts_rank).
        if set(on_engine) != set(on_database):
            disagreements.append((query, "top ten differ", on_engine, on_database))
        if not relevant <= set(on_engine):
            disagreements.append((query, "judged documents missing", on_engine, relevant))
    assert disagreements == []


def test_variant_queries_find_the_same_documents_as_the_database_backend(corpus_in_both):
    engine = get_search_backend(ENGINE_NAME)
    database = get_search_backend("default")
    disagreements = []
    groups = [(group, ("or", "and")) for group in VARIANT_GROUPS]
    for group, operators in groups + [(group, ("and",)) for group in COMPOUND_GROUPS]:
        for model in MODELS:
            for operator in operators:
                found = {}
                for query in group:
                    on_engine = {p.pk for p in engine.search(query, model, operator=operator)}
                    on_db = {p.pk for p in database.search(query, model, operator=operator)}
                    if on_engine != on_db:
                        disagreements.append(
                            (query, model.__name__, operator, sorted(on_engine), sorted(on_db))
                        )
                    found[query] = on_engine
                if len({frozenset(ids) for ids in found.values()}) != 1:
                    disagreements.append(("variants differ on the engine", model.__name__, operator, found))
    assert disagreements == []
    # Circular ۳۶۷۷۳/۹۱/۲۱۰ is typed with Arabic ي/ك: the groups are not vacuously equal.
    assert {p.pk for p in engine.search("وظايف", ExternalReferencePage)}
    assert {p.pk for p in engine.search("36773/91/210", ExternalReferencePage)}
    # The corpus writes «بخشنامه» joined and «آیین‌نامه» with ZWNJ: the other writings find them.
    assert corpus_in_both.circular in engine.search("بخش نامه وظایف", ExternalReferencePage, operator="and")
    assert corpus_in_both.regulation in engine.search(
        "آییننامه اجرایی", ExternalReferencePage, operator="and"
    )


# --- index, update, delete, reindex ------------------------------------------------------------------


def engine_hits(query: str) -> set[int]:
    engine = get_search_backend(ENGINE_NAME)
    engine.get_index_for_model(Page).refresh()
    return {page.pk for page in engine.search(query, Page)}


def test_publishing_editing_and_deleting_a_page_reach_the_engine(corpus_in_both):
    page = reference(
        corpus_in_both.references_section,
        "guideline-1",
        title="دستورالعمل نگهداری بایگانی راکد",
        ref_type="guideline",
        number="۱۱۱/۲۲",
    )
    assert engine_hits("بایگانی راکد") == {page.pk}

    page.title = "دستورالعمل امحای اوراق زائد"
    publish(page)
    assert engine_hits("امحای اوراق") == {page.pk}
    assert engine_hits("بایگانی") == set()

    page.delete()
    assert engine_hits("امحای اوراق") == set()


def test_reindexing_swaps_the_alias_while_searches_keep_answering(corpus_in_both):
    engine = get_search_backend(ENGINE_NAME)
    alias = engine.get_index_for_model(Page)
    assert alias.is_alias()
    (before,) = [index.name for index in alias.aliased_indices()]
    circular = corpus_in_both.circular.pk
    body = {"query": {"match": {"_all_text": normalise("وظایف دفاتر")}}, "size": 20}
    answers, failures, done = [], [], threading.Event()

    def search_once():
        try:
            hits = engine.es.search(index=alias.name, body=body)["hits"]["hits"]
            answers.append(
                ({hit["_index"] for hit in hits}, {int(hit["_id"]) for hit in hits}, time.monotonic())
            )
        except Exception as error:
            failures.append(repr(error))

    def search_until_done():
        while not done.is_set():
            search_once()
            time.sleep(0.005)
        search_once()  # and once after the swap

    searcher = threading.Thread(target=search_until_done)
    searcher.start()
    for _ in range(500):  # the old index has answered before the rebuild starts
        if answers or failures:
            break
        time.sleep(0.01)
    started = time.monotonic()
    try:
        call_command("update_index", backend_name=ENGINE_NAME, stdout=StringIO())
    finally:
        finished = time.monotonic()
        done.set()
        searcher.join(timeout=60)

    (after,) = [index.name for index in alias.aliased_indices()]
    assert after != before
    assert not engine.es.indices.exists(index=before)  # the old index is gone, the alias moved
    assert failures == []
    assert all(circular in found for _, found, _ in answers), (
        "a search during the reindex missed the circular"
    )
    assert {index for indexes, _, _ in answers for index in indexes} <= {before, after}
    assert [at for _, _, at in answers if started < at < finished]  # searches answered while it rebuilt
    assert answers[0][0] == {before} and answers[-1][0] == {after}
