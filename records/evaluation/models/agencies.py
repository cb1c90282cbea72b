"""Agencies (دستگاه‌های اجرایی) and the people who work for them in Sanad."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from simple_history.models import HistoricalRecords

from records.evaluation.choices import AgencyKind


class Agency(models.Model):
    """An executive agency: a national headquarters (ستاد) or one of its provincial units."""

    name = models.CharField("نام دستگاه", max_length=255)
    code = models.CharField("کد دستگاه", max_length=30, unique=True)
    kind = models.CharField("نوع", max_length=20, choices=AgencyKind.choices, default=AgencyKind.PROVINCIAL)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name="ستاد بالادست",
    )
    contact_emails = models.TextField(
        "نشانی‌های رایانامه رابطان",
        blank=True,
        help_text="هر نشانی در یک سطر؛ اعلان‌های دوره به این نشانی‌ها فرستاده می‌شود.",
    )
    active = models.BooleanField("فعال", default=True)

    history = HistoricalRecords(verbose_name="تاریخچه دستگاه")

    class Meta:
        verbose_name = "دستگاه اجرایی"
        verbose_name_plural = "دستگاه‌های اجرایی"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "دستگاه نمی‌تواند ستاد بالادست خودش باشد."})
        for email in self.emails:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError({"contact_emails": f"نشانی «{email}» درست نیست."}) from None

    @property
    def emails(self) -> list[str]:
        return [line.strip() for line in self.contact_emails.splitlines() if line.strip()]

    def notice_recipients(self) -> list[str]:
        """The agency's contacts; when none is recorded, its users' own addresses."""
        if self.emails:
            return sorted(set(self.emails))
        return sorted({m.user.email for m in self.members.select_related("user") if m.user.email})


class AgencyMember(models.Model):
    """A user who works for an agency: they see and edit only that agency's submissions."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_membership",
        verbose_name="کاربر",
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="members", verbose_name="دستگاه"
    )

    history = HistoricalRecords(verbose_name="تاریخچه عضویت")

    class Meta:
        verbose_name = "کاربر دستگاه"
        verbose_name_plural = "کاربران دستگاه‌ها"

    def __str__(self) -> str:
        return f"{self.person_name()} — {self.agency}"

    def person_name(self) -> str:
        """The member's full name (their log-in name only when none is recorded)."""
        return self.user.get_full_name().strip() or self.user.get_username()

    person_name.short_description = "کاربر"
