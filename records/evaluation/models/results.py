"""Final results: proposed by an evaluator, approved by a second person, then never changed.

``FinalResult`` rows (levelling and ranking, see ``records.evaluation.rules``) are written once, in the
same transaction as the approval, and refuse every later write or delete.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from records.evaluation import rules
from records.evaluation.choices import ApprovalStatus

User = settings.AUTH_USER_MODEL


class _ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise rules.EvaluationRuleViolation(rules.Rule.FINAL, "نتایج نهایی تغییرناپذیر است.")

    def delete(self):
        raise rules.EvaluationRuleViolation(rules.Rule.FINAL, "نتایج نهایی حذف نمی‌شود.")


class FinalApproval(models.Model):
    cycle = models.ForeignKey(
        "evaluation.EvaluationCyclePage",
        on_delete=models.PROTECT,
        related_name="approvals",
        verbose_name="دوره",
    )
    status = models.CharField(
        "وضعیت", max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name="پیشنهاددهنده"
    )
    proposed_at = models.DateTimeField("زمان پیشنهاد", default=timezone.now)
    note = models.TextField("یادداشت پیشنهاد", blank=True)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="تصمیم‌گیرنده"
    )
    decided_at = models.DateTimeField("زمان تصویب یا بازگشت", null=True, blank=True)
    council_reference = models.CharField("شماره صورت‌جلسه شورا", max_length=100, blank=True)
    council_date = models.DateField("تاریخ جلسه شورا", null=True, blank=True)
    returned_reason = models.TextField("دلیل بازگشت", blank=True)

    objects = models.Manager()

    class Meta:
        verbose_name = "تصویب نتایج نهایی"
        verbose_name_plural = "تصویب نتایج نهایی"
        ordering = ["-proposed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle"], condition=Q(status="approved"), name="evaluation_one_approval_per_cycle"
            ),
            models.UniqueConstraint(
                fields=["cycle"],
                condition=Q(status="proposed"),
                name="evaluation_one_pending_proposal_per_cycle",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")),
                name="evaluation_final_results_decided_by_a_second_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} — {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self)._base_manager.get(pk=self.pk)
            if stored.status != ApprovalStatus.PROPOSED:
                raise rules.EvaluationRuleViolation(
                    rules.Rule.FINAL, "تصمیم ثبت‌شده درباره نتایج نهایی تغییر نمی‌کند."
                )
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise rules.EvaluationRuleViolation(
            rules.Rule.FINAL, "پیشنهاد و تصویب نتایج نهایی در تاریخچه می‌ماند و حذف نمی‌شود."
        )


class FinalResult(models.Model):
    """One agency's levelling and ranking in a cycle, written at approval."""

    cycle = models.ForeignKey(
        "evaluation.EvaluationCyclePage",
        on_delete=models.PROTECT,
        related_name="final_results",
        verbose_name="دوره",
    )
    agency = models.ForeignKey(
        "evaluation.Agency", on_delete=models.PROTECT, related_name="final_results", verbose_name="دستگاه"
    )
    total = models.DecimalField("جمع امتیاز", max_digits=8, decimal_places=2)
    maximum = models.DecimalField("جمع حداکثر امتیاز", max_digits=8, decimal_places=2)
    percent = models.DecimalField("درصد", max_digits=5, decimal_places=2)
    tier = models.CharField("سطح", max_length=30)
    rank = models.PositiveSmallIntegerField("رتبه")

    objects = _ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = "نتیجه نهایی"
        verbose_name_plural = "نتایج نهایی"
        ordering = ["cycle_id", "rank", "agency_id"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "agency"], name="evaluation_one_result_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.percent}٪ ({self.tier})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise rules.EvaluationRuleViolation(rules.Rule.FINAL, "نتایج نهایی تغییرناپذیر است.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise rules.EvaluationRuleViolation(rules.Rule.FINAL, "نتایج نهایی حذف نمی‌شود.")
