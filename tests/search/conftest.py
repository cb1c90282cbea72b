"""Says at the end of a run whether the search-engine contract ran, against what, or why it was skipped."""

import os

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
