"""Production settings come from the environment and refuse to start without a secret."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured


def load_production(monkeypatch, **env):
    # The suite may run beside an OpenSearch node (OPENSEARCH_URL set): production refuses two engines.
    for key in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "ELASTICSEARCH_URL", "OPENSEARCH_URL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    sys.modules.pop("sanad.settings.production", None)
    return importlib.import_module("sanad.settings.production")


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured):
        load_production(monkeypatch)


def test_production_reads_hosts_database_and_search_from_the_environment(monkeypatch):
    settings = load_production(
        monkeypatch,
        SECRET_KEY="s3cret",
        ALLOWED_HOSTS="sanad.example.ir, www.sanad.example.ir",
        DATABASE_URL="postgres://u:p@db.internal:5432/sanad",
        ELASTICSEARCH_URL="http://search.internal:9200",
    )
    assert settings.ALLOWED_HOSTS == ["sanad.example.ir", "www.sanad.example.ir"]
    assert settings.DATABASES["default"]["HOST"] == "db.internal"
    assert settings.DATABASES["default"]["NAME"] == "sanad"
    assert "http://search.internal:9200" in str(settings.WAGTAILSEARCH_BACKENDS["default"])
    assert not settings.DEBUG


def test_dev_settings_default_to_sqlite(monkeypatch):
    from sanad.settings.base import database_from_env

    config = database_from_env({}, "/tmp/x.sqlite3")
    assert config["ENGINE"] == "sanad.db.sqlite3"  # Django's SQLite, whose flush lifts the guard triggers
