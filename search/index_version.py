"""Which normaliser version built each search index, so a changed normaliser asks for a reindex.

Text goes into the index already normalised; if ``search.normalise.VERSION`` changes, words indexed
under the old table no longer meet queries folded by the new one. The backends record the version
when a rebuild (``update_index``) finishes and when an index is emptied; the system check in
``search.checks`` compares it with the running normaliser.
"""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.db import models

from search import normalise as normaliser

# The key under which Sanad's database backends (SQLite and PostgreSQL) record their version.
DATABASE_INDEX = "database"
# Recorded when an index already held entries before any version was recorded (say, built by the
# stock backend): nobody knows which normaliser, if any, built it.
UNKNOWN = ""


class IndexVersion(models.Model):
    """One row per search index: the normaliser version its entries were built with."""

    index = models.CharField("نمایه", max_length=100, unique=True)
    normaliser_version = models.CharField("نسخه نرمال‌ساز", max_length=64, blank=True)
    recorded_at = models.DateTimeField("زمان ثبت", auto_now=True)

    class Meta:
        app_label = "sanad_search"
        verbose_name = "نسخه نمایه جستجو"
        verbose_name_plural = "نسخه‌های نمایه جستجو"

    def __str__(self) -> str:
        return f"{self.index}: {self.normaliser_version or '؟'}"


def bookkeeping_enabled() -> bool:
    """The backends also run where Sanad's search app is not installed (say, a bare test project)."""
    return apps.is_installed("search")


def stored_version(index: str = DATABASE_INDEX) -> str | None:
    """The recorded version, ``UNKNOWN`` if unknown, ``None`` if nothing was ever recorded."""
    row = IndexVersion.objects.filter(index=index).values_list("normaliser_version", flat=True).first()
    return row


def current_version() -> str:
    """The running normaliser's version (read when asked, so a test can stand in another table)."""
    return normaliser.VERSION


def record_version(index: str = DATABASE_INDEX) -> None:
    """Called when the whole index has just been (re)built or emptied by the running normaliser."""
    if bookkeeping_enabled():
        IndexVersion.objects.update_or_create(index=index, defaults={"normaliser_version": current_version()})


def ensure_recorded(index: str, index_is_empty: Callable[[], bool]) -> None:
    """Before entries are added outside a rebuild: start the record if there is none.

    An empty index is about to be filled by the running normaliser, so it gets its version; entries
    already there came from an unknown build, so it gets ``UNKNOWN`` and the check asks for a reindex.
    """
    if bookkeeping_enabled() and not IndexVersion.objects.filter(index=index).exists():
        IndexVersion.objects.get_or_create(
            index=index, defaults={"normaliser_version": current_version() if index_is_empty() else UNKNOWN}
        )
