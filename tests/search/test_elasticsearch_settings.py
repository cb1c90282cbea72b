"""Production settings point Sanad at Elasticsearch or OpenSearch through its own backends, from the environment."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends import import_backend
from opensearchpy import OpenSearch
from wagtail.models import Page

from search.backends.elasticsearch import SanadElasticsearchBackend
from search.backends.opensearch import SanadOpenSearchBackend


def load_production(monkeypatch, **env):
    for engine in ("ELASTICSEARCH", "OPENSEARCH"):
        for key in ("URL", "INDEX", "TIMEOUT", "MAX_RETRIES"):
            monkeypatch.delenv(f"{engine}_{key}", raising=False)
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
    assert "opensearch" not in str(settings.WAGTAILSEARCH_BACKENDS)


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


def test_opensearch_url_selects_the_opensearch_backend_with_the_same_analysis_chain(monkeypatch):
    settings = load_production(
        monkeypatch, OPENSEARCH_URL="http://127.0.0.1:9200", OPENSEARCH_INDEX="ci_pg", OPENSEARCH_TIMEOUT="20"
    )
    config = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    assert import_backend(config.pop("BACKEND")) is SanadOpenSearchBackend
    backend = SanadOpenSearchBackend(config)
    assert isinstance(backend.es, OpenSearch)
    assert backend.get_index_for_model(Page).name == "ci_pg_wagtailcore_page"
    assert backend.timeout == 20
    # One chain for both engines: the index body OpenSearch receives is Elasticsearch's.
    assert backend.settings == SanadElasticsearchBackend({"URLS": ["http://es:9200"]}).settings


def test_naming_both_engines_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="not both"):
        load_production(monkeypatch, OPENSEARCH_URL="http://os:9200", ELASTICSEARCH_URL="http://es:9200")
