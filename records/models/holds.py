"""Holds: an audit, a legal matter or a pending objection freezes disposition and deletion.

A hold covers one record, a whole series or an evaluation cycle (issue 4: «a hold … on a record, a
series or an evaluation cycle»); ``scope`` says which foreign key is set and a check constraint keeps
them consistent. A cycle hold covers every record the evaluation app links to the cycle (see
``records.cycle_links``, which the evaluation app fills in).

A hold is never deleted. Releasing it takes two people: one asks, with a reason; another approves.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from jalali.digits import to_persian_digits
from records.choices import HoldKind, HoldScope, HoldStatus
from records.cycle_links import linked_to_cycles_of_record_q
from records.rules import RecordsRuleViolation, Rule

_HOLD_NEXT = {
    HoldStatus.ACTIVE: {HoldStatus.RELEASE_REQUESTED},
    HoldStatus.RELEASE_REQUESTED: {HoldStatus.RELEASED, HoldStatus.ACTIVE},
    HoldStatus.RELEASED: set(),
}
_HOLD_LIFECYCLE = {
    "status",
    "release_reason",
    "release_requested_by",
    "release_requested_at",
    "released_by",
    "released_at",
}


class HoldQuerySet(models.QuerySet):
    def in_force(self):
        """Holds that freeze: placed and not yet released (a pending release still freezes)."""
        return self.exclude(status=HoldStatus.RELEASED)

    def covering(self, record):
        """Holds on the record itself, on its series, or on an evaluation cycle the record belongs to."""
        return self.filter(
            Q(record_id=record.pk) | Q(series_id=record.series_id) | linked_to_cycles_of_record_q(record.pk)
        )

    def update(self, **kwargs):
        raise RecordsRuleViolation(Rule.HOLD_STATE, "توقیف‌ها فقط یکی‌یکی و با ثبت دلیل تغییر می‌کنند.")

    def delete(self):
        raise RecordsRuleViolation(
            Rule.KEEP_HISTORY, "توقیف‌ها حذف نمی‌شوند؛ توقیف با تایید شخص دوم رفع می‌شود."
        )


class Hold(models.Model):
    scope = models.CharField("دامنه", max_length=20, choices=HoldScope.choices)
    record = models.ForeignKey(
        "records.Record",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="holds",
        verbose_name="سابقه",
    )
    series = models.ForeignKey(
        "records.RetentionSeriesPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="holds",
        verbose_name="ردیف جدول نگهداری",
    )
    cycle = models.ForeignKey(
        "evaluation.EvaluationCyclePage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="holds",
        verbose_name="دوره ارزیابی",
    )
    kind = models.CharField("نوع توقیف", max_length=20, choices=HoldKind.choices)
    reason = models.TextField("دلیل توقیف")
    reference = models.CharField("شماره نامه یا پرونده مرتبط", max_length=100, blank=True)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="توقیف‌کننده"
    )
    placed_at = models.DateTimeField("زمان توقیف", auto_now_add=True)
    status = models.CharField("وضعیت", max_length=20, choices=HoldStatus.choices, default=HoldStatus.ACTIVE)
    release_reason = models.TextField("دلیل رفع توقیف", blank=True)
    release_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="درخواست‌دهنده رفع",
    )
    release_requested_at = models.DateTimeField("زمان درخواست رفع", null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="تاییدکننده رفع",
    )
    released_at = models.DateTimeField("زمان رفع", null=True, blank=True)

    history = HistoricalRecords(verbose_name="تاریخچه توقیف")
    objects = HoldQuerySet.as_manager()

    class Meta:
        verbose_name = "توقیف"
        verbose_name_plural = "توقیف‌ها"
        ordering = ["-placed_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(scope="record")
                    & Q(record__isnull=False)
                    & Q(series__isnull=True)
                    & Q(cycle__isnull=True)
                )
                | (
                    Q(scope="series")
                    & Q(series__isnull=False)
                    & Q(record__isnull=True)
                    & Q(cycle__isnull=True)
                )
                | (
                    Q(scope="cycle")
                    & Q(cycle__isnull=False)
                    & Q(record__isnull=True)
                    & Q(series__isnull=True)
                ),
                name="records_hold_target_matches_scope",
            ),
            models.CheckConstraint(
                condition=Q(released_by__isnull=True) | ~Q(released_by=F("release_requested_by")),
                name="records_hold_release_by_a_second_person",
            ),
            models.CheckConstraint(
                condition=~Q(status="released") | Q(released_by__isnull=False, released_at__isnull=False),
                name="records_released_hold_says_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"توقیف {self.get_kind_display()} — {self.target_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self)._base_manager.get(pk=self.pk)
            for field in self._meta.concrete_fields:
                if field.primary_key or field.name in _HOLD_LIFECYCLE:
                    continue
                if field.value_from_object(self) != field.value_from_object(stored):
                    raise RecordsRuleViolation(Rule.HOLD_STATE, "مشخصات توقیف ثبت‌شده تغییر نمی‌کند.")
            if self.status != stored.status and self.status not in _HOLD_NEXT[HoldStatus(stored.status)]:
                raise RecordsRuleViolation(
                    Rule.HOLD_STATE,
                    f"وضعیت توقیف از «{stored.get_status_display()}» به «{self.get_status_display()}» تغییر نمی‌کند.",
                )
            if self.status == HoldStatus.RELEASED and self.released_by_id == self.release_requested_by_id:
                raise RecordsRuleViolation(
                    Rule.TWO_PERSON, "رفع توقیف باید به تایید شخصی غیر از درخواست‌دهنده آن برسد."
                )
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RecordsRuleViolation(
            Rule.KEEP_HISTORY, "توقیف‌ها حذف نمی‌شوند؛ توقیف با تایید شخص دوم رفع می‌شود."
        )

    @classmethod
    def cycle_model(cls):
        """The evaluation cycle's page model, read from the ``cycle`` foreign key (records' core does not
        import evaluation)."""
        return cls._meta.get_field("cycle").related_model

    @property
    def target(self):
        return {
            HoldScope.RECORD: self.record,
            HoldScope.SERIES: self.series,
            HoldScope.CYCLE: self.cycle,
        }.get(self.scope)

    @property
    def target_label(self) -> str:
        target = self.target
        if target is None:
            return ""
        if self.scope == HoldScope.SERIES:
            return f"ردیف {target.code} ({target.title})"
        if self.scope == HoldScope.CYCLE:
            return f"دوره ارزیابی {to_persian_digits(target.year)} ({target.title})"
        return str(target)

    @property
    def in_force(self) -> bool:
        return self.status != HoldStatus.RELEASED
