"""Disposition batches: due records, prepared by the records manager, approved by another person, executed once.

Execution (``records.services.execute_batch``) destroys, transfers or keeps each record and writes a
disposition certificate that is itself kept as a record. The batch and its items are never deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from jalali.calendar import format_jalali
from records.choices import BatchStatus, Method
from records.rules import RecordsRuleViolation, Rule, check_batch_transition

_BATCH_LIFECYCLE = {
    "status",
    "approved_by",
    "approved_at",
    "executed_by",
    "executed_at",
    "cancelled_by",
    "cancelled_at",
    "certificate",
    "package",
    "package_sha256",
}


class DispositionBatch(models.Model):
    title = models.CharField("عنوان", max_length=255)
    status = models.CharField(
        "وضعیت", max_length=20, choices=BatchStatus.choices, default=BatchStatus.PREPARED
    )
    note = models.TextField("توضیح", blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="تهیه‌کننده"
    )
    prepared_at = models.DateTimeField("زمان تهیه", auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="تاییدکننده",
    )
    approved_at = models.DateTimeField("زمان تایید", null=True, blank=True)
    executed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="اجراکننده",
    )
    executed_at = models.DateTimeField("زمان اجرا", null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="لغوکننده",
    )
    cancelled_at = models.DateTimeField("زمان لغو", null=True, blank=True)
    certificate = models.ForeignKey(
        "records.Record",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certified_batches",
        verbose_name="گواهی تعیین تکلیف",
    )
    package = models.FileField("بسته انتقال", upload_to="records/packages/", blank=True)
    package_sha256 = models.CharField("چکیده SHA-256 بسته", max_length=64, blank=True)

    history = HistoricalRecords(verbose_name="تاریخچه فهرست تعیین تکلیف")

    class Meta:
        verbose_name = "فهرست تعیین تکلیف"
        verbose_name_plural = "فهرست‌های تعیین تکلیف"
        ordering = ["-prepared_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("prepared_by")),
                name="records_batch_approved_by_a_second_person",
            ),
            models.CheckConstraint(
                condition=~Q(status="executed") | Q(approved_by__isnull=False, executed_at__isnull=False),
                name="records_executed_batch_was_approved",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self)._base_manager.get(pk=self.pk)
            for field in self._meta.concrete_fields:
                if field.primary_key or field.name in _BATCH_LIFECYCLE:
                    continue
                if field.value_from_object(self) != field.value_from_object(stored):
                    raise RecordsRuleViolation(
                        Rule.BATCH_STATE, "مشخصات فهرست تعیین تکلیف پس از تهیه تغییر نمی‌کند."
                    )
            if self.status != stored.status:
                check_batch_transition(stored.status, self.status)
            if self.approved_by_id is not None and self.approved_by_id == self.prepared_by_id:
                raise RecordsRuleViolation(
                    Rule.TWO_PERSON, "فهرست تعیین تکلیف را شخصی غیر از تهیه‌کننده آن تایید می‌کند."
                )
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RecordsRuleViolation(
            Rule.KEEP_HISTORY, "فهرست‌های تعیین تکلیف حذف نمی‌شوند؛ می‌توان آن را لغو کرد."
        )

    @property
    def prepared_on_jalali(self) -> str:
        return format_jalali(self.prepared_at)


class DispositionItem(models.Model):
    batch = models.ForeignKey(
        DispositionBatch, on_delete=models.PROTECT, related_name="items", verbose_name="فهرست"
    )
    record = models.ForeignKey(
        "records.Record", on_delete=models.PROTECT, related_name="disposition_items", verbose_name="سابقه"
    )
    method = models.CharField("اقدام", max_length=20, choices=Method.choices)
    done_at = models.DateTimeField("زمان اجرا", null=True, blank=True)

    history = HistoricalRecords(verbose_name="تاریخچه ردیف تعیین تکلیف")

    class Meta:
        verbose_name = "ردیف فهرست تعیین تکلیف"
        verbose_name_plural = "ردیف‌های فهرست تعیین تکلیف"
        ordering = ["batch_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "record"], name="records_one_item_per_record_per_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.record} — {self.get_method_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self)._base_manager.get(pk=self.pk)
            if (stored.batch_id, stored.record_id, stored.method) != (
                self.batch_id,
                self.record_id,
                self.method,
            ):
                raise RecordsRuleViolation(Rule.BATCH_STATE, "ردیف فهرست تعیین تکلیف تغییر نمی‌کند.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RecordsRuleViolation(Rule.KEEP_HISTORY, "ردیف‌های فهرست تعیین تکلیف حذف نمی‌شوند.")
