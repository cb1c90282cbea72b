"""Production: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, TASK_BACKENDS, database_from_env
from .search_engine import search_engine_from_env

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
DATABASES = {"default": database_from_env(os.environ, BASE_DIR / "var" / "sanad.sqlite3")}

# Elasticsearch 8/9 (ELASTICSEARCH_URL) or OpenSearch 2 (OPENSEARCH_URL), optional: Sanad's backends, whose
# analyzers are generated from the Persian normaliser. Variables in settings/search_engine.py.
_search_engine = search_engine_from_env(os.environ)
if _search_engine:
    WAGTAILSEARCH_BACKENDS = {"default": _search_engine}

# The page cache and rate limits must be shared by every gunicorn worker: Redis when REDIS_URL is set
# (base settings), else files on the server's disk.
if not os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("SANAD_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# The daily audit digests: a directory an operator copies off the server (or mails, printed).
SANAD_AUDIT_DIGEST_DIR = os.environ.get("SANAD_AUDIT_DIGEST_DIR", str(BASE_DIR / "var" / "audit-digests"))
SANAD_PAGE_CACHE_SECONDS = int(os.environ.get("SANAD_PAGE_CACHE_SECONDS", "600"))

# Background work goes to the worker (manage.py db_worker) unless SANAD_TASKS_BACKEND says otherwise.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("SANAD_TASKS_BACKEND", "database")]}}

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sanad@localhost")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost")


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


# HTTPS only: redirect, HSTS, secure cookies. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=1
# (the proxy must set X-Forwarded-Proto). SECURE_SSL_REDIRECT=0 only where the proxy already redirects.
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", True)
if _flag("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

# Static files: collected to STATIC_ROOT with hashed, compressed names and served by WhiteNoise.
# Media: on disk (MEDIA_ROOT) or, when AWS_STORAGE_BUCKET_NAME (or S3_BUCKET) is set, an S3-compatible
# store through django-storages; files are reached only through Sanad's permission-checked views.
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "var" / "static"))
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
_bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME") or os.environ.get("S3_BUCKET")
if _bucket:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or os.environ.get("S3_ENDPOINT_URL"),
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or os.environ.get("S3_REGION"),
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or os.environ.get("S3_ACCESS_KEY"),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or os.environ.get("S3_SECRET_KEY"),
            # Private objects, reached through signed URLs or Sanad's own views; never overwritten.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
