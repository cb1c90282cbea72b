"""Guards on Wagtail's own ``Document`` model for the files of records, and a cache refresh.

Wagtail's document model is not ours to subclass, so the only way every path (the documents admin,
a shell, a script) meets the rule «a declared record's files never change» is its model signals.
The other receiver keeps records' derived retention dates in step with a published series.
"""

from __future__ import annotations

from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver
from wagtail.documents.models import Document
from wagtail.signals import page_published

from records.choices import Phase
from records.rules import RecordsRuleViolation, Rule


def _linked_files(document):
    from records.models import RecordFile

    return RecordFile.objects.filter(document_id=document.pk).select_related("record")


@receiver(pre_save, sender=Document)
def refuse_changing_a_record_document(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    linked = list(_linked_files(instance))
    if not linked:
        return
    stored = Document.objects.filter(pk=instance.pk).first()
    if stored is None:
        return
    changed = (
        stored.file.name != instance.file.name
        or stored.collection_id != instance.collection_id
        or stored.title != instance.title
    )
    if changed and any(f.record.phase != Phase.DRAFT for f in linked):
        from procedures.audit import record_refusal

        exc = RecordsRuleViolation(Rule.DECLARED_IMMUTABLE, "فایل سابقه اعلام‌شده تغییرناپذیر است.")
        record_refusal(linked[0].record, exc)
        raise exc


@receiver(pre_delete, sender=Document)
def refuse_deleting_a_record_document(sender, instance, **kwargs):
    linked = list(_linked_files(instance))
    if linked:
        from procedures.audit import record_refusal

        exc = RecordsRuleViolation(
            Rule.DECLARED_IMMUTABLE,
            "این سند فایل یک سابقه است و از اینجا حذف نمی‌شود"
            + (
                "؛ فایل سابقه اعلام‌شده فقط با تعیین تکلیف از میان می‌رود."
                if linked[0].record.is_declared
                else "؛ آن را از صفحه سابقه بردارید."
            ),
        )
        record_refusal(linked[0].record, exc)
        raise exc


@receiver(page_published)
def refresh_dates_when_a_series_is_published(sender, instance, **kwargs):
    from records.models import RetentionSeriesPage

    if isinstance(instance, RetentionSeriesPage):
        from records.services import refresh_series_dates

        refresh_series_dates(instance)
