"""Subject keywords of records (issue #7 §1): a plain model, so taggit's ``TaggableManager``.

Subjects classify a record; they are not its content, so adding one to a declared record is not a
correction under ``Record.save``'s guard (the record's metadata and files stay as declared).
"""

from __future__ import annotations

from django.db import models

from subjects.models import SubjectTaggedItem


class TaggedRecord(SubjectTaggedItem):
    content_object = models.ForeignKey(
        "records.Record", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "موضوع سابقه"
        verbose_name_plural = "موضوعات سوابق"
        unique_together = [("content_object", "tag")]
