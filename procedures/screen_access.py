"""Who may open the quality unit's own admin screens: one answer for the screen and its menu item, so a
menu never offers a screen that would then refuse (issue 14)."""

from __future__ import annotations

from accounts.roles import Role, has_role

WITHDRAWAL_READERS = (Role.APPROVER, Role.AUDITOR, Role.QUALITY_OFFICER)
CONTROL_LOG_READERS = (Role.AUDITOR, Role.QUALITY_OFFICER, Role.APPROVER, Role.CONFIRMER)


def may_see_withdrawals(user) -> bool:
    """The withdrawal queue: requesters (quality officers), deciders (approvers) and auditors."""
    return any(has_role(user, role) for role in WITHDRAWAL_READERS)


def may_read_control_log(user) -> bool:
    """The control log (ISO 9001 §7.5.3.2: changes to documented information are controlled and traceable):
    the quality unit, its signers and auditors."""
    return bool(user.is_superuser) or any(has_role(user, role) for role in CONTROL_LOG_READERS)
