"""``{% revision_change_summary controlled as summary %}``: what a revision changed against the one before.

Used at the end of every printed revision (``procedures/pdf/_change_summary.html``)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def revision_change_summary(controlled) -> dict:
    """``{"previous": ControlledRevision | None, "lines": [...], "reason": str, "first_issue": bool}``."""
    from procedures.changes import FIRST_ISSUE, summary_lines
    from procedures.revision_content import compare_revisions, previous_revision

    if controlled is None:
        return {"previous": None, "lines": [], "reason": "", "first_issue": False}
    previous = previous_revision(controlled)
    if previous is None:
        # Revision 00 is the first issue; a later number with nothing registered before it was
        # imported from paper without its predecessors.
        first = controlled.number == 0
        line = FIRST_ISSUE if first else "بازنگری پیشین این سند در سامانه ثبت نشده است؛ مقایسه‌ای در دست نیست."
        return {"previous": None, "lines": [line], "reason": controlled.change_reason, "first_issue": first}
    lines = summary_lines(compare_revisions(previous, controlled))
    return {"previous": previous, "lines": lines, "reason": controlled.change_reason, "first_issue": False}


@register.simple_tag
def previous_controlled(controlled):
    """The registered revision before ``controlled``, for the link to what it changed."""
    from procedures.revision_content import previous_revision

    return previous_revision(controlled) if controlled is not None and controlled.pk else None
