"""The search engine a deployment names in its environment: Elasticsearch 8/9 or OpenSearch 2.

``ELASTICSEARCH_URL`` selects ``search.backends.elasticsearch`` (the ``elasticsearch`` client),
``OPENSEARCH_URL`` selects ``search.backends.opensearch`` (``opensearch-py``); both share one analysis
chain (``search.es_analysis``). Each URL may list several nodes, comma-separated, credentials in the URL.
Indexes are named ``<ELASTICSEARCH_INDEX or OPENSEARCH_INDEX>_<app>_<model>`` (default ``sanad``); timeouts
and retries come from ``<ENGINE>_TIMEOUT`` and ``<ENGINE>_MAX_RETRIES``. Neither URL: ``None``, and the
database backend stays.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

ENGINES = {
    "ELASTICSEARCH": "search.backends.elasticsearch",
    "OPENSEARCH": "search.backends.opensearch",
}


def search_engine_from_env(env: Mapping[str, str]) -> dict | None:
    """The ``WAGTAILSEARCH_BACKENDS["default"]`` entry for the engine the environment names, if any."""
    named = [engine for engine in ENGINES if env.get(f"{engine}_URL", "").strip()]
    if len(named) > 1:
        raise ImproperlyConfigured(
            "Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both: Sanad uses one engine."
        )
    if not named:
        return None
    engine = named[0]
    return {
        "BACKEND": ENGINES[engine],
        "URLS": [url.strip() for url in env[f"{engine}_URL"].split(",") if url.strip()],
        "INDEX_PREFIX": env.get(f"{engine}_INDEX", "sanad").rstrip("_") + "_",
        "TIMEOUT": int(env.get(f"{engine}_TIMEOUT", "10")),
        "OPTIONS": {
            "max_retries": int(env.get(f"{engine}_MAX_RETRIES", "3")),
            "retry_on_timeout": True,
        },
    }
