"""Django settings for the search benchmarks: a scratch database, the bench app, two search backends.

Nothing of Sanad's site is installed: the benchmark measures the search backends, not Wagtail pages.
``bench.search_bench`` chooses the database before Django starts, through the environment:
``SANAD_BENCH_DATABASE_URL`` (a PostgreSQL URL) or ``SANAD_BENCH_SQLITE`` (a file path).

Backends, as modelsearch's ``MODELSEARCH_BACKENDS`` (both write to modelsearch's one index table):
- ``default``: Sanad's (``search.backends.database``, as the site configures it);
- ``stock``: modelsearch's own backend for the same database (on PostgreSQL with the ``simple``
  configuration, so that both parse the text alike).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url

REPO_DIR = Path(__file__).resolve().parents[1]
if str(REPO_DIR / "site") not in sys.path:  # Sanad's site packages, as manage.py does
    sys.path.append(str(REPO_DIR / "site"))

SECRET_KEY = "bench-only-not-secret"  # noqa: S105
DEBUG = False
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "modelsearch",
    "search",  # Sanad's search app: the normaliser version bookkeeping its backends do
    "bench.benchapp",
]

_url = os.environ.get("SANAD_BENCH_DATABASE_URL")
if _url:
    DATABASES = {"default": dj_database_url.parse(_url)}
    STOCK_BACKEND = {"BACKEND": "modelsearch.backends.database.postgres.postgres", "SEARCH_CONFIG": "simple"}
else:
    _path = os.environ.get("SANAD_BENCH_SQLITE", "/tmp/sanad-bench.sqlite3")  # noqa: S108
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": _path}}
    STOCK_BACKEND = {"BACKEND": "modelsearch.backends.database.sqlite.sqlite"}

MODELSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database"},
    "stock": STOCK_BACKEND,
}
