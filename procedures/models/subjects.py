"""Subject keywords of controlled documents and external references (issue #7 §1).

One through model per page model, each a ``ParentalKey`` so the tags travel in page revisions: a subject
added to a procedure's draft goes live with the signed revision, like the rest of its content.
"""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey

from subjects.models import SubjectTaggedItem


class TaggedProcedure(SubjectTaggedItem):
    content_object = ParentalKey(
        "procedures.ProcedurePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "موضوع روش اجرایی"
        verbose_name_plural = "موضوعات روش‌های اجرایی"
        unique_together = [("content_object", "tag")]


class TaggedStatement(SubjectTaggedItem):
    content_object = ParentalKey(
        "procedures.ServiceStatementPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "موضوع بیانیه"
        verbose_name_plural = "موضوعات بیانیه‌ها"
        unique_together = [("content_object", "tag")]


class TaggedReference(SubjectTaggedItem):
    content_object = ParentalKey(
        "procedures.ExternalReferencePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "موضوع مستند برون‌سازمانی"
        verbose_name_plural = "موضوعات مستندات برون‌سازمانی"
        unique_together = [("content_object", "tag")]
