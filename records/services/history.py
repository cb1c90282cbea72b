"""Who and why on the history versions (django-simple-history) that every records write keeps."""

from __future__ import annotations

#: The length of django-simple-history's ``history_change_reason`` column (varchar on PostgreSQL).
HISTORY_REASON_LENGTH = 100


def clip_reason(reason: str) -> str:
    """A reason that fits the history column; the whole text stays in the audit log and the model."""
    reason = " ".join(str(reason).split())
    return reason if len(reason) <= HISTORY_REASON_LENGTH else reason[: HISTORY_REASON_LENGTH - 1] + "…"


def versioned(instance, user, reason: str):
    """Say who and why for the history version the next ``save`` writes."""
    instance._history_user = user
    instance._change_reason = clip_reason(reason)
    return instance
