"""A small read-only JSON API of submissions, for agencies' own tools and for the evaluators.

Session authentication (the same log-in as the admin). An agency user lists and reads only their own
agency's submissions; any other id answers 404. Evaluators' scores appear to an agency only once its
initial results are released. Anonymous requests get 401, people with no part in evaluation 403.
"""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from jalali.calendar import format_jalali, format_jalali_datetime
from jalali.digits import read_integer
from records.evaluation import access
from records.evaluation.models import Answer, Review, Submission
from records.evaluation.rules import format_score


def _deny(request):
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "ابتدا وارد سامانه شوید."}, status=401)
    if not access.may_use_evaluation(request.user):
        return JsonResponse(
            {"detail": "ارزیابی عملکرد فقط برای کاربران دستگاه‌ها و ارزیابان سازمان است."}, status=403
        )
    return None


def _iso(value):
    return value.isoformat() if value else None


def _summary(submission: Submission) -> dict:
    return {
        "id": submission.pk,
        "cycle": {"id": submission.cycle_id, "year": submission.cycle.year, "title": submission.cycle.title},
        "agency": {
            "id": submission.agency_id,
            "code": submission.agency.code,
            "name": submission.agency.name,
        },
        "finalised_at": _iso(submission.finalised_at),
        "finalised_at_jalali": format_jalali_datetime(submission.finalised_at),
        "released_at": _iso(submission.released_at),
        "released_at_jalali": format_jalali_datetime(submission.released_at),
    }


@require_GET
def submissions(request):
    denied = _deny(request)
    if denied:
        return denied
    queryset = access.filter_by_agency(
        Submission.objects.select_related("cycle", "agency").order_by("-cycle__year", "agency__code"),
        request.user,
    )
    if cycle := request.GET.get("cycle"):
        cycle_id = read_integer(cycle)
        if cycle_id is None:
            return JsonResponse({"detail": "شماره دوره باید عدد باشد."}, status=400)
        queryset = queryset.filter(cycle_id=cycle_id)
    return JsonResponse({"count": queryset.count(), "items": [_summary(s) for s in queryset]})


@require_GET
def submission_detail(request, submission_id: int):
    denied = _deny(request)
    if denied:
        return denied
    submission = (
        access.filter_by_agency(Submission.objects.select_related("cycle", "agency"), request.user)
        .filter(pk=submission_id)
        .first()
    )
    if submission is None:
        raise Http404("یافت نشد")
    show_reviews = access.is_staff_reader(request.user) or bool(submission.released_at)
    reviews = (
        {r.indicator_id: r for r in Review.objects.filter(submission=submission)} if show_reviews else {}
    )
    answers = []
    for answer in (
        Answer.objects.filter(submission=submission).select_related("indicator").order_by("indicator__code")
    ):
        review = reviews.get(answer.indicator_id)
        answers.append(
            {
                "indicator": {
                    "code": answer.indicator.code,
                    "title": answer.indicator.title,
                    "max_score": format_score(answer.indicator.max_score),
                },
                "self_score": format_score(answer.self_score),
                "narrative": answer.narrative,
                "evidence": [
                    {
                        "name": f.record.files.first().name,
                        "sha256": f.record.files.first().sha256,
                        "record": f.record.reference_number,
                        "disposition_due_on": _iso(f.record.disposition_due_on),
                        "disposition_due_on_jalali": format_jalali(f.record.disposition_due_on),
                    }
                    for f in answer.current_files()
                ],
                "review": {"score": format_score(review.score), "comment": review.comment}
                if review
                else None,
            }
        )
    return JsonResponse({**_summary(submission), "answers": answers})
