"""Who sees and does what in an evaluation cycle. Every view, the API and the services ask here.

- An agency user (role «کاربر دستگاه اجرایی» with an ``AgencyMember`` row) sees and edits only their own
  agency's submission; another agency's id answers 404, as if it did not exist.
- Evaluators, approvers, auditors and superusers read every agency's submission (``STAFF_READERS``).
- Evaluators score, release results, answer objections, grant extensions and propose final results;
  an approver (a second person) approves them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.roles import Role, has_role

STAFF_READERS = (Role.EVALUATOR, Role.APPROVER, Role.AUDITOR)
EVALUATORS = (Role.EVALUATOR,)
APPROVERS = (Role.APPROVER,)


def agency_of(user):
    """The agency a user works for, or None."""
    if user is None or not user.is_authenticated:
        return None
    from records.evaluation.models import AgencyMember

    membership = AgencyMember.objects.filter(user_id=user.pk).select_related("agency").first()
    return membership.agency if membership else None


def is_staff_reader(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and (user.is_superuser or any(has_role(user, r) for r in STAFF_READERS))
    )


def is_evaluator(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and (user.is_superuser or has_role(user, Role.EVALUATOR))
    )


def is_approver(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and (user.is_superuser or has_role(user, Role.APPROVER))
    )


def is_agency_user(user) -> bool:
    return bool(has_role(user, Role.AGENCY_USER) and agency_of(user) is not None)


def may_use_evaluation(user) -> bool:
    return is_staff_reader(user) or is_agency_user(user)


def visible_agency_ids(user) -> set[int] | None:
    """None means every agency (staff); otherwise the ids this user may see (their own, or none)."""
    if is_staff_reader(user):
        return None
    agency = agency_of(user) if has_role(user, Role.AGENCY_USER) else None
    return {agency.pk} if agency else set()


def check_may_see_agency(user, agency_id: int) -> None:
    """404 for another agency's data (its existence is not confirmed); 403 for people with no part in it."""
    visible = visible_agency_ids(user)
    if visible is None:
        return
    if not visible:
        raise PermissionDenied("ارزیابی عملکرد فقط برای کاربران دستگاه‌ها و ارزیابان سازمان است.")
    if agency_id not in visible:
        raise Http404("یافت نشد")


def filter_by_agency(queryset, user, field: str = "agency_id"):
    """``queryset`` narrowed to what ``user`` may see."""
    visible = visible_agency_ids(user)
    if visible is None:
        return queryset
    return queryset.filter(**{f"{field}__in": visible})


def is_own_agency(user, agency_id: int) -> bool:
    agency = agency_of(user)
    return bool(agency is not None and agency.pk == agency_id and has_role(user, Role.AGENCY_USER))
