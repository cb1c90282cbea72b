"""Demo step for distribution (run after procedures, records and evaluation, in INSTALLED_APPS order).

Procedure 000 goes to the quality officers' group, the evaluator and the agency the demo user
«agency» works for. Its revision in force (۰۱, published by the records step) asks each of them for a
read-and-understood acknowledgement; the officer and the evaluator have acknowledged, and the agency
user's request is shown overdue (its dates are moved back for the demo). Idempotent.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from accounts.roles import Role, ensure_role_groups
from distribution import services
from distribution.models import AcknowledgementRequest, DistributionList
from procedures.audit import record
from procedures.models import ControlledRevision
from procedures.models.register import RevisionStatus

ACKNOWLEDGED_BY = ("officer", "evaluator")
OVERDUE_FOR = "agency"


def load_demo(loader) -> None:
    page = loader.procedure_page
    users = loader.users_by_name
    distribution_list = _distribution_list(loader, page, users)
    current = ControlledRevision.objects.filter(page_id=page.pk, status=RevisionStatus.IN_FORCE).first()
    if current is None or distribution_list is None:
        return
    if AcknowledgementRequest.objects.filter(controlled=current).exists():
        return
    asked = services.request_acknowledgements(current)
    loader.say(f"از {asked} گیرنده فهرست توزیع روش اجرایی تأیید مطالعه بازنگری جاری خواسته شد")
    for username in ACKNOWLEDGED_BY:
        request = AcknowledgementRequest.objects.filter(controlled=current, recipient=users[username]).first()
        if request is not None:
            services.acknowledge(request, by=users[username])
    late = AcknowledgementRequest.objects.filter(controlled=current, recipient=users[OVERDUE_FOR]).first()
    if late is not None:
        asked_on = timezone.localdate() - dt.timedelta(days=distribution_list.acknowledgement_days + 6)
        AcknowledgementRequest.objects.filter(pk=late.pk).update(
            asked_on=asked_on, due_on=asked_on + dt.timedelta(days=distribution_list.acknowledgement_days)
        )
        loader.say("یک تأیید مطالعه معوق برای نمایش ساخته شد (تاریخ‌های آن به عقب برده شد)")


def _distribution_list(loader, page, users) -> DistributionList | None:
    existing = DistributionList.objects.filter(page_id=page.pk).first()
    if existing is not None:
        return existing
    from records.evaluation.models import AgencyMember

    groups = ensure_role_groups()
    made = DistributionList.objects.create(page_id=page.pk, acknowledgement_days=14)
    made.groups.set([groups[Role.QUALITY_OFFICER]])
    made.users.set([users["evaluator"]])
    membership = AgencyMember.objects.filter(user=users["agency"]).select_related("agency").first()
    if membership is not None:
        made.agencies.set([membership.agency])
    record(
        page,
        "sanad.distribution.change",
        user=users.get("admin"),
        data={"before": None, "after": made.describe()},
    )
    loader.say("فهرست توزیع روش اجرایی ارزیابی عملکرد ساخته شد")
    return made
