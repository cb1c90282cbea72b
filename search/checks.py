"""System check: the search index was built by the running normaliser, or the operator is told to reindex.

It reads the database, so (like Django's own database checks) it runs when checks are asked to look
at databases: ``manage.py migrate`` and ``manage.py check --database default``.
"""

from __future__ import annotations

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError, router
from modelsearch.backends import import_backend
from modelsearch.conf import get_app_config

from search import index_version

CHECK_ID = "sanad_search.W001"
REINDEX_HINT = (
    "دستور «python manage.py update_index» را اجرا کنید تا نمایه با نرمال‌ساز کنونی از نو ساخته شود."
)


def indexes_to_check() -> dict[str, str]:
    """``{backend name: index key}`` for configured backends that record a normaliser version."""
    keys = {}
    for name, conf in get_app_config().get_search_backend_config().items():
        try:
            backend = import_backend(conf["BACKEND"])
        except ImportError:
            continue  # Wagtail reports a backend it cannot import on first use
        key = getattr(backend, "index_version_key", None)
        if key:
            keys[name] = key
    return keys


def database_index_has_entries() -> bool:
    return get_app_config().get_model("IndexEntry")._default_manager.exists()


def stale_index_warnings() -> list[Warning]:
    warnings = []
    running = index_version.current_version()
    for name, key in indexes_to_check().items():
        stored = index_version.stored_version(key)
        if stored is None and not (key == index_version.DATABASE_INDEX and database_index_has_entries()):
            continue  # nothing indexed yet: the first entries will record the version
        if stored == running:
            continue
        built_with = stored or "نامعلوم"
        warnings.append(
            Warning(
                f"نمایه جستجوی «{name}» با نسخه دیگری از نرمال‌ساز متن فارسی ساخته شده است "
                f"(نمایه: {built_with}، اکنون: {running})؛ ممکن است برخی جستجوها سند درست را نیابند.",
                hint=REINDEX_HINT,
                obj=f"WAGTAILSEARCH_BACKENDS[{name!r}]",
                id=CHECK_ID,
            )
        )
    return warnings


@register(Tags.database)
def check_search_index_version(app_configs=None, databases=None, **kwargs) -> list[Warning]:
    if not databases or router.db_for_read(index_version.IndexVersion) not in databases:
        return []
    try:
        return stale_index_warnings()
    except DatabaseError:
        return []  # tables not migrated yet: migrate creates them, and an empty index is current
