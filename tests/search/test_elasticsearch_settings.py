"""Production settings point Sanad at Elasticsearch through its own backend, configured from the environment."""

import importlib
import sys

from modelsearch.backends import import_backend
from wagtail.models import Page

from search.backends.elasticsearch import SanadElasticsearchBackend


def load_production(monkeypatch, **env):
    for key in (
        "ELASTICSEARCH_URL",
        "ELASTICSEARCH_INDEX",
        "ELASTICSEARCH_TIMEOUT",
        "ELASTICSEARCH_MAX_RETRIES",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("SECRET_KEY", "s3cret")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    sys.modules.pop("sanad.settings.production", None)
    return importlib.import_module("sanad.settings.production")


def test_elasticsearch_url_selects_sanads_backend_with_index_name_and_timeouts(monkeypatch):
    settings = load_production(
        monkeypatch,
        ELASTICSEARCH_URL="https://u:p@es1.internal:9200, https://u:p@es2.internal:9200",
        ELASTICSEARCH_INDEX="sanad_prod",
        ELASTICSEARCH_TIMEOUT="30",
    )
    config = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert import_backend(config["BACKEND"]) is SanadElasticsearchBackend
    assert config["URLS"] == ["https://u:p@es1.internal:9200", "https://u:p@es2.internal:9200"]
    assert config["INDEX_PREFIX"] == "sanad_prod_"
    assert config["TIMEOUT"] == 30


def test_without_elasticsearch_url_production_keeps_the_database_backend(monkeypatch):
    settings = load_production(monkeypatch)
    assert "elasticsearch" not in str(settings.WAGTAILSEARCH_BACKENDS)


def test_the_configured_backend_builds_indexes_named_after_the_prefix(monkeypatch):
    config = dict(
        load_production(monkeypatch, ELASTICSEARCH_URL="http://es.internal:9200").WAGTAILSEARCH_BACKENDS[
            "default"
        ]
    )
    config.pop("BACKEND")
    backend = SanadElasticsearchBackend(config)
    assert backend.get_index_for_model(Page).name == "sanad_wagtailcore_page"
    assert backend.timeout == 10
