"""Final results: an evaluator proposes them, a second person (an approver) approves, which writes the
levelling and ranking and freezes the cycle, or returns them with a reason.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from jalali.digits import to_persian_digits
from records.evaluation import access, evidence, notices, rules
from records.evaluation.audit import record as audit
from records.evaluation.choices import ApprovalStatus
from records.evaluation.models import EvaluationCyclePage, FinalApproval, FinalResult
from records.evaluation.queries import final_problems, totals
from records.evaluation.rules import EvaluationRuleViolation, Rule
from records.evaluation.services.guards import (
    check,
    cycle_not_final,
    cycle_open,
    moment,
    refuse,
    require,
    today_or_default,
)


@transaction.atomic
def propose_final_results(cycle, *, by, note: str = "", today: dt.date | None = None) -> FinalApproval:
    today = today_or_default(today)
    cycle = EvaluationCyclePage.objects.select_for_update().get(pk=cycle.pk)
    require(cycle, by, access.is_evaluator(by), "پیشنهاد نتایج نهایی با ارزیابان سازمان است.")
    cycle_open(cycle, by)
    cycle_not_final(cycle, by)
    if FinalApproval.objects.filter(cycle_id=cycle.pk, status=ApprovalStatus.PROPOSED).exists():
        refuse(cycle, EvaluationRuleViolation(Rule.PROPOSAL, "نتایج نهایی این دوره در انتظار تصویب است."), by)
    check(cycle, by, rules.check_final_proposal, problems=final_problems(cycle, today))
    approval = FinalApproval.objects.create(
        cycle=cycle, proposed_by=by, note=note.strip(), proposed_at=moment(today)
    )
    audit(cycle, "evaluation.final.propose", user=by, data={"note": approval.note})
    return approval


@transaction.atomic
def approve_final_results(
    approval: FinalApproval,
    *,
    by,
    council_reference: str = "",
    council_date: dt.date | None = None,
    today: dt.date | None = None,
) -> FinalApproval:
    """A second person (an approver) approves: levelling and ranking are written and everything freezes."""
    today = today_or_default(today)
    approval = FinalApproval.objects.select_for_update().get(pk=approval.pk)
    cycle = EvaluationCyclePage.objects.select_for_update().get(pk=approval.cycle_id)
    require(cycle, by, access.is_approver(by), "تصویب نتایج نهایی با تصویب‌کننده است.")
    cycle_not_final(cycle, by)
    if approval.status != ApprovalStatus.PROPOSED:
        refuse(cycle, EvaluationRuleViolation(Rule.PROPOSAL, "این پیشنهاد در انتظار تصویب نیست."), by)
    check(cycle, by, rules.check_second_person, proposer_id=approval.proposed_by_id, approver_id=by.pk)
    check(cycle, by, rules.check_final_proposal, problems=final_problems(cycle, today))
    for standing in rules.standings(totals(cycle)):
        FinalResult.objects.create(
            cycle=cycle,
            agency_id=standing.agency_id,
            total=standing.total,
            maximum=standing.maximum,
            percent=standing.percent,
            tier=standing.tier,
            rank=standing.rank,
        )
    approval.status = ApprovalStatus.APPROVED
    approval.decided_by = by
    approval.decided_at = moment(today)
    approval.council_reference = council_reference.strip()
    approval.council_date = council_date
    approval.save()
    audit(
        cycle,
        "evaluation.final.approve",
        user=by,
        data={
            "council": approval.council_reference,
            "results": FinalResult.objects.filter(cycle=cycle).count(),
        },
    )
    evidence.sync_trigger_dates(
        cycle, by=by, reason=f"پایان دوره ارزیابی {to_persian_digits(cycle.year)}: تصویب نتایج نهایی"
    )
    notices.after_commit(notices.notify_final_results, cycle)
    return approval


@transaction.atomic
def return_final_results(approval: FinalApproval, *, by, reason: str) -> FinalApproval:
    approval = FinalApproval.objects.select_for_update().get(pk=approval.pk)
    cycle = approval.cycle
    require(cycle, by, access.is_approver(by), "بازگرداندن نتایج نهایی با تصویب‌کننده است.")
    if approval.status != ApprovalStatus.PROPOSED:
        refuse(cycle, EvaluationRuleViolation(Rule.PROPOSAL, "این پیشنهاد در انتظار تصویب نیست."), by)
    check(cycle, by, rules.check_second_person, proposer_id=approval.proposed_by_id, approver_id=by.pk)
    if not " ".join(reason.split()):
        refuse(cycle, EvaluationRuleViolation(Rule.PROPOSAL, "دلیل بازگشت را بنویسید."), by)
    approval.status = ApprovalStatus.RETURNED
    approval.decided_by = by
    approval.decided_at = timezone.now()
    approval.returned_reason = " ".join(reason.split())
    approval.save()
    audit(cycle, "evaluation.final.return", user=by, data={"reason": approval.returned_reason})
    return approval
