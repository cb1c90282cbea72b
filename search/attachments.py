"""The text of attached files, kept beside them and indexed with the page that shows them.

A Wagtail document or a record file is extracted in the background (``search.tasks``) when it is saved
or replaced; its ``AttachmentText`` row holds the text, its status and how long it took. A page that
attaches documents (references, procedures, announcements: ``AttachmentTextMixin``) puts their text in
its own index entry, so a word inside a PDF finds the page. Text of a document in a restricted collection
goes only into pages that are restricted themselves: a public page never leaks it.
"""

from __future__ import annotations

import hashlib
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from search import extraction

logger = logging.getLogger("sanad.search.attachments")
FOUND = ("ok", "ocr")


class AttachmentText(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name="نوع")
    object_id = models.CharField("شناسه", max_length=64)
    name = models.CharField("نام پرونده", max_length=255, blank=True)
    sha256 = models.CharField("چکیده SHA-256", max_length=64, blank=True)
    status = models.CharField("وضعیت استخراج", max_length=20, default="pending")
    method = models.CharField("روش", max_length=20, blank=True)
    pages = models.PositiveIntegerField("صفحه‌ها", default=0)
    text = models.TextField("متن", blank=True)
    error = models.TextField("خطا", blank=True)
    seconds = models.FloatField("زمان (ثانیه)", default=0)
    extracted_at = models.DateTimeField("زمان استخراج", null=True, blank=True)

    class Meta:
        app_label = "sanad_search"
        verbose_name = "متن پیوست"
        verbose_name_plural = "متن پیوست‌ها"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="attachment_text_once_per_file"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.status_label})"

    @property
    def status_label(self) -> str:
        return extraction.STATUS_LABELS.get(self.status, self.status)


def _row_for(obj) -> AttachmentText:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    row, _ = AttachmentText.objects.get_or_create(content_type=content_type, object_id=str(obj.pk))
    return row


def _file_of(obj):
    """The stored file of a Wagtail document or a record file."""
    if hasattr(obj, "file") and obj.file:
        return obj.file
    document = getattr(obj, "document", None)
    return document.file if document is not None and document.file else None


def extract_object(obj, limits: extraction.Limits | None = None, *, force: bool = False) -> AttachmentText:
    """Extract (again) the text of one stored file; unchanged bytes are not read twice unless ``force``."""
    row = _row_for(obj)
    stored = _file_of(obj)
    if stored is None:
        row.status, row.text, row.error = "empty", "", "no file"
        row.save()
        return row
    with stored.open("rb") as handle:
        data = handle.read()
    digest = hashlib.sha256(data).hexdigest()
    if not force and row.sha256 == digest and row.status != "pending":
        return row
    result = extraction.extract(getattr(obj, "filename", "") or stored.name, data, limits)
    row.name = (getattr(obj, "title", "") or stored.name)[:255]
    row.sha256 = digest
    row.status, row.method, row.pages = result.status, result.method, result.pages
    row.text = _clean(result.text)
    row.error = result.error
    row.seconds = result.seconds
    row.extracted_at = timezone.now()
    row.save()
    return row


def _clean(text: str) -> str:
    # Control characters (NUL above all) break the full-text engines; tabs and newlines stay.
    return "".join(ch for ch in text if ch in "\n\t" or ch >= " ")


def texts_for(content_type: ContentType, ids) -> dict[str, AttachmentText]:
    rows = AttachmentText.objects.filter(content_type=content_type, object_id__in=[str(i) for i in ids])
    return {row.object_id: row for row in rows if row.status in FOUND}


def document_texts(document_ids) -> dict[int, str]:
    """The extracted text of each Wagtail document in ``document_ids`` that has any, by document id."""
    from wagtail.documents import get_document_model

    content_type = ContentType.objects.get_for_model(get_document_model())
    ids = list(document_ids)
    texts: dict[int, str] = {}
    for start in range(0, len(ids), 500):  # within every database's limit on query parameters
        texts.update(
            {int(k): row.text for k, row in texts_for(content_type, ids[start : start + 500]).items()}
        )
    return texts


def is_restricted_document(document) -> bool:
    collection = getattr(document, "collection", None)
    return bool(collection and collection.get_view_restrictions().exists())


def page_is_restricted(page) -> bool:
    if page.pk and page.get_view_restrictions().exists():
        return True
    audience = getattr(page, "audience", "")
    return bool(audience) and audience != "public"


class AttachmentTextMixin:
    """For pages that attach Wagtail documents: ``attached_documents()`` lists them; their text is indexed."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Elasticsearch names a callable search field after the class whose __dict__ holds it and reads
        # that class's _meta; a plain mixin has none, so the page model holds its own reference.
        if AttachmentTextMixin in cls.__bases__ and "attachment_text" not in cls.__dict__:
            cls.attachment_text = AttachmentTextMixin.attachment_text

    def attached_documents(self) -> list:
        documents = []
        attachments = getattr(self, "attachments", None)
        if hasattr(attachments, "all"):
            # An inline panel's rows (a ParentalKey manager), not a StreamField.
            attachments = attachments.all()
        for child in attachments or []:
            value = getattr(child, "value", None)
            document = value.get("document") if hasattr(value, "get") else getattr(child, "document", None)
            if document is not None:
                documents.append(document)
        return documents

    def attachment_hits(self) -> list[tuple[object, AttachmentText]]:
        """(document, its text) for every attached document whose text this page may show."""
        from wagtail.documents import get_document_model

        documents = self.attached_documents()
        if not documents:
            return []
        content_type = ContentType.objects.get_for_model(get_document_model())
        texts = texts_for(content_type, [d.pk for d in documents])
        restricted_page = page_is_restricted(self)
        return [
            (document, texts[str(document.pk)])
            for document in documents
            if str(document.pk) in texts and (restricted_page or not is_restricted_document(document))
        ]

    def attachment_text(self) -> str:
        return "\n\n".join(row.text for _, row in self.attachment_hits())


def pages_attaching(document) -> list:
    """Live pages that attach ``document`` (through Wagtail's reference index)."""
    from wagtail.models import Page, ReferenceIndex

    references = ReferenceIndex.get_references_to(document)
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {int(r.object_id) for r in references if r.base_content_type_id == page_type.pk}
    return [p.specific for p in Page.objects.filter(pk__in=page_ids, live=True)]


def reindex_owners(document) -> int:
    from wagtail.search import index

    pages = [p for p in pages_attaching(document) if isinstance(p, AttachmentTextMixin)]
    for page in pages:
        index.insert_or_update_object(page)
    return len(pages)
