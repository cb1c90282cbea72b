"""Subscriptions to new or changed external references (issue 13 §6), and the notices they owe.

A subscription belongs to one user and names what they follow: a type, an issuing authority, a subject
or a saved collection (any of them together, all must hold). Each publication of a matching reference
leaves one ``Notice`` per subscription; the notice is mailed at once or in the next daily digest, and
marked sent, so nothing is mailed twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from procedures.models.references import ReferenceType


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", "بی‌درنگ"
    DAILY = "daily", "خلاصه روزانه"


class ChangeKind(models.TextChoices):
    NEW = "new", "مستند تازه"
    CHANGED = "changed", "مستند تغییریافته"


class Subscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reference_subscriptions",
        verbose_name="مشترک",
    )
    ref_type = models.CharField("نوع سند", max_length=30, choices=ReferenceType.choices, blank=True)
    authority = models.ForeignKey(
        "procedures.IssuingAuthority",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="مرجع صدور",
    )
    subject = models.ForeignKey(
        "subjects.SubjectTag",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="موضوع",
    )
    collection = models.ForeignKey(
        "smartfolders.SavedSearchPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="مجموعه جست‌وجو",
    )
    delivery = models.CharField("ارسال", max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    paused = models.BooleanField("متوقف", default=False)
    created_at = models.DateTimeField("زمان ثبت", auto_now_add=True)

    class Meta:
        verbose_name = "اشتراک مستندات"
        verbose_name_plural = "اشتراک‌های مستندات"
        ordering = ["user_id", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(ref_type="")
                | models.Q(authority__isnull=False)
                | models.Q(subject__isnull=False)
                | models.Q(collection__isnull=False),
                name="subscription_names_something",
            ),
        ]

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """«بخشنامه · سازمان اداری و استخدامی کشور»: what is followed, as the dashboard and e-mails say it."""
        parts = []
        if self.ref_type:
            parts.append(self.get_ref_type_display())
        if self.authority_id:
            parts.append(f"مرجع: {self.authority.name}")
        if self.subject_id:
            parts.append(f"موضوع: {self.subject.name}")
        if self.collection_id:
            parts.append(f"مجموعه: {self.collection.title}")
        return " · ".join(parts)


class Notice(models.Model):
    """One publication of a reference owed to one subscription; ``sent_at`` once mailed."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="notices")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("رویداد", max_length=20, choices=ChangeKind.choices)
    created_at = models.DateTimeField("زمان", auto_now_add=True)
    sent_at = models.DateTimeField("زمان ارسال", null=True, blank=True)

    class Meta:
        verbose_name = "اعلان اشتراک"
        verbose_name_plural = "اعلان‌های اشتراک"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "revision"], name="one_notice_per_publication"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.page}"
