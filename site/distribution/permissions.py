"""Who may do what with distribution lists and the acknowledgement registers (roles, not raw perms)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import ModelPermissionPolicy

from accounts.roles import Role, has_role

EDITORS = (Role.QUALITY_OFFICER,)
READERS = (Role.QUALITY_OFFICER, Role.AUDITOR)


def _has_any(user, roles) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or any(has_role(user, r) for r in roles)


def may_edit_lists(user) -> bool:
    """Quality officers keep distribution lists (ISO 9001 §7.5.3.2 a): the quality unit distributes)."""
    return _has_any(user, EDITORS)


def may_read_registers(user) -> bool:
    """Quality officers and auditors read lists, the overdue list and the per-document summary."""
    return _has_any(user, READERS)


class DistributionListPolicy(ModelPermissionPolicy):
    """Quality officers add and change lists; auditors view them; nobody deletes; nobody else sees them."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return may_edit_lists(user)
        if action == "delete":  # a list is emptied through the audited edit, never deleted
            return False
        if action == "view":
            return may_read_registers(user)
        return False

    def users_with_any_permission(self, actions):
        roles = READERS if "view" in actions else EDITORS
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True) | Q(groups__name__in=[r.value for r in roles]), is_active=True
            )
            .distinct()
        )
