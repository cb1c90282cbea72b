"""The indicator bank (seed 004: «بانک شاخص‌های عملکردی»), carried from year to year with its changes kept.

Every change to an indicator is a history version (django-simple-history: who, when, what). A cycle
takes a snapshot of the indicators it uses (``CycleIndicator``), so changing the bank later changes
nothing in a cycle already issued.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords
from wagtail.search import index

from records.evaluation import rules
from records.evaluation.choices import IndicatorKind, IndicatorLevel


class Indicator(index.Indexed, models.Model):
    code = models.CharField("کد شاخص", max_length=30, unique=True)
    title = models.CharField("عنوان شاخص", max_length=255)
    kind = models.CharField(
        "نوع", max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.GENERAL
    )
    level = models.CharField(
        "سطح", max_length=20, choices=IndicatorLevel.choices, default=IndicatorLevel.ORGANISATION
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
        index.RelatedFields("owner", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("kind"),
        index.FilterField("level"),
        index.FilterField("active"),
    ]

    class Meta:
        verbose_name = "شاخص"
        verbose_name_plural = "بانک شاخص‌ها"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def clean(self):
        try:
            rules.check_indicator_owner(self.kind, self.owner_id is not None)
        except rules.EvaluationRuleViolation as exc:
            raise ValidationError({"owner": exc.message}) from None
