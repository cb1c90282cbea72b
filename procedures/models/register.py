"""The register of controlled revisions: who signed what, when it was in force. Kept forever.

A ``ControlledRevision`` is written once, by ``procedures.services``, when a revision is approved
(or imported from paper). After that only its life-cycle fields move forward
(approved -> in force -> superseded / withdrawn); nothing else about it ever changes.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from wagtail.models import Page, Revision

from procedures.rules import ControlRuleViolation, Rule, SignOffRole


class RevisionStatus(models.TextChoices):
    APPROVED = "approved", "تصویب‌شده (در انتظار اجرا)"
    IN_FORCE = "in_force", "جاری"
    SUPERSEDED = "superseded", "منسوخ"
    WITHDRAWN = "withdrawn", "ابطال‌شده"


# status -> the statuses it may move to; everything else about a row is frozen.
_TRANSITIONS = {
    RevisionStatus.APPROVED: {RevisionStatus.IN_FORCE},
    RevisionStatus.IN_FORCE: {RevisionStatus.SUPERSEDED, RevisionStatus.WITHDRAWN},
    RevisionStatus.SUPERSEDED: set(),
    RevisionStatus.WITHDRAWN: set(),
}
_LIFECYCLE_FIELDS = {"status", "effective_from", "effective_until", "withdrawn_on", "withdrawal_reason"}


class ControlledRevision(models.Model):
    page = models.ForeignKey(
        Page, on_delete=models.PROTECT, related_name="controlled_revisions", verbose_name="سند"
    )
    revision = models.OneToOneField(
        Revision, on_delete=models.PROTECT, related_name="controlled", verbose_name="نسخه ذخیره‌شده"
    )
    number = models.PositiveSmallIntegerField("شماره بازنگری")
    code = models.CharField("کد سند", max_length=100)
    title = models.CharField("عنوان", max_length=255)
    issue_date = models.DateField("تاریخ صدور")
    revision_date = models.DateField("تاریخ بازنگری", null=True, blank=True)
    change_reason = models.TextField("شرح تغییرات", blank=True)
    status = models.CharField("وضعیت", max_length=20, choices=RevisionStatus.choices)
    approved_on = models.DateField("تاریخ تصویب")
    effective_from = models.DateField("اجرا از", null=True, blank=True)
    effective_until = models.DateField("اجرا تا", null=True, blank=True)
    withdrawn_on = models.DateField("تاریخ ابطال", null=True, blank=True)
    withdrawal_reason = models.TextField("دلیل ابطال", blank=True)
    imported = models.BooleanField("وارد شده از نسخه کاغذی", default=False)
    import_note = models.TextField("یادداشت ورود", blank=True)
    content_sha256 = models.CharField("چکیده SHA-256 محتوا", max_length=64)
    created_at = models.DateTimeField("زمان ثبت", auto_now_add=True)

    class Meta:
        verbose_name = "بازنگری کنترل‌شده"
        verbose_name_plural = "بازنگری‌های کنترل‌شده"
        ordering = ["page_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="one_revision_number_per_document"),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.code}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self._check_lifecycle_only(kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ControlRuleViolation(Rule.KEEP_REVISIONS, "بازنگری‌های کنترل‌شده هرگز حذف نمی‌شوند.")

    def _check_lifecycle_only(self, update_fields) -> None:
        stored = type(self)._base_manager.get(pk=self.pk)
        for field in self._meta.concrete_fields:
            if field.name in _LIFECYCLE_FIELDS or field.primary_key:
                continue
            if field.value_from_object(self) != field.value_from_object(stored):
                raise ControlRuleViolation(Rule.LIVE_IMMUTABLE, "مشخصات بازنگری ثبت‌شده تغییرناپذیر است.")
        if self.status != stored.status and self.status not in _TRANSITIONS[RevisionStatus(stored.status)]:
            raise ControlRuleViolation(
                Rule.LIVE_IMMUTABLE,
                f"وضعیت بازنگری از «{stored.get_status_display()}» به «{self.get_status_display()}» تغییر نمی‌کند.",
            )

    @property
    def is_current(self) -> bool:
        return self.status == RevisionStatus.IN_FORCE

    def signoff(self, role: SignOffRole) -> SignOff | None:
        return next((s for s in self.signoffs.all() if s.role == role), None)

    @property
    def signoffs_in_order(self) -> list[SignOff]:
        """Approver, confirmer, preparer: the order seed 000's header reads right to left."""
        order = {SignOffRole.APPROVER: 0, SignOffRole.CONFIRMER: 1, SignOffRole.PREPARER: 2}
        return sorted(self.signoffs.all(), key=lambda s: order[SignOffRole(s.role)])

    def in_force_on(self, day: dt.date) -> bool:
        return bool(
            self.effective_from
            and self.effective_from <= day
            and (self.effective_until is None or day < self.effective_until)
        )


class SignOff(models.Model):
    """One signature on a controlled revision, with the name and position as they stood that day."""

    controlled_revision = models.ForeignKey(
        ControlledRevision, on_delete=models.PROTECT, related_name="signoffs", verbose_name="بازنگری"
    )
    role = models.CharField("نقش", max_length=20, choices=[(r.value, r.label) for r in SignOffRole])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="کاربر"
    )
    name = models.CharField("نام", max_length=255)
    position = models.CharField("سمت", max_length=255, blank=True)
    signed_on = models.DateField("تاریخ امضا")
    on_paper = models.BooleanField("امضای کاغذی", default=False)

    class Meta:
        verbose_name = "امضا"
        verbose_name_plural = "امضاها"
        constraints = [
            models.UniqueConstraint(fields=["controlled_revision", "role"], name="one_signoff_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ControlRuleViolation(Rule.LIVE_IMMUTABLE, "امضای ثبت‌شده تغییرناپذیر است.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ControlRuleViolation(Rule.KEEP_REVISIONS, "امضای ثبت‌شده حذف نمی‌شود.")


class WithdrawalRequest(models.Model):
    """A request to withdraw a controlled document from use; a second person approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", "در انتظار تصویب"
        APPROVED = "approved", "تصویب شد"
        REJECTED = "rejected", "رد شد"

    page = models.ForeignKey(
        Page, on_delete=models.PROTECT, related_name="withdrawal_requests", verbose_name="سند"
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
        verbose_name = "درخواست ابطال"
        verbose_name_plural = "درخواست‌های ابطال"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"ابطال {self.page.title}"
