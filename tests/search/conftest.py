"""Says at the end of a run whether the search-engine contract ran, against what, or why it was skipped."""

import os

import pytest

_engine_tests = []


def pytest_collection_finish(session):
    _engine_tests[:] = [item for item in session.items if item.get_closest_marker("elasticsearch")]


def pytest_terminal_summary(terminalreporter):
    if not _engine_tests:
        return
    from sanad.settings.search_engine import search_engine_from_env

    engine = search_engine_from_env(os.environ)
    if engine is None:
        terminalreporter.write_line(
            f"search engine: {len(_engine_tests)} contract tests SKIPPED — neither OPENSEARCH_URL nor "
            "ELASTICSEARCH_URL is set (start a node with search/opensearch-node/run.sh start)",
            yellow=True,
        )
    else:
        terminalreporter.write_line(
            f"search engine: {len(_engine_tests)} contract tests ran with {engine['BACKEND']} at "
            f"{', '.join(engine['URLS'])}, index prefix {engine['INDEX_PREFIX']}"
        )


# The search corpus, built once per test module (the module's own ``shared_corpus`` may add to it) and
# read inside each test's transaction. Imported here, not at the top: the peer suite under
# tests/search/peer loads this conftest with settings that have no Wagtail.
@pytest.fixture(scope="module")
def shared_corpus(django_db_setup, django_db_blocker):
    from tests.search.search_corpus import corpus_for_module

    with corpus_for_module(django_db_blocker) as corpus:
        yield corpus


@pytest.fixture
def corpus(shared_corpus, db):
    return shared_corpus
