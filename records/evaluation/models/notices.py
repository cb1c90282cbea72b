"""The sent-notice log: each notice goes out once, however often the daily run repeats."""

from __future__ import annotations

from django.db import models

from records.evaluation.choices import NoticeKind, PhaseKind


class SentNotice(models.Model):
    key = models.CharField("کلید یکتا", max_length=200, unique=True)
    cycle = models.ForeignKey(
        "evaluation.EvaluationCyclePage",
        on_delete=models.PROTECT,
        related_name="sent_notices",
        verbose_name="دوره",
    )
    agency = models.ForeignKey(
        "evaluation.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="دستگاه",
    )
    kind = models.CharField("نوع اعلان", max_length=30, choices=NoticeKind.choices)
    phase = models.CharField("مرحله", max_length=30, choices=PhaseKind.choices, blank=True)
    deadline = models.DateField("مهلت", null=True, blank=True)
    recipients = models.TextField("گیرندگان")
    subject = models.CharField("موضوع", max_length=255)
    sent_at = models.DateTimeField("زمان ارسال", auto_now_add=True)

    class Meta:
        verbose_name = "اعلان فرستاده‌شده"
        verbose_name_plural = "اعلان‌های فرستاده‌شده"
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.subject
