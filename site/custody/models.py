"""The trash (restorable removal of published pages) and the withdrawal of cited references and series.

Both are registers: rows are added and move forward (pending -> decided, trashed -> restored), and are
never deleted, so that what happened to a published page can always be told.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from wagtail.models import Page


class TrashedPage(models.Model):
    """A published page an administrator removed: unpublished and hidden, restorable, never deleted."""

    page = models.ForeignKey(
        Page, on_delete=models.PROTECT, related_name="trash_entries", verbose_name="صفحه"
    )
    title = models.CharField("عنوان", max_length=255)
    reason = models.TextField("دلیل", blank=True)
    # [[page id, live revision id], …]: the pages of the subtree that were live, to publish again on restore.
    unpublished = models.JSONField("صفحه‌های از انتشار خارج‌شده", default=list)
    trashed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="حذف‌کننده",
    )
    trashed_at = models.DateTimeField("زمان انتقال به سطل بازیافت", auto_now_add=True)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="بازگرداننده",
    )
    restored_at = models.DateTimeField("زمان بازگردانی", null=True, blank=True)

    class Meta:
        verbose_name = "صفحه در سطل بازیافت"
        verbose_name_plural = "سطل بازیافت"
        ordering = ["-trashed_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def in_trash(self) -> bool:
        return self.restored_at is None

    @classmethod
    def trashed_page_ids(cls) -> set[int]:
        return set(cls.objects.filter(restored_at=None).values_list("page_id", flat=True))


class CitedWithdrawal(models.Model):
    """Withdrawal of an external reference or retention series from use; a second person decides it."""

    class Status(models.TextChoices):
        PENDING = "pending", "در انتظار تصویب"
        APPROVED = "approved", "تصویب شد"
        REJECTED = "rejected", "رد شد"

    page = models.ForeignKey(
        Page, on_delete=models.PROTECT, related_name="custody_withdrawals", verbose_name="صفحه"
    )
    reason = models.TextField("دلیل ابطال")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="درخواست‌دهنده"
    )
    requested_at = models.DateTimeField("زمان درخواست", auto_now_add=True)
    status = models.CharField("وضعیت", max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="تصمیم‌گیرنده",
    )
    decided_at = models.DateTimeField("زمان تصمیم", null=True, blank=True)

    class Meta:
        verbose_name = "درخواست ابطال مستند یا ردیف نگهداری"
        verbose_name_plural = "درخواست‌های ابطال مستندات و ردیف‌های نگهداری"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"ابطال {self.page.title}"

    @classmethod
    def withdrawal_of(cls, page_id: int) -> CitedWithdrawal | None:
        """The approved withdrawal of page ``page_id``, if it has been withdrawn."""
        return cls.objects.filter(page_id=page_id, status=cls.Status.APPROVED).order_by("decided_at").first()
