"""Files saved anywhere in Sanad have their text extracted in the background (search.attachments).

Every stored file is a Wagtail document: references', procedures' and announcements' attachments, and
record and evidence files (``RecordFile.document``, in the restricted «سوابق» collection).
"""

from __future__ import annotations

from django.db.models.signals import post_save


def on_file_saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixtures and archive imports bring their text with them
    if update_fields is not None and "file" not in update_fields:
        return
    from search.tasks import queue_extraction

    queue_extraction(instance)


def connect() -> None:
    from django.apps import apps

    if not apps.is_installed("wagtail.documents"):
        return  # a project without Wagtail's documents (the search benchmarks) has no files to extract
    from wagtail.documents import get_document_model

    post_save.connect(on_file_saved, sender=get_document_model(), dispatch_uid="search.extract.document")
