"""Which content carries which subject, and what of it a visitor may see.

Every model whose through model derives from ``SubjectTaggedItem`` takes part; nothing is listed by hand.
Pages follow ``search.visibility``: anonymous visitors see live public pages only, logged-in users the
restricted pages whose restriction admits them. Announcements whose window has closed stay readable in
the board's archive, so they count too (under the same restrictions; agencies-only notices never reach
anonymous visitors). Records are never public: they are listed only to users who may view records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.db import models
from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from search.visibility import visible_to
from subjects.models import SubjectTag, SubjectTaggedItem

RECORD_PERMISSION = "records.view_record"


@cache
def tagged_models() -> dict[type[models.Model], type[SubjectTaggedItem]]:
    """Each tagged content model and its through model, in app order."""
    found = {}
    for model in apps.get_models():
        if issubclass(model, SubjectTaggedItem):
            found[model._meta.get_field("content_object").related_model] = model
    return found


def through_for(model: type[models.Model]) -> type[SubjectTaggedItem] | None:
    for content_model, through in tagged_models().items():
        if issubclass(model, content_model):
            return through
    return None


def _restrictions_passed(queryset, request: HttpRequest | None):
    """``search.visibility.visible_to`` without its ``live()``: for pages readable while not live."""
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return queryset.public()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if not restriction.accept_request(request):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def visible_objects(model: type[models.Model], request: HttpRequest | None) -> models.QuerySet:
    """The objects of ``model`` that ``request``'s visitor may read."""
    if issubclass(model, Page):
        if model._meta.label == "announcements.AnnouncementPage":
            ended = Q(expire_at__lte=timezone.now(), first_published_at__isnull=False)
            return _restrictions_passed(model.objects.filter(Q(live=True) | ended), request)
        return visible_to(model.objects.all(), request)
    if model._meta.label == "records.Record":
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.has_perm(RECORD_PERMISSION):
            return model.objects.all()
        return model.objects.none()
    return model.objects.none()  # a new taggable type stays hidden until it says who may see it


def subject_counts(request: HttpRequest | None) -> dict[int, int]:
    """Visible items per subject id, for this visitor (private items are not counted)."""
    counts: dict[int, int] = defaultdict(int)
    for model, through in tagged_models().items():
        visible = visible_objects(model, request).values("pk")
        rows = through.objects.filter(content_object__in=visible).values("tag_id").annotate(n=Count("id"))
        for row in rows:
            counts[row["tag_id"]] += row["n"]
    return dict(counts)


def subjects_of(model: type[models.Model], ids) -> dict[int, list[SubjectTag]]:
    """Subjects of the objects ``ids`` of ``model``, in name order; one query."""
    through = through_for(model)
    found: dict[int, list[SubjectTag]] = defaultdict(list)
    if through is None:
        return found
    rows = through.objects.filter(content_object_id__in=list(ids)).select_related("tag").order_by("tag__name")
    for row in rows:
        found[row.content_object_id].append(row.tag)
    return found


@dataclass
class Entry:
    """One tagged item as a subject page lists it."""

    title: str
    url: str
    kind_label: str
    number: str = ""
    date: dt.date | None = None
    private: bool = False  # shown only because the visitor is signed in with the right to see it
    subjects: list[SubjectTag] = field(default_factory=list)


_DATE_FIELDS = ("revision_date", "issue_date", "date", "display_from", "record_date")


def _entry(obj: models.Model, request: HttpRequest | None) -> Entry:
    if isinstance(obj, Page):
        url = obj.get_url(request) or ""
        private = bool(obj.get_view_restrictions())
    else:
        try:
            url = reverse("records_record_detail", args=[obj.pk])
        except NoReverseMatch:  # pragma: no cover - the records admin is always installed
            url = ""
        private = True
    # A reference is listed by its act type («بخشنامه»), everything else by its model's name.
    kind = obj.get_ref_type_display() if hasattr(obj, "get_ref_type_display") else str(obj._meta.verbose_name)
    number = (
        getattr(obj, "full_code", "") or getattr(obj, "number", "") or getattr(obj, "reference_number", "")
    )
    date = next((getattr(obj, name) for name in _DATE_FIELDS if getattr(obj, name, None)), None)
    title = obj.title
    return Entry(title=title, url=url, kind_label=kind, number=number, date=date, private=private)


def entries_for(tag: SubjectTag, request: HttpRequest | None) -> list[Entry]:
    """Everything tagged ``tag`` that the visitor may see, newest first."""
    entries: list[Entry] = []
    for model, through in tagged_models().items():
        ids = through.objects.filter(tag=tag).values("content_object_id")
        objects = visible_objects(model, request).filter(pk__in=ids)
        if issubclass(model, Page):
            objects = objects.specific() if hasattr(objects, "specific") else objects
        entries.extend(_entry(obj, request) for obj in objects)
    entries.sort(key=lambda e: (e.date is None, -(e.date.toordinal() if e.date else 0), e.title))
    return entries
