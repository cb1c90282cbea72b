"""Read-only questions about acknowledgements: what is outstanding, what is overdue, per document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q

from distribution.models import AcknowledgementRequest


def pending_for(user):
    """The user's own requests still waiting for «خواندم و فهمیدم», for revisions still in force."""
    from procedures.models.register import RevisionStatus

    if user is None or not user.is_authenticated:
        return AcknowledgementRequest.objects.none()
    return (
        AcknowledgementRequest.objects.filter(
            recipient=user, acknowledged_at__isnull=True, controlled__status=RevisionStatus.IN_FORCE
        )
        .select_related("controlled", "page")
        .order_by("due_on", "pk")
    )


def overdue_requests(
    *,
    today: dt.date,
    page_id: int | None = None,
    due_from: dt.date | None = None,
    due_to: dt.date | None = None,
):
    """Outstanding requests past their due date (ISO 9001 §7.3), for revisions still in force."""
    from procedures.models.register import RevisionStatus

    found = AcknowledgementRequest.objects.filter(
        acknowledged_at__isnull=True,
        due_on__lt=today,
        controlled__status=RevisionStatus.IN_FORCE,
    )
    if page_id:
        found = found.filter(page_id=page_id)
    if due_from:
        found = found.filter(due_on__gte=due_from)
    if due_to:
        found = found.filter(due_on__lte=due_to)
    return found.select_related("controlled", "page", "recipient").order_by("due_on", "page__title", "pk")


@dataclass(frozen=True)
class RevisionSummary:
    controlled_id: int
    page_id: int
    title: str
    code: str
    status: str
    asked: int
    acknowledged: int
    overdue: int

    @property
    def outstanding(self) -> int:
        return self.asked - self.acknowledged


def summary(*, today: dt.date, page_id: int | None = None) -> list[RevisionSummary]:
    """Per document revision: how many were asked, how many acknowledged, how many are overdue."""
    rows = AcknowledgementRequest.objects.all()
    if page_id:
        rows = rows.filter(page_id=page_id)
    rows = (
        rows.values("controlled_id", "page_id", "controlled__title", "controlled__code", "controlled__status")
        .annotate(
            asked=Count("pk"),
            acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
            overdue=Count("pk", filter=Q(acknowledged_at__isnull=True, due_on__lt=today)),
        )
        .order_by("controlled__title", "controlled__code")
    )
    return [
        RevisionSummary(
            controlled_id=r["controlled_id"],
            page_id=r["page_id"],
            title=r["controlled__title"],
            code=r["controlled__code"],
            status=r["controlled__status"],
            asked=r["asked"],
            acknowledged=r["acknowledged"],
            overdue=r["overdue"] if r["controlled__status"] == "in_force" else 0,
        )
        for r in rows
    ]
