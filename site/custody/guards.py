"""Below the admin: a cited reference or series is refused deletion on every ORM path.

``page.delete()``, ``QuerySet.delete()``, ``_base_manager`` deletes and a parent's delete all go through
Django's collector, which sends ``pre_delete`` for each row it is about to remove.
"""

from __future__ import annotations


def refuse_deleting_cited(sender, instance, **kwargs):
    refuse_if_cited(instance)


def refuse_if_cited(instance) -> None:
    """Raise (after writing the refusal to the audit log) when a published revision cites ``instance``."""
    from custody import rules
    from procedures.audit import record_refusal
    from procedures.citations import citing_codes

    codes = citing_codes([instance])
    if codes:
        try:
            rules.check_not_cited(codes)
        except rules.CustodyViolation as exc:
            record_refusal(instance, exc)
            raise
