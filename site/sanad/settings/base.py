"""Settings shared by every environment. Environment-specific files import * from here."""

import os
from pathlib import Path

import dj_database_url

SITE_DIR = Path(__file__).resolve().parent.parent.parent  # site/
BASE_DIR = SITE_DIR.parent  # the repository root

INSTALLED_APPS = [
    # Sanad
    "home",
    "jalali",
    "accounts",
    "procedures",
    "records",
    "records.evaluation",
    "search",
    "announcements",
    "news",
    "feedback",
    "distribution",
    "subjects",
    "units",
    "smartfolders",
    "contentrules",
    "worker",
    "custody",
    "integrity",
    "subscriptions",
    "archive",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "simple_history",
    "rest_framework",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost, so its headers reach every response, error pages included.
    "sanad.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files with hashed names, straight after SecurityMiddleware as WhiteNoise asks.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sanad.middleware.PublicCacheMiddleware",
    # Anonymous readers' pages straight from the shared cache, before sessions and auth (sanad.pagecache).
    "sanad.pagecache.ServerPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A write refused by a guard trigger is shown as its Persian message, not a 500.
    "sanad.refusals.GuardRefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a lockout into its Persian response.
    "axes.middleware.AxesMiddleware",
]

# Brute-force protection on every login path (django-axes, counted in the database so every worker
# shares it): after AXES_FAILURE_LIMIT failures for one user name, or from one address, logins stop
# for AXES_COOLOFF_TIME hours or until an administrator unlocks them («قفل‌های ورود», audited).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

ROOT_URLCONF = "sanad.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "sanad.wsgi.application"


SQLITE_ENGINE = "sanad.db.sqlite3"


def database_from_env(env: dict, default_sqlite: Path) -> dict:
    """DATABASE_URL when given (PostgreSQL in production and CI), else the embedded SQLite file."""
    url = env.get("DATABASE_URL")
    config = (
        dj_database_url.parse(url, conn_max_age=60)
        if url
        else {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite)}
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Django's SQLite backend whose flush lifts the guard triggers for its own DELETEs (sanad.db.sqlite3).
        config["ENGINE"] = SQLITE_ENGINE
        # A write transaction takes SQLite's write lock when it begins, so two at once queue (up to
        # `timeout` seconds) instead of failing with "database is locked" when the second upgrades.
        config.setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    return config


AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Persian first: the whole site and admin speak Persian, right to left.
LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", "فارسی")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Tehran"
# One clock for the organisation: the account page offers no list of ~600 English zone names (and none of
# the host's own entries such as «localtime», which the browser cannot read).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [SITE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
SECURE_CONTENT_TYPE_NOSNIFF = True
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Wagtail
WAGTAIL_SITE_NAME = "سند — سامانه مدیریت اسناد و سوابق"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# The log-in form with its password label in Persian (accounts/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "zip", "csv", "odt", "ods", "txt", "png", "jpg"]
# Every upload is judged by its bytes (records.uploads via sanad.uploads), not only by its name.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "sanad.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "sanad.uploads.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]
SANAD_DOCUMENT_TYPES = ["pdf", "docx", "xlsx", "zip", "csv", "odt", "ods", "txt", "png", "jpg"]
SANAD_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
SANAD_IMAGE_TYPES = ["jpg", "png", "gif", "webp"]
SANAD_IMAGE_MAX_BYTES = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = SANAD_IMAGE_MAX_BYTES
# Documents always pass through Wagtail's permission-checked view, downloaded as attachments
# (X-Content-Type-Options: nosniff comes from SecurityMiddleware), never from a raw media URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAIL_WORKFLOW_ENABLED = True
# A reviewer must see what they sign: any edit during review restarts the sign-off.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "procedures.finish.finish_workflow"
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"

# Sanad's database backend: modelsearch's SQLite FTS5 / PostgreSQL backends with the Persian
# normaliser at index and query time, and (SQLite) bm25 ranking in a single query. See search/backends/.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database"},
}

WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILAPI_LIMIT_MAX = 100
# Rich text as readers see it (links to pages and documents resolved to addresses), not the editor's
# stored form; ``?rich_text_format=db_html`` (or markdown) still asks for another.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Sanad
SANAD_ORGANISATION = "سازمان مدیریت و برنامه‌ریزی استان لرستان"

# Records (issue 4): uploads to the protected «سوابق» collection and disposition.
RECORDS_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Kinds judged from the bytes, never from the name; HTML, SVG and executables are never among them.
RECORDS_ALLOWED_TYPES = ["pdf", "png", "jpg", "tif", "docx", "xlsx", "odt", "ods", "zip", "txt", "csv"]
RECORDS_COLLECTION_NAME = "سوابق"
# Where disposition certificates are kept as records: a series with this code (made on first use).
RECORDS_CERTIFICATE_SERIES_CODE = "س-گ-۰۱"

# Where write_audit_digest puts the daily chain head: a directory an operator keeps (and copies) outside
# the database, so a chain rewritten from some point on is still found (integrity.verify).
SANAD_AUDIT_DIGEST_DIR = BASE_DIR / "var" / "audit-digests"

# --- public site: caching, security headers, documents, feedback forms -------------------------

# Anonymous GETs of public pages may be cached this long by browsers and proxies (sanad.middleware).
# Short, because announcements appear and disappear on their own every few minutes.
SANAD_PUBLIC_CACHE_SECONDS = 300
# The server keeps anonymous pages this long at most; any publication invalidates them at once.
SANAD_PAGE_CACHE_SECONDS = 600

# Content security policy of the public site: nothing inline, nothing from elsewhere. Style
# attributes are allowed because controlled documents pass their print running heads that way.
SANAD_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "style-src-attr": "'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# The Wagtail admin needs its inline scripts and styles and blob: previews; it may frame itself
# (page previews) and nothing else may frame it.
SANAD_CSP_ADMIN = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
SANAD_CSP_ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# No avatars from Gravatar: the admin, like the site, fetches nothing from other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does a superuser's dashboard ask releases.wagtail.org for a newer Wagtail (the policy would block it).
WAGTAIL_ENABLE_UPDATE_CHECK = False
SANAD_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"

# Attachments always download (never open inline in the site's origin), through Django so page
# privacy and collection privacy are checked; Wagtail adds nosniff and a "default-src 'none'" CSP.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []

# Complaint / suggestion / survey forms: at most this many submissions per IP address per window.
SANAD_FEEDBACK_RATE_LIMIT = 5
SANAD_FEEDBACK_RATE_WINDOW_SECONDS = 600
# How many tracking-number look-ups per IP address per window (numbers are sequential).
SANAD_TRACKING_LOOKUP_LIMIT = 30

# Rate limits live in the cache: Redis when REDIS_URL is set (shared by every worker), else
# Django's per-process local memory, which is enough for one process and for the tests.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

# Background work (django-tasks): content-rule actions, e-mails, acknowledgement requests, scheduled jobs
# (site/worker/). SANAD_TASKS_BACKEND=database queues them in the database for `manage.py db_worker`
# (production's default); "immediate" runs them at once, after commit, in the process that enqueued
# them (tests and the SQLite demo).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("SANAD_TASKS_BACKEND", "immediate")]}}
