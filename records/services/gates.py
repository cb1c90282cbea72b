"""Who may write records, and how a refusal is recorded: the role groups of the records services and
the one way each of them refuses (in the audit log of what was refused, then raised).
"""

from __future__ import annotations

from collections.abc import Iterable

from accounts.roles import Role, has_role
from procedures.audit import record_refusal
from records.rules import RecordsRuleViolation, Rule

RECORD_KEEPERS = (Role.RECORDS_MANAGER, Role.QUALITY_OFFICER)
HOLD_PLACERS = (Role.RECORDS_MANAGER, Role.QUALITY_OFFICER, Role.APPROVER)
SECOND_PERSONS = (Role.RECORDS_MANAGER, Role.APPROVER)


def refuse(instance, exc: RecordsRuleViolation, user) -> None:
    """Write the refusal to the audit log of ``instance`` (Persian reason, who), then raise it."""
    record_refusal(instance, exc, user=user)
    raise exc


def require_role(user, roles: Iterable[Role], what: str, instance=None) -> None:
    """Refuse ``what`` unless ``user`` is a superuser or holds one of ``roles`` (audited on a saved instance)."""
    if user is not None and (user.is_superuser or any(has_role(user, r) for r in roles)):
        return
    names = "، ".join(r.value for r in roles)
    exc = RecordsRuleViolation(Rule.ROLE, f"{what} با {names} است.")
    if instance is not None and getattr(instance, "pk", None):
        refuse(instance, exc, user)
    raise exc
