"""Production: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, database_from_env

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
DATABASES = {"default": database_from_env(os.environ, BASE_DIR / "var" / "sanad.sqlite3")}

# Elasticsearch (optional): Sanad's backend, whose analyzers are generated from the Persian normaliser.
# ELASTICSEARCH_URL may list several nodes, comma-separated; credentials go in the URL. Indexes are named
# "<ELASTICSEARCH_INDEX>_<app>_<model>". The pinned client (elasticsearch 8.x) talks to an ES 8 server.
if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [u.strip() for u in os.environ["ELASTICSEARCH_URL"].split(",") if u.strip()],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX", "sanad").rstrip("_") + "_",
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "10")),
            "OPTIONS": {
                "max_retries": int(os.environ.get("ELASTICSEARCH_MAX_RETRIES", "3")),
                "retry_on_timeout": True,
            },
        }
    }

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sanad@localhost")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
