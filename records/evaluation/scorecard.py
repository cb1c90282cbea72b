"""The performance scorecard (کارنامه عملکرد, seed 004) of one agency in one cycle.

Per indicator: maximum, the agency's self score, the evaluators' initial and final score, and the same
indicator's score in the previous year's cycle (matched through the indicator bank). Totals, percentage,
tier and rank follow ``records.evaluation.rules`` (the formula is printed on the card).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jalali.digits import to_persian_digits
from records.evaluation import charts, rules
from records.evaluation.choices import MonitoringLevel
from records.evaluation.models import (
    Answer,
    EvaluationCyclePage,
    FinalResult,
    Objection,
    Review,
    Submission,
)
from records.evaluation.queries import applicable_indicators


@dataclass
class Row:
    indicator: object
    maximum: Decimal
    self_score: Decimal | None
    initial_score: Decimal | None
    score: Decimal | None
    previous: Decimal | None
    previous_maximum: Decimal | None
    objection: Objection | None = None

    @property
    def percent(self) -> Decimal | None:
        return rules.percentage(self.score, self.maximum) if self.score is not None else None


@dataclass
class LevelTotal:
    """One monitoring level's share of the card (seed 004: strategic, operational, executive)."""

    label: str
    indicators: int
    maximum: Decimal
    total: Decimal
    scored: bool

    @property
    def percent(self) -> Decimal | None:
        return rules.percentage(self.total, self.maximum) if self.scored else None


@dataclass
class Scorecard:
    cycle: EvaluationCyclePage
    agency: object
    rows: list[Row]
    submission: Submission | None
    final: bool
    result: FinalResult | None
    previous_cycle: EvaluationCyclePage | None
    previous_result: FinalResult | None
    standings: list = field(default_factory=list)

    @property
    def released(self) -> bool:
        return bool(self.submission and self.submission.released_at) or self.final

    @property
    def scored(self) -> bool:
        return any(r.score is not None for r in self.rows)

    @property
    def total(self) -> Decimal:
        return sum((r.score or Decimal(0) for r in self.rows), Decimal(0))

    @property
    def maximum(self) -> Decimal:
        return sum((r.maximum for r in self.rows), Decimal(0))

    @property
    def self_total(self) -> Decimal:
        return sum((r.self_score or Decimal(0) for r in self.rows), Decimal(0))

    @property
    def percent(self) -> Decimal:
        return self.result.percent if self.result else rules.percentage(self.total, self.maximum)

    @property
    def tier(self) -> str:
        return self.result.tier if self.result else rules.tier_for(self.percent)

    @property
    def rank(self) -> int | None:
        return self.result.rank if self.result else None

    @property
    def tiers(self):
        return rules.TIERS

    def by_monitoring_level(self) -> list[LevelTotal]:
        """Totals per monitoring level, in seed 004's order; levels without an indicator are left out.

        An indicator issued before levels were recorded (an old cycle's snapshot) counts under «نامشخص».
        """
        groups: dict[str, list[Row]] = {}
        for row in self.rows:
            groups.setdefault(row.indicator.monitoring_level or "", []).append(row)
        order = [*MonitoringLevel.values, ""]
        return [
            LevelTotal(
                label=MonitoringLevel(level).label if level else "نامشخص",
                indicators=len(rows),
                maximum=sum((r.maximum for r in rows), Decimal(0)),
                total=sum((r.score or Decimal(0) for r in rows), Decimal(0)),
                scored=any(r.score is not None for r in rows),
            )
            for level in order
            if (rows := groups.get(level))
        ]

    def chart(self):
        bars = [charts.ScoreBar(r.indicator.code, r.maximum, r.score, r.previous) for r in self.rows]
        previous = f"سال {to_persian_digits(self.previous_cycle.year)}" if self.previous_cycle else None
        return charts.scorecard_chart(
            bars, current_label=f"سال {to_persian_digits(self.cycle.year)}", previous_label=previous
        )


def build(cycle: EvaluationCyclePage, agency) -> Scorecard:
    submission = Submission.objects.filter(cycle_id=cycle.pk, agency_id=agency.pk).first()
    answers = {a.indicator_id: a for a in Answer.objects.filter(submission=submission)} if submission else {}
    reviews = {r.indicator_id: r for r in Review.objects.filter(submission=submission)} if submission else {}
    objections = (
        {o.indicator_id: o for o in Objection.objects.filter(submission=submission)} if submission else {}
    )
    previous_cycle = EvaluationCyclePage.objects.filter(year=cycle.year - 1).first()
    previous_scores: dict[int, tuple[Decimal, Decimal]] = {}
    previous_result = None
    if previous_cycle is not None:
        for review in Review.objects.filter(
            submission__cycle_id=previous_cycle.pk, submission__agency_id=agency.pk
        ).select_related("indicator"):
            previous_scores[review.indicator.indicator_id] = (review.score, review.indicator.max_score)
        previous_result = FinalResult.objects.filter(cycle_id=previous_cycle.pk, agency_id=agency.pk).first()
    rows = []
    for indicator in applicable_indicators(cycle, agency.pk):
        answer, review = answers.get(indicator.pk), reviews.get(indicator.pk)
        previous = previous_scores.get(indicator.indicator_id)
        rows.append(
            Row(
                indicator=indicator,
                maximum=indicator.max_score,
                self_score=answer.self_score if answer else None,
                initial_score=review.initial_score if review else None,
                score=review.score if review else None,
                previous=previous[0] if previous else None,
                previous_maximum=previous[1] if previous else None,
                objection=objections.get(indicator.pk),
            )
        )
    final = cycle.is_final
    return Scorecard(
        cycle=cycle,
        agency=agency,
        rows=rows,
        submission=submission,
        final=final,
        result=FinalResult.objects.filter(cycle_id=cycle.pk, agency_id=agency.pk).first() if final else None,
        previous_cycle=previous_cycle,
        previous_result=previous_result,
    )
