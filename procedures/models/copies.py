"""The register of issued controlled copies (نسخه‌های کنترل‌شده): who holds which printed revision.

A row is written once by ``procedures.copies.issue_controlled_copy``. After that only the recall
fields are filled in, once; the rest never changes and no row is ever deleted, because the register
is the evidence of where obsolete paper copies went (ISO 9001 §7.5.3.2 c/d).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from procedures.copy_rules import format_verification_code
from procedures.models.register import ControlledRevision, RevisionStatus


class CopyRegisterError(Exception):
    """A write the copy register refuses; ``message`` is shown to the user as it is."""

    rule = "controlled_copy"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_RECALL_FIELDS = {"recalled_on", "recalled_by", "recall_note"}
#: The issued PDF and its hash are written once, at issue (or, for a copy issued before they were kept,
#: at its first download); after that they are as frozen as the rest of the row.
_ISSUED_FILE_FIELDS = {"issued_file", "issued_sha256"}


class IssuedCopyQuerySet(models.QuerySet):
    def to_recall(self) -> IssuedCopyQuerySet:
        """Copies of revisions no longer in force (superseded or withdrawn) that have not come back yet."""
        return self.filter(
            recalled_on__isnull=True,
            controlled_revision__status__in=[RevisionStatus.SUPERSEDED, RevisionStatus.WITHDRAWN],
        )

    def outstanding(self) -> IssuedCopyQuerySet:
        return self.filter(recalled_on__isnull=True)


class IssuedCopy(models.Model):
    controlled_revision = models.ForeignKey(
        ControlledRevision, on_delete=models.PROTECT, related_name="issued_copies", verbose_name="بازنگری"
    )
    number = models.PositiveIntegerField("شماره نسخه")
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="controlled_copies_held",
        verbose_name="گیرنده (کاربر)",
    )
    recipient_name = models.CharField("نام گیرنده", max_length=255, blank=True)
    recipient_unit = models.CharField("واحد سازمانی گیرنده", max_length=255, blank=True)
    issued_on = models.DateField("تاریخ صدور نسخه")
    issued_at = models.DateTimeField("زمان ثبت", auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="صادرکننده"
    )
    recalled_on = models.DateField("تاریخ فراخوان", null=True, blank=True)
    recalled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="فراخوان‌کننده",
    )
    recall_note = models.TextField("یادداشت فراخوان", blank=True)
    verification_code = models.CharField(
        "کد تصدیق", max_length=10, unique=True, editable=False, help_text="چاپ‌شده روی نسخه؛ /verify/<کد>/"
    )
    issued_file = models.FileField(
        "پرونده صادرشده", upload_to="controlled-copies/%Y/", max_length=255, blank=True, editable=False
    )
    issued_sha256 = models.CharField(
        "چکیده SHA-256 پرونده صادرشده", max_length=64, blank=True, editable=False
    )

    objects = IssuedCopyQuerySet.as_manager()

    class Meta:
        verbose_name = "نسخه کنترل‌شده صادرشده"
        verbose_name_plural = "نسخه‌های کنترل‌شده صادرشده"
        ordering = ["controlled_revision_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["controlled_revision", "number"], name="one_copy_number_per_revision"
            ),
            models.CheckConstraint(
                condition=models.Q(recipient_user__isnull=False) | ~models.Q(recipient_name=""),
                name="issued_copy_has_recipient",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.controlled_revision.code} — نسخه {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self._check_recall_only()
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise CopyRegisterError("نسخه‌های ثبت‌شده در دفتر توزیع حذف نمی‌شوند؛ نسخه منسوخ را فراخوان کنید.")

    @property
    def recipient_display(self) -> str:
        """The recipient as printed in the header: the person (or free-text name) and their unit."""
        from accounts.models import display_name, position_of

        name = self.recipient_name or (display_name(self.recipient_user) if self.recipient_user else "")
        unit = self.recipient_unit or (position_of(self.recipient_user) if self.recipient_user else "")
        return f"{name} ({unit})" if unit and name else name or unit

    @property
    def verification_code_display(self) -> str:
        return format_verification_code(self.verification_code)

    @property
    def is_recalled(self) -> bool:
        return self.recalled_on is not None

    def _check_recall_only(self) -> None:
        stored = type(self)._base_manager.get(pk=self.pk)
        for field in self._meta.concrete_fields:
            if field.primary_key or field.name in _RECALL_FIELDS:
                continue
            if field.name in _ISSUED_FILE_FIELDS and not field.value_from_object(stored):
                continue  # written once, when still empty
            if field.value_from_object(self) != field.value_from_object(stored):
                raise CopyRegisterError("مشخصات نسخه صادرشده تغییرناپذیر است.")
        if stored.recalled_on is not None and any(
            getattr(self, f.attname) != getattr(stored, f.attname)
            for f in self._meta.concrete_fields
            if f.name in _RECALL_FIELDS
        ):
            raise CopyRegisterError("فراخوان این نسخه پیش‌تر ثبت شده است.")
