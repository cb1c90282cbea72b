"""Wagtail's document and image forms, judged by the site's one upload policy (``records.uploads``).

Wagtail checks documents by extension only; these form bases read the bytes, refuse active content
(HTML, SVG, scripts, executables) and anything over the size limit, with a Persian message, before a
file is stored. Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and ``WAGTAILIMAGES_IMAGE_FORM_BASE``.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from records.uploads import UploadRefused, check_upload


def checked_file(uploaded, *, allowed: list[str], limit: int, purpose: str):
    """Run the upload policy on a freshly uploaded file; leave an unchanged file alone."""
    if not isinstance(uploaded, UploadedFile):
        return uploaded
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    uploaded.seek(0)
    try:
        check_upload(uploaded.name, data, size=uploaded.size, allowed=allowed, limit=limit, purpose=purpose)
    except UploadRefused as exc:
        raise forms.ValidationError(exc.message, code="refused") from None
    return uploaded


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        return checked_file(
            self.cleaned_data.get("file"),
            allowed=settings.SANAD_DOCUMENT_TYPES,
            limit=settings.SANAD_DOCUMENT_MAX_BYTES,
            purpose="اسناد",
        )


class ImageForm(BaseImageForm):
    def clean_file(self):
        return checked_file(
            self.cleaned_data.get("file"),
            allowed=settings.SANAD_IMAGE_TYPES,
            limit=settings.SANAD_IMAGE_MAX_BYTES,
            purpose="تصاویر",
        )
