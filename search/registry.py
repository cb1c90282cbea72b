"""Which content types the search covers, and how each one describes its documents in the same terms.

A content type joins the search page, the JSON endpoint and (if it says so) the Atom feed by registering
a ``SearchableType``: it names its page model, the type keys and labels it produces (``kinds``), and turns
its pages into ``Document`` rows (type, number, date, issuing authority, in force or not, and what replaced
it). It may also say which of its pages carry a given act-number key (``numbered``) and which fields hold
its dates (``date_fields``), so numbers and Jalali dates in a query find it.

Procedures, the service statement and external references are registered by ``search.procedure_types``,
loaded on first use. A later app (announcements, records) registers its own type from its
``AppConfig.ready()``::

    from search.registry import register
    register(AnnouncementSearch())
"""

from __future__ import annotations

import datetime as dt
import html
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from importlib import import_module
from typing import ClassVar

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.query import PageQuerySet

from jalali.calendar import jalali_year_bounds

# Modules that register the types Sanad ships with; imported once, on first use of the registry.
BUILTIN_MODULES: tuple[str, ...] = ("search.procedure_types", "announcements.search", "news.search")


class Status(StrEnum):
    IN_FORCE = "in_force"
    SUPERSEDED = "superseded"
    ARCHIVED = "archived"  # kept for the record after its time ended (announcements past their window)


STATUS_LABELS: dict[str, str] = {
    Status.IN_FORCE: "نافذ",
    Status.SUPERSEDED: "منسوخ",
    Status.ARCHIVED: "بایگانی‌شده",
}


@cache
def _nowruz(gregorian_year: int) -> dt.date:
    return jalali_year_bounds(gregorian_year - 621)[0]


def _jalali_year(day: dt.date) -> int:
    """``jalali_year_of`` without a full conversion per date: facets read thousands of them."""
    return day.year - 621 if day >= _nowruz(day.year) else day.year - 622


@dataclass
class Document:
    """One searchable page, described the same way whatever its type.

    Built from plain column values (``describe``), so thousands cost little; ``page`` and ``successor``
    are loaded afterwards (``hydrate``) only for the documents actually shown.
    """

    pk: int
    title: str
    searchable: SearchableType
    kind: str
    kind_label: str
    number: str = ""
    date: dt.date | None = None
    authority_id: int | None = None
    authority_name: str = ""
    status: Status = Status.IN_FORCE
    status_note: str = ""  # «جایگزین‌شده با», «لغوشده با», «ابطال‌شده»
    successor_id: int | None = None
    published_at: dt.datetime | None = None
    # Set by ``restate`` for a day before this document was issued: it was in force neither way then.
    not_yet_issued: bool = False
    page: Page | None = None
    successor: Page | None = None

    @cached_property
    def year(self) -> int | None:
        return _jalali_year(self.date) if self.date else None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


class SearchableType(ABC):
    """How one page model takes part in search. Subclass, then ``register()`` an instance."""

    model: ClassVar[type[Page]]
    #: Date fields a Jalali date in the query is matched against.
    date_fields: ClassVar[tuple[str, ...]] = ()
    #: Fields the highlighted excerpt is cut from (plain text, rich text or stream fields).
    text_fields: ClassVar[tuple[str, ...]] = ()
    #: Newly published pages of this type appear in the Atom feed.
    in_feed: ClassVar[bool] = False

    @abstractmethod
    def kinds(self) -> list[tuple[str, str]]:
        """(key, Persian label) of every type this model's documents may have; keys are unique site-wide."""

    @abstractmethod
    def describe(self, queryset: PageQuerySet) -> list[Document]:
        """``Document`` rows for the pages of ``queryset`` (of ``model``), read with ``values_list``: a few
        queries however many pages, and no page objects."""

    def archived(self, queryset: PageQuerySet) -> PageQuerySet | None:
        """Pages of ``queryset`` that are no longer live but stay readable at their address, and so stay
        findable (marked ``Status.ARCHIVED``); None when the type has none (the default)."""
        return None

    def findable(self, queryset: PageQuerySet) -> PageQuerySet:
        """The pages of ``queryset`` a search may return, before view restrictions: live or archived."""
        archived = self.archived(queryset)
        return (
            queryset.live()
            if archived is None
            else queryset.filter(Q(live=True) | Q(pk__in=archived.values("pk")))
        )

    def restate(self, documents: list[Document], day: dt.date) -> None:
        """Set each document's ``status``, ``status_note``, ``successor_id`` and ``not_yet_issued`` as they
        stood on ``day`` (``describe`` gives them as of today). The default knows no history: a document
        dated after ``day`` had not been issued; any other keeps today's status."""
        for document in documents:
            document.not_yet_issued = document.date is not None and document.date > day

    def numbered(self, queryset: PageQuerySet, keys: set[str]) -> set[int]:
        """Primary keys of pages in ``queryset`` whose number has one of ``keys`` (``act_number_key``)."""
        return set()

    def dated(self, queryset: PageQuerySet, days: Iterable[dt.date]) -> set[int]:
        """Primary keys of pages in ``queryset`` dated on one of ``days`` in any of ``date_fields``."""
        days = list(days)
        if not days or not self.date_fields:
            return set()
        condition = Q()
        for name in self.date_fields:
            condition |= Q(**{f"{name}__in": days})
        return set(queryset.filter(condition).values_list("pk", flat=True))

    def authorities(self) -> list[tuple[int, str]]:
        """(id, name) of issuing authorities this type's documents may name, for the filter."""
        return []

    def excerpt_source(self, page: Page) -> str:
        """The plain text an excerpt is cut from."""
        parts: list[str] = []
        for name in self.text_fields:
            value = getattr(page, name, None)
            if not value:
                continue
            field = page._meta.get_field(name)
            if isinstance(field, StreamField):
                parts.extend(str(p) for p in field.get_searchable_content(value) if p)
            else:
                parts.append(html.unescape(strip_tags(str(value))))
        return " … ".join(p.strip() for p in parts if p.strip())


_types: dict[type[Page], SearchableType] = {}
_builtins_loaded = False


def register(searchable: SearchableType) -> SearchableType:
    """Add a content type to search. Refuses a model registered twice or a type key already taken."""
    model = searchable.model
    if model in _types:
        raise ImproperlyConfigured(f"{model.__name__} is already registered for search.")
    taken = {key for other in _types.values() for key, _ in other.kinds()}
    clash = taken & {key for key, _ in searchable.kinds()}
    if clash:
        raise ImproperlyConfigured(f"Search type keys already taken: {', '.join(sorted(clash))}.")
    _types[model] = searchable
    return searchable


def unregister(model: type[Page]) -> None:
    _types.pop(model, None)


def _load_builtins() -> None:
    global _builtins_loaded
    if _builtins_loaded:
        return
    _builtins_loaded = True
    for module in BUILTIN_MODULES:
        import_module(module)


def searchable_types() -> list[SearchableType]:
    _load_builtins()
    return list(_types.values())


def hydrate(documents: Iterable[Document], visible: Callable[[PageQuerySet], PageQuerySet]) -> None:
    """Load ``page`` (and ``successor``, if ``visible`` lets it be seen) for ``documents``: the few shown."""
    documents = list(documents)
    by_type: dict[SearchableType, list[Document]] = {}
    for document in documents:
        by_type.setdefault(document.searchable, []).append(document)
    for searchable, group in by_type.items():
        pages = searchable.model.objects.in_bulk([d.pk for d in group])
        for document in group:
            document.page = pages.get(document.pk)
    successor_ids = {d.successor_id for d in documents if d.successor_id}
    if successor_ids:
        successors = {p.pk: p for p in visible(Page.objects.filter(pk__in=successor_ids)).specific()}
        for document in documents:
            document.successor = successors.get(document.successor_id)


def restate(documents: Iterable[Document], day: dt.date) -> None:
    """Every document's status as it stood on ``day``, each by its own type (``SearchableType.restate``)."""
    by_type: dict[SearchableType, list[Document]] = {}
    for document in documents:
        by_type.setdefault(document.searchable, []).append(document)
    for searchable, group in by_type.items():
        searchable.restate(group, day)


def kind_labels() -> dict[str, str]:
    """Every type key and its Persian label, in registration order."""
    return {key: label for searchable in searchable_types() for key, label in searchable.kinds()}


def authority_choices() -> list[tuple[int, str]]:
    seen: dict[int, str] = {}
    for searchable in searchable_types():
        seen.update(searchable.authorities())
    return sorted(seen.items(), key=lambda item: item[1])
