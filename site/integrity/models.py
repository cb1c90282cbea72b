"""The audit chain's links and the record of each verification run.

``AuditSeal`` rows are append-only: the migrations put triggers on the table that refuse UPDATE and
DELETE (SQLite and PostgreSQL). Someone with raw access can still drop the triggers; then
``integrity.verify`` finds what changed, and the daily digest kept outside the database finds a
chain rewritten from some point on.
"""

from __future__ import annotations

from django.db import models


class LogModel(models.TextChoices):
    PAGE = "page", "رویداد صفحه"
    MODEL = "model", "رویداد مدل"


class AuditSeal(models.Model):
    """One link: the hash of an audit entry's content and of the link before it."""

    sequence = models.PositiveBigIntegerField("شماره در زنجیره", primary_key=True)
    log_model = models.CharField("جدول رویداد", max_length=10, choices=LogModel.choices)
    log_id = models.BigIntegerField("شناسه رویداد")
    content_sha256 = models.CharField("چکیده محتوای رویداد", max_length=64)
    previous_sha256 = models.CharField("چکیده حلقه پیشین", max_length=64)
    sha256 = models.CharField("چکیده حلقه", max_length=64)
    sealed_at = models.DateTimeField("زمان مهر", auto_now_add=True)

    class Meta:
        verbose_name = "حلقه زنجیره ممیزی"
        verbose_name_plural = "حلقه‌های زنجیره ممیزی"
        ordering = ["sequence"]
        constraints = [
            models.UniqueConstraint(fields=["log_model", "log_id"], name="integrity_one_seal_per_entry"),
        ]

    def __str__(self) -> str:
        return f"{self.sequence}: {self.log_model} {self.log_id}"


class IntegrityRun(models.Model):
    """One run of ``verify_integrity``: when, whether everything held, and each breach found."""

    started_at = models.DateTimeField("آغاز")
    finished_at = models.DateTimeField("پایان")
    ok = models.BooleanField("بدون مورد")
    findings = models.JSONField("موارد یافته‌شده", default=list, blank=True)
    counts = models.JSONField("شمار بررسی‌شده‌ها", default=dict, blank=True)

    class Meta:
        verbose_name = "اجرای وارسی درستی"
        verbose_name_plural = "اجراهای وارسی درستی"
        ordering = ["-finished_at", "-id"]

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'breach'}"
