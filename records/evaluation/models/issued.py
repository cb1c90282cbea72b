"""The indicators issued for a cycle: each a snapshot of the bank as it stood at issue (seed 004), so a
later change to the bank changes nothing in a cycle already issued."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from records.evaluation.choices import ChecklistQuestionKind, IndicatorKind, IndicatorLevel, MonitoringLevel
from records.evaluation.models.guards import FrozenAfterFinal


class CycleIndicator(FrozenAfterFinal):
    """An indicator as issued for one cycle: a snapshot of the bank, so later edits change nothing here."""

    cycle = models.ForeignKey(
        "evaluation.EvaluationCyclePage",
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name="دوره",
    )
    indicator = models.ForeignKey(
        "evaluation.Indicator", on_delete=models.PROTECT, related_name="issues", verbose_name="شاخص بانک"
    )
    code = models.CharField("کد شاخص", max_length=30)
    title = models.CharField("عنوان شاخص", max_length=255)
    kind = models.CharField("نوع", max_length=20)
    level = models.CharField("سطح ارزیابی", max_length=20)
    monitoring_level = models.CharField("سطح پایش", max_length=20, blank=True)
    checklist = models.JSONField("چک‌لیست نظارتی", default=list, blank=True)
    max_score = models.DecimalField("حداکثر امتیاز", max_digits=6, decimal_places=2)
    evidence_required = models.TextField("مستندات اثبات‌کننده")
    owner = models.ForeignKey(
        "evaluation.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="دستگاه صاحب",
    )
    issued_at = models.DateTimeField("زمان ابلاغ", auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="ابلاغ‌کننده",
    )

    class Meta:
        verbose_name = "شاخص دوره"
        verbose_name_plural = "شاخص‌های دوره"
        ordering = ["cycle_id", "code"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "indicator"], name="evaluation_indicator_once_per_cycle")
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def cycle_pk(self):
        return self.cycle_id

    def applies_to(self, agency_id: int) -> bool:
        return self.owner_id is None or self.owner_id == agency_id

    # The snapshot keeps the bank's codes as they were; a code the choices no longer know shows as it is.
    def get_kind_display(self) -> str:
        return _label(IndicatorKind, self.kind)

    def get_level_display(self) -> str:
        return _label(IndicatorLevel, self.level)

    def get_monitoring_level_display(self) -> str:
        return _label(MonitoringLevel, self.monitoring_level)

    def checklist_questions(self) -> list[dict]:
        """The checklist as issued: [{kind, kind_label, question}]."""
        return [
            {**item, "kind_label": _label(ChecklistQuestionKind, item.get("kind", ""))}
            for item in self.checklist or []
        ]


def _label(choices, value: str) -> str:
    return choices(value).label if value in choices.values else value
