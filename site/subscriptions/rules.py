"""What a subscription matches, and what it must name: small pure functions (issue 13 §6).

Source: ISO 9001 §7.5.3.1 a and §8.2.1 (documented information of external origin is available where it
is needed; customers — here the agencies — are told of what concerns them). Nothing here touches the
database: the service passes the facts of the reference and of the subscription.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class SubscriptionError(Exception):
    """A subscription write refused; ``message`` is shown to the user as it is (Persian)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ReferenceFacts:
    """What matching needs to know of one published reference."""

    page_id: int
    ref_type: str
    authority_id: int | None
    subject_ids: frozenset[int] = field(default_factory=frozenset)
    #: The collections (saved searches) whose results hold this reference, computed by the caller.
    collection_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Criteria:
    """What a subscription follows; an empty value is no condition."""

    ref_type: str = ""
    authority_id: int | None = None
    subject_id: int | None = None
    collection_id: int | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.ref_type or self.authority_id or self.subject_id or self.collection_id)


def check_criteria(criteria: Criteria) -> None:
    """A subscription names at least one thing to follow; one that named nothing would mail everything."""
    if criteria.is_empty:
        raise SubscriptionError("دست‌کم یکی را برگزینید: نوع سند، مرجع صدور، موضوع یا مجموعه جست‌وجو.")


def matches(criteria: Criteria, reference: ReferenceFacts) -> bool:
    """Every condition the subscription names holds for the reference (and it names at least one)."""
    if criteria.is_empty:
        return False
    return (
        (not criteria.ref_type or criteria.ref_type == reference.ref_type)
        and (not criteria.authority_id or criteria.authority_id == reference.authority_id)
        and (not criteria.subject_id or criteria.subject_id in reference.subject_ids)
        and (not criteria.collection_id or criteria.collection_id in reference.collection_ids)
    )


def change_kind(first_published_at: dt.datetime | None, last_published_at: dt.datetime | None) -> str:
    """«new» on a reference's first publication (Wagtail stamps both times alike), else «changed»."""
    if first_published_at is None or last_published_at is None or first_published_at == last_published_at:
        return "new"
    return "changed"
