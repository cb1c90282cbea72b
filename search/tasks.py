"""Background extraction of attached files' text (``search.attachments``), run by the worker."""

from __future__ import annotations

from django_tasks import task


@task()
def extract_attachment_task(content_type_id: int, object_id: str) -> str:
    from django.contrib.contenttypes.models import ContentType

    from search.attachments import extract_object, reindex_owners

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model._default_manager.filter(pk=object_id).first()
    if obj is None:
        return "gone"
    row = extract_object(obj)
    if row.status in ("ok", "ocr") and hasattr(obj, "collection"):
        reindex_owners(obj)
    return row.status
