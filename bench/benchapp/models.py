"""A plain indexed document: a title and a body, searched through modelsearch's public API."""

from __future__ import annotations

from django.db import models
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin


class DocumentQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Document(index.Indexed, models.Model):
    title = models.TextField()
    body = models.TextField()

    objects = DocumentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body"),
    ]

    def __str__(self) -> str:
        return self.title
