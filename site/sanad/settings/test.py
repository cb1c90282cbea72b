"""The test suite: fast hashing, in-memory email, SQLite unless DATABASE_URL says otherwise."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, database_from_env

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": database_from_env(os.environ, BASE_DIR / "var" / "test.sqlite3")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Off, so a test that changes content without publishing sees its change; tests/site/test_page_cache.py
# turns it on.
SANAD_PAGE_CACHE_SECONDS = 0
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sanad-test-media-"))
(BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)  # WhiteNoise reads it at start
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
