"""The retention schedule: a register page holding one page per record series (seed 000 §6 rows).

Series are Wagtail pages, so every change to the schedule is a page revision in Wagtail's history
with who and when. A series with records or holds cannot be deleted (the foreign keys protect it,
and ``before_delete_page`` says why in the admin).
"""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.panels.page_chooser_panel import PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from accounts.role_names import Role
from jalali.digits import to_persian_digits
from records import rules
from records.choices import Disposal, Medium, PeriodUnit, Trigger

CUSTODIAN_ROLES = [(role.name, role.value) for role in Role]


class RetentionRegisterPage(Page):
    """«جدول نگهداری سوابق»: the file plan of the organisation, one child page per series."""

    intro = RichTextField("معرفی", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["records.RetentionSeriesPage"]
    template = "records/retention_register_page.html"

    class Meta:
        verbose_name = "جدول نگهداری سوابق"
        verbose_name_plural = "جدول‌های نگهداری سوابق"

    def series(self):
        return RetentionSeriesPage.objects.child_of(self).live().order_by("code")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["series_list"] = self.series().select_related("governing_procedure")
        return context


class RetentionSeriesPage(Page):
    """One row of a procedure's records list: a series of records and how long it is kept."""

    code = models.CharField(
        "کد سابقه", max_length=50, unique=True, help_text="مانند «س-ا-۰۱»؛ در سازمان یکتا."
    )
    medium = models.CharField("نوع سابقه", max_length=20, choices=Medium.choices, default=Medium.BOTH)
    active_amount = models.PositiveSmallIntegerField("مدت نگهداری جاری")
    active_unit = models.CharField(
        "واحد مدت جاری", max_length=10, choices=PeriodUnit.choices, default=PeriodUnit.YEARS
    )
    archive_amount = models.PositiveSmallIntegerField("مدت نگهداری راکد")
    archive_unit = models.CharField(
        "واحد مدت راکد", max_length=10, choices=PeriodUnit.choices, default=PeriodUnit.YEARS
    )
    trigger = models.CharField(
        "مبدأ شمارش",
        max_length=20,
        choices=Trigger.choices,
        default=Trigger.CREATION,
        help_text="رویدادی که مدت نگهداری جاری از آن شمرده می‌شود.",
    )
    active_place = models.CharField("محل نگهداری در دوره جاری", max_length=255, blank=True)
    archive_place = models.CharField("محل نگهداری در دوره راکد", max_length=255, blank=True)
    custodian_unit = models.CharField("مسئول نگهداری (واحد)", max_length=255, blank=True)
    custodian_role = models.CharField(
        "مسئول نگهداری (نقش)", max_length=40, choices=CUSTODIAN_ROLES, blank=True
    )
    disposal = models.CharField(
        "نحوه امحاء", max_length=20, choices=Disposal.choices, default=Disposal.DESTROY
    )
    governing_procedure = models.ForeignKey(
        "procedures.ProcedurePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="retention_series",
        verbose_name="روش اجرایی حاکم",
    )
    description = models.TextField("توضیحات", blank=True)

    content_panels = Page.content_panels + [
        HelpPanel(
            "<p>هر ردیف فهرست سوابق (بند ۶ روش اجرایی) یک ردیف این جدول است. مدت‌ها بر پایه تقویم هجری شمسی "
            "شمرده می‌شوند: نخست دوره جاری از رویداد مبدأ، سپس دوره راکد.</p>",
            heading="راهنما",
        ),
        FieldRowPanel([FieldPanel("code"), FieldPanel("medium")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("active_amount"), FieldPanel("active_unit")]),
                FieldRowPanel([FieldPanel("archive_amount"), FieldPanel("archive_unit")]),
                FieldPanel("trigger"),
            ],
            heading="مدت نگهداری",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("active_place"), FieldPanel("archive_place")]),
                FieldRowPanel([FieldPanel("custodian_unit"), FieldPanel("custodian_role")]),
                FieldPanel("disposal"),
            ],
            heading="نگهداری و امحا",
        ),
        PageChooserPanel("governing_procedure", "procedures.ProcedurePage"),
        FieldPanel("description"),
    ]
    # Everything the series' page shows (issue 11 §1), choice labels and periods as printed.
    search_fields = Page.search_fields + [
        index.SearchField(name)
        for name in (
            "code",
            "description",
            "place",
            "custodian",
            "active_period_label",
            "archive_period_label",
            "get_medium_display",
            "get_trigger_display",
            "get_disposal_display",
        )
    ]
    api_fields = [
        APIField("code"),
        APIField("medium"),
        APIField("active_amount"),
        APIField("active_unit"),
        APIField("archive_amount"),
        APIField("archive_unit"),
        APIField("trigger"),
        APIField("disposal"),
        # The series as its page and a procedure's §6 row print it (issue 13 §5).
        *(APIField(name) for name in ("description", "active_place", "archive_place", "custodian")),
        *(
            APIField(name)
            for name in ("active_period_label", "archive_period_label", "governing_procedure_id")
        ),
    ]
    parent_page_types = ["records.RetentionRegisterPage"]
    subpage_types: list[str] = []
    template = "records/retention_series_page.html"

    class Meta:
        verbose_name = "ردیف جدول نگهداری (سری سوابق)"
        verbose_name_plural = "ردیف‌های جدول نگهداری"

    def delete(self, *args, **kwargs):
        """A series whose records or holds exist is never deleted (its records need their schedule)."""
        if self.pk and (self.records.exists() or self.holds.exists()):
            from records.rules import RecordsRuleViolation, Rule

            raise RecordsRuleViolation(
                Rule.KEEP_HISTORY, "این ردیف جدول نگهداری سابقه یا توقیف دارد و حذف نمی‌شود."
            )
        from custody.guards import refuse_if_cited

        refuse_if_cited(self)  # cited by a published revision (querysets meet custody's pre_delete)
        return super().delete(*args, **kwargs)

    @property
    def withdrawal(self):
        """The approved withdrawal of this series (custody.CitedWithdrawal), if withdrawn."""
        from custody.models import CitedWithdrawal

        return CitedWithdrawal.withdrawal_of(self.pk) if self.pk else None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawal is not None

    def permissions_for_user(self, user):
        """Cited by a published revision, it is not deleted or unpublished (custody)."""
        from custody.permissions import CitedPagePermissionTester

        return CitedPagePermissionTester(user, self)

    # --- what a §6 row shows -------------------------------------------------------------------

    @property
    def active_period(self) -> rules.Period:
        return rules.Period(self.active_amount, self.active_unit)

    @property
    def archive_period(self) -> rules.Period:
        return rules.Period(self.archive_amount, self.archive_unit)

    @property
    def active_period_label(self) -> str:
        return self.active_period.label

    @property
    def archive_period_label(self) -> str:
        return self.archive_period.label

    @property
    def custodian(self) -> str:
        role = dict(CUSTODIAN_ROLES).get(self.custodian_role, "")
        return "، ".join(p for p in (self.custodian_unit, role) if p)

    @property
    def place(self) -> str:
        if self.active_place and self.archive_place and self.active_place != self.archive_place:
            return f"جاری: {self.active_place}؛ راکد: {self.archive_place}"
        return self.active_place or self.archive_place

    @property
    def code_display(self) -> str:
        return to_persian_digits(self.code)

    def as_row(self) -> dict:
        """The §6 row (seed 000's columns) filled from this series."""
        return {
            "name": self.title,
            "code": self.code,
            "medium": self.medium,
            "active_period": self.active_period_label,
            "archive_period": self.archive_period_label,
            "place": self.place,
            "custodian": self.custodian,
            "disposal": self.get_disposal_display(),
        }
