"""Keep the search index in step with subjects.

Wagtail indexes a page on ``post_save``, but a clusterable page writes its child relations — the tags'
through rows — only *after* that save; a page published with new subjects would be indexed with its old
ones. ``page_published`` comes after the whole publish, so the page is indexed once more from there.
"""

from __future__ import annotations

from modelsearch.tasks import insert_or_update_object_task
from wagtail.signals import page_published


def reindex(instance) -> None:
    """Index ``instance`` again (through the same task Wagtail's own signal handler uses)."""
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def reindex_tagged_page(sender, instance, **kwargs) -> None:
    from subjects.lookup import through_for

    if through_for(type(instance)) is not None:
        reindex(instance)


def connect() -> None:
    page_published.connect(reindex_tagged_page, dispatch_uid="subjects_reindex_tagged_page")
