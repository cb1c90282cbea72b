"""Distribution lists of controlled documents, acknowledgement requests, and captured logs.

A distribution list is not part of a document's controlled content: it is not versioned with the
page's revisions, but each change to it is written to the document's audit log
(``distribution.services.save_distribution_list``).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import Page

from jalali.calendar import format_jalali


def controlled_page_types() -> list[type]:
    """Every concrete page model that is a controlled document (procedures and subclasses)."""
    from django.apps import apps

    from procedures.models import ControlledDocumentPage

    return [m for m in apps.get_models() if issubclass(m, ControlledDocumentPage) and not m._meta.abstract]


def controlled_pages():
    from django.contrib.contenttypes.models import ContentType

    types = ContentType.objects.get_for_models(*controlled_page_types()).values()
    return Page.objects.filter(content_type__in=list(types)).order_by("title")


class DistributionListForm(WagtailAdminModelForm):
    """Only controlled documents may be chosen; the period is checked by the rule."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "page" in self.fields:
            self.fields["page"].queryset = controlled_pages()
            self.fields["page"].label_from_instance = lambda page: page.title
        if "users" in self.fields:
            from accounts.models import display_name, position_of

            self.fields["users"].queryset = (
                self.fields["users"].queryset.filter(is_active=True).order_by("username")
            )
            self.fields["users"].label_from_instance = lambda user: " — ".join(
                part for part in (display_name(user), position_of(user)) if part
            )

    def clean_acknowledgement_days(self):
        from distribution import rules

        days = self.cleaned_data.get("acknowledgement_days")
        try:
            rules.check_acknowledgement_period(days)
        except rules.DistributionRuleViolation as exc:
            raise forms.ValidationError(exc.message) from None
        return days


class DistributionList(models.Model):
    """Who receives a controlled document: people, role groups and agencies (with their members)."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="distribution_list", verbose_name="سند کنترل‌شده"
    )
    acknowledgement_days = models.PositiveSmallIntegerField(
        "مهلت تأیید مطالعه (روز)",
        default=14,
        help_text="گیرندگان باید ظرف این مدت پس از اجرای هر بازنگری، مطالعه آن را تأیید کنند.",
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name="کاربران"
    )
    groups = models.ManyToManyField(Group, blank=True, related_name="+", verbose_name="گروه‌ها (نقش‌ها)")
    agencies = models.ManyToManyField(
        "evaluation.Agency",
        blank=True,
        related_name="distribution_lists",
        verbose_name="دستگاه‌های اجرایی",
        help_text="همه کاربران فعال دستگاه گیرنده سند می‌شوند.",
    )
    updated_at = models.DateTimeField("آخرین تغییر", auto_now=True)

    base_form_class = DistributionListForm
    panels = [
        HelpPanel(
            "<p>فهرست توزیع جزو محتوای کنترل‌شده سند نیست و با بازنگری‌ها نسخه نمی‌خورد؛ هر تغییر آن در "
            "تاریخچه سند ثبت می‌شود. با اجرای هر بازنگری، از هر گیرنده (کاربران، اعضای گروه‌ها و کاربران "
            "دستگاه‌ها، هر نفر یک بار) تأیید «خواندم و فهمیدم» خواسته می‌شود.</p>",
            heading="راهنما",
        ),
        FieldPanel("page"),
        FieldPanel("acknowledgement_days"),
        FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("agencies", widget=forms.CheckboxSelectMultiple),
        FieldPanel("users"),
    ]

    class Meta:
        verbose_name = "فهرست توزیع"
        verbose_name_plural = "فهرست‌های توزیع"
        ordering = ["page__title"]

    def __str__(self) -> str:
        return f"فهرست توزیع {self.page.title}"

    def save(self, *args, **kwargs):
        # The period rule holds on every path, the shell and bulk scripts included, not only in the form.
        from distribution import rules

        rules.check_acknowledgement_period(self.acknowledgement_days)
        super().save(*args, **kwargs)

    def describe(self) -> dict:
        """The list as plain data, for the audit log's before/after."""
        return {
            "acknowledgement_days": self.acknowledgement_days,
            "users": sorted(u.get_username() for u in self.users.all()),
            "groups": sorted(g.name for g in self.groups.all()),
            "agencies": sorted(a.code for a in self.agencies.all()),
        }


class AcknowledgementRequest(models.Model):
    """One recipient asked to confirm having read and understood one controlled revision."""

    controlled = models.ForeignKey(
        "procedures.ControlledRevision",
        on_delete=models.PROTECT,
        related_name="acknowledgement_requests",
        verbose_name="بازنگری",
    )
    page = models.ForeignKey(
        Page, on_delete=models.PROTECT, related_name="acknowledgement_requests", verbose_name="سند"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="acknowledgement_requests",
        verbose_name="گیرنده",
    )
    position = models.CharField("سمت", max_length=255, blank=True)
    via = models.CharField("از طریق", max_length=500, blank=True)
    asked_at = models.DateTimeField("زمان درخواست", default=timezone.now)
    asked_on = models.DateField("تاریخ درخواست")
    due_on = models.DateField("مهلت تأیید", db_index=True)
    acknowledged_at = models.DateTimeField("زمان تأیید مطالعه", null=True, blank=True)

    class Meta:
        verbose_name = "درخواست تأیید مطالعه"
        verbose_name_plural = "درخواست‌های تأیید مطالعه"
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["controlled", "recipient"], name="one_request_per_recipient_revision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient.get_username()} — {self.controlled.code}"

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    def is_overdue(self, today=None) -> bool:
        from distribution import rules

        return rules.is_overdue(
            due_on=self.due_on, acknowledged=self.is_acknowledged, today=today or timezone.localdate()
        )

    @property
    def asked_on_jalali(self) -> str:
        return format_jalali(self.asked_on)

    @property
    def due_on_jalali(self) -> str:
        return format_jalali(self.due_on)


class AcknowledgementLog(models.Model):
    """The final acknowledgement log of a revision no longer in force, kept as a declared record."""

    controlled = models.OneToOneField(
        "procedures.ControlledRevision",
        on_delete=models.PROTECT,
        related_name="acknowledgement_log",
        verbose_name="بازنگری",
    )
    record = models.ForeignKey(
        "records.Record", on_delete=models.PROTECT, related_name="+", verbose_name="سابقه"
    )
    rows = models.PositiveIntegerField("تعداد ردیف‌ها")
    captured_at = models.DateTimeField("زمان ثبت", auto_now_add=True)

    class Meta:
        verbose_name = "سابقه تأیید مطالعه"
        verbose_name_plural = "سوابق تأیید مطالعه"

    def __str__(self) -> str:
        return f"سابقه تأیید مطالعه {self.controlled.code}"
