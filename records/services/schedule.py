"""The retention schedule applied: derived dates after a series changes, phase moves, what is due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from jalali.calendar import to_jalali_parts
from records import rules
from records.audit import record as audit
from records.choices import Phase
from records.models import Record, RetentionSeriesPage
from records.services.history import versioned


def refresh_series_dates(series: RetentionSeriesPage) -> int:
    """Recompute the derived dates of a series' records after the schedule changed (not tombstones)."""
    count = 0
    for record in Record.objects.filter(series_id=series.pk).exclude(
        phase__in=[Phase.DESTROYED, Phase.TRANSFERRED]
    ):
        before = (record.active_until, record.archive_until, record.disposition_due_on)
        record.refresh_retention_dates()
        if before != (record.active_until, record.archive_until, record.disposition_due_on):
            Record.objects.filter(pk=record.pk).update(
                trigger_on=record.trigger_on,
                active_until=record.active_until,
                archive_until=record.archive_until,
                disposition_due_on=record.disposition_due_on,
            )
            count += 1
    return count


@dataclass
class Move:
    record: Record
    before: str
    after: str


@dataclass
class RetentionReport:
    today: dt.date
    applied: bool
    checked: int = 0
    moves: list[Move] = field(default_factory=list)
    due: list[Record] = field(default_factory=list)
    held: list[Record] = field(default_factory=list)

    def due_by_month(self) -> dict[tuple[int, int], list[Record]]:
        months: dict[tuple[int, int], list[Record]] = {}
        for record in self.due:
            year, month, _ = to_jalali_parts(record.disposition_due_on)
            months.setdefault((year, month), []).append(record)
        return dict(sorted(months.items()))


def apply_retention(
    *,
    today: dt.date | None = None,
    apply: bool = False,
    progress: Callable[[int, int], None] | None = None,
    records=None,
) -> RetentionReport:
    """Move declared records between phases (active → archive → due / permanent) and list what is due.

    With ``apply=False`` nothing is written: the report says what would move. ``records`` narrows the
    run to a queryset (the demo moves only its own records); by default every declared record.
    """
    today = today or timezone.localdate()
    report = RetentionReport(today=today, applied=apply)
    candidates = (
        (Record.objects.all() if records is None else records)
        .filter(phase__in=[Phase.ACTIVE, Phase.ARCHIVE, Phase.DUE])
        .select_related("series")
        .order_by("pk")
    )
    total = candidates.count()
    for index, record in enumerate(candidates.iterator(), start=1):
        report.checked += 1
        target = rules.phase_on(record.retention(), today)
        if target != record.phase:
            report.moves.append(Move(record, record.phase, target))
            if apply:
                with transaction.atomic():
                    before = record.phase
                    record.phase = target
                    versioned(
                        record, None, f"اجرای جدول نگهداری: {Phase(before).label} ← {Phase(target).label}"
                    )
                    record.save()
                    audit(record, "records.record.phase", data={"from": before, "to": target})
        if target == Phase.DUE:
            report.due.append(record)
            if record.is_on_hold:
                report.held.append(record)
        if progress is not None:
            progress(index, total)
    return report


def due_records(*, today: dt.date | None = None):
    """Declared records whose disposition date has come, not yet disposed of, not kept permanently."""
    today = today or timezone.localdate()
    return (
        Record.objects.filter(disposition_due_on__lte=today)
        .exclude(phase__in=[Phase.DRAFT, Phase.PERMANENT, Phase.DESTROYED, Phase.TRANSFERRED])
        .select_related("series")
    )
