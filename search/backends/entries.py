"""Facts about modelsearch's index entries that both database backends' query shapes rely on."""

from __future__ import annotations

from django.apps import apps
from modelsearch.utils import get_descendants_content_types_pks


def one_entry_per_object(model: type) -> bool:
    """Whether each object of ``model`` (and its subclasses) has exactly one index entry.

    Wagtail indexes a page once, under its specific type (``Page.get_indexed_objects`` filters on
    its own content type); a generic model indexed with its subclasses has one entry per class.
    """
    if len(get_descendants_content_types_pks(model)) == 1:
        return True
    if apps.is_installed("wagtail"):
        from wagtail.models import Page

        return issubclass(model, Page)
    return False
