"""Background extraction of attached files' text (``search.attachments``), run by the worker."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task

from search.attachments import extract_object, reindex_owners


@task()
def extract_attachment_task(content_type_id: int, object_id: str) -> str:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model._default_manager.filter(pk=object_id).first()
    if obj is None:
        return "gone"
    row = extract_object(obj)
    if row.status in ("ok", "ocr") and hasattr(obj, "collection"):
        reindex_owners(obj)
    return row.status


def queue_extraction(obj) -> None:
    """After the commit, extract the file's text in the worker (at once under the immediate backend)."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    transaction.on_commit(lambda: extract_attachment_task.enqueue(content_type.pk, str(obj.pk)), robust=True)
