"""Which records an evaluation cycle holds: a registry owned by records' core, filled in by evaluation.

A hold on a cycle covers every record linked to the cycle (evidence files, objection files). Records' core
knows nothing of evaluation, so the evaluation app registers its links at ``ready()``
(``records.evaluation.evidence.register_cycle_links``): each is a model with a ``record`` foreign key and
the lookup path from that model to the cycle's id. The database guard (``records.db_guards.held``) spells
the same links out in SQL.
"""

from __future__ import annotations

from django.db.models import Q

_LINKS: list[tuple[type, str]] = []


def register_cycle_link(model: type, path_to_cycle: str) -> None:
    """``model`` links a record (its ``record`` foreign key) to the cycle at ``path_to_cycle``."""
    if (model, path_to_cycle) not in _LINKS:
        _LINKS.append((model, path_to_cycle))


def cycle_links() -> tuple[tuple[type, str], ...]:
    return tuple(_LINKS)


def records_of_cycles_q(cycle_ids) -> Q:
    """A filter on ``Record`` for every record linked to one of ``cycle_ids`` (a list or a subquery)."""
    condition = Q(pk__in=[])
    for model, path in cycle_links():
        condition |= Q(pk__in=model.objects.filter(**{f"{path}__in": cycle_ids}).values("record_id"))
    return condition


def linked_to_cycles_of_record_q(record_id, field: str = "cycle_id") -> Q:
    """A filter on a model with a cycle ``field`` (a hold): its cycle is one the record is linked to."""
    condition = Q(pk__in=[])
    for model, path in cycle_links():
        condition |= Q(**{f"{field}__in": model.objects.filter(record_id=record_id).values(path)})
    return condition
