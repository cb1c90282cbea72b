"""Local development: debug on, SQLite unless DATABASE_URL says otherwise."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, database_from_env

DEBUG = True
SECRET_KEY = "dev-only-not-secret-" + "sanad"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": database_from_env(os.environ, BASE_DIR / "var" / "sanad.sqlite3")}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

(BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)  # WhiteNoise reads it at start
