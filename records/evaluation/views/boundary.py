"""The agency boundary of the evaluation screens: every view first asks ``records.evaluation.access``.

An agency user reaches only their own agency (any other agency id is a 404, so guessing URLs confirms
nothing); evaluators, approvers and auditors read everything.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from procedures.rules import ControlRuleViolation
from records.evaluation import access
from records.evaluation.models import Agency, CycleIndicator, EvaluationCyclePage, EvidenceFile


def gate(request) -> None:
    if not access.may_use_evaluation(request.user):
        raise PermissionDenied("ارزیابی عملکرد فقط برای کاربران دستگاه‌ها و ارزیابان سازمان است.")


def staff_only(request) -> None:
    if not access.is_staff_reader(request.user):
        raise PermissionDenied("این صفحه برای ارزیابان، تصویب‌کنندگان و ممیزان سازمان است.")


def get_cycle(request, cycle_id: int) -> EvaluationCyclePage:
    gate(request)
    cycle = get_object_or_404(EvaluationCyclePage, pk=cycle_id)
    visible = access.visible_agency_ids(request.user)
    if visible is not None and not cycle.agencies.filter(pk__in=visible).exists():
        raise Http404("یافت نشد")
    return cycle


def get_agency(request, cycle: EvaluationCyclePage, agency_id: int) -> Agency:
    access.check_may_see_agency(request.user, agency_id)
    agency = cycle.agencies.filter(pk=agency_id).first()
    if agency is None:
        raise Http404("یافت نشد")
    return agency


def get_indicator(cycle, agency, indicator_id: int) -> CycleIndicator:
    indicator = CycleIndicator.objects.filter(pk=indicator_id, cycle_id=cycle.pk).first()
    if indicator is None or not indicator.applies_to(agency.pk):
        raise Http404("یافت نشد")
    return indicator


def get_evidence(request, evidence_id: int) -> EvidenceFile:
    gate(request)
    item = get_object_or_404(
        EvidenceFile.objects.select_related(
            "answer__submission__cycle", "answer__submission__agency", "answer__indicator", "record"
        ),
        pk=evidence_id,
    )
    access.check_may_see_agency(request.user, item.answer.submission.agency_id)
    return item


def refused(request, exc: ControlRuleViolation) -> None:
    messages.error(request, str(exc.message if hasattr(exc, "message") else exc))


def submission_url(cycle, agency) -> str:
    return reverse("evaluation_submission", args=[cycle.pk, agency.pk])
