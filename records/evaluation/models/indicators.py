"""The indicator bank (seed 004: «بانک شاخص‌های عملکردی»), carried from year to year with its changes kept.

Every change to an indicator or to a question of its supervisory checklist (seed 004: «چک لیست های
نظارتی») is a history version (django-simple-history: who, when, what). A cycle takes a snapshot of the
indicators it uses, checklist included (``CycleIndicator``), so changing the bank later changes nothing in
a cycle already issued.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from records.evaluation import rules
from records.evaluation.choices import ChecklistQuestionKind, IndicatorKind, IndicatorLevel, MonitoringLevel


class Indicator(index.Indexed, ClusterableModel):
    code = models.CharField("کد شاخص", max_length=30, unique=True)
    title = models.CharField("عنوان شاخص", max_length=255)
    kind = models.CharField(
        "نوع", max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.GENERAL
    )
    level = models.CharField(
        "سطح ارزیابی",
        max_length=20,
        choices=IndicatorLevel.choices,
        default=IndicatorLevel.ORGANISATION,
        help_text="عملکرد چه کسی را می‌سنجد: سازمان، مدیران یا کارمندان (سند ۰۰۲ بند ۱).",
    )
    monitoring_level = models.CharField(
        "سطح پایش",
        max_length=20,
        choices=MonitoringLevel.choices,
        default=MonitoringLevel.OPERATIONAL,
        help_text="راهبردی، عملیاتی یا اجرایی (سند ۰۰۴)؛ کارنامه هر سطح را جدا جمع می‌زند.",
    )
    max_score = models.DecimalField(
        "حداکثر امتیاز", max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    evidence_required = models.TextField(
        "مستندات اثبات‌کننده", help_text="چه مستنداتی تحقق این شاخص را نشان می‌دهد."
    )
    description = models.TextField("توضیحات", blank=True)
    owner = models.ForeignKey(
        "evaluation.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="specific_indicators",
        verbose_name="دستگاه صاحب شاخص (اختصاصی)",
    )
    active = models.BooleanField("فعال در بانک", default=True)
    # The checklist as saved with this version of the indicator: its questions are rows of their own
    # (edited inline), and this copy puts each change of them in the indicator's history. Not in the
    # panels (``save`` writes it); editable only so that simple-history's diff compares it.
    checklist_record = models.JSONField("چک‌لیست نظارتی", default=list, blank=True)

    history = HistoricalRecords(verbose_name="تاریخچه شاخص")

    # What the bank's public page shows of an indicator (issue 11 §1), so the admin's and API's searches
    # find it by any of it.
    search_fields = [
        index.SearchField("code"),
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("evidence_required"),
        index.SearchField("description"),
        index.SearchField("get_kind_display"),
        index.SearchField("get_level_display"),
        index.SearchField("get_monitoring_level_display"),
        index.SearchField("checklist_text"),
        index.RelatedFields("owner", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("kind"),
        index.FilterField("level"),
        index.FilterField("monitoring_level"),
        index.FilterField("active"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("active")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("owner")]),
        FieldRowPanel([FieldPanel("level"), FieldPanel("monitoring_level")]),
        FieldPanel("max_score"),
        FieldPanel("evidence_required"),
        FieldPanel("description"),
        MultiFieldPanel(
            [InlinePanel("checklist", label="پرسش")],
            heading="چک‌لیست نظارتی",
            help_text="پرسش‌های راهبردی و اجرایی که ارزیاب در پایش و نظارت این شاخص می‌پرسد (سند ۰۰۴).",
        ),
    ]

    class Meta:
        verbose_name = "شاخص"
        verbose_name_plural = "بانک شاخص‌ها"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def checklist_text(self) -> str:
        return "\n".join(question.question for question in self.checklist.all())

    def checklist_snapshot(self) -> list[dict]:
        """The checklist as a cycle keeps it: kind and question, in order (the unsaved ones too)."""
        return [{"kind": q.kind, "question": q.question} for q in self.checklist.all()]

    def save(self, *args, **kwargs):
        self.checklist_record = self.checklist_snapshot()
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            # The index entry was written on post_save, before the checklist rows were committed.
            index.insert_or_update_object(self)

    def clean(self):
        try:
            rules.check_indicator_owner(self.kind, self.owner_id is not None)
        except rules.EvaluationRuleViolation as exc:
            raise ValidationError({"owner": exc.message}) from None


class ChecklistQuestion(Orderable):
    """One question of an indicator's supervisory checklist (seed 004: «چک لیست های نظارتی شامل سوالات
    راهبردی و اجرایی در پایش و نظارت»). Its history is the indicator's (``checklist_record``)."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="checklist")
    kind = models.CharField(
        "نوع پرسش",
        max_length=20,
        choices=ChecklistQuestionKind.choices,
        default=ChecklistQuestionKind.EXECUTIVE,
    )
    question = models.TextField("پرسش")

    panels = [FieldPanel("kind"), FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = "پرسش چک‌لیست نظارتی"
        verbose_name_plural = "چک‌لیست نظارتی"

    def __str__(self) -> str:
        return self.question
