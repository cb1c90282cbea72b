"""What a cycle's public page shows beyond its own fields, as text for the search index (issue 11 §1):
the timetable (phase names and where each comes from), the extensions granted to every agency (letter
and reason) and, once final, the ranked agencies with their tiers. Extensions and results are written
after the page is published, so their saves re-index the cycle.
"""

from __future__ import annotations

from django.db.models.signals import post_save


def cycle_shown_text(self) -> str:
    """``EvaluationCyclePage.shown_text``, one of its search fields."""
    from records.evaluation.choices import PHASE_SOURCES
    from records.evaluation.models import CycleExtension, FinalResult

    if not self.pk:
        return ""
    lines = [f"{phase.get_kind_display()} {PHASE_SOURCES.get(phase.kind, '')}" for phase in self.phases.all()]
    extensions = CycleExtension.objects.filter(cycle_id=self.pk, agency__isnull=True)
    lines += [f"{e.get_phase_display()} {e.letter_number} {e.reason}" for e in extensions]
    if self.is_final:
        results = FinalResult.objects.filter(cycle_id=self.pk).select_related("agency")
        lines += [f"{r.agency.name} {r.tier}" for r in results]
    return "\n".join(lines)


def reindex_cycle(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # a fixture or archive load: the index is rebuilt after it (update_index)
        return
    from wagtail.search import index

    from records.evaluation.models import EvaluationCyclePage

    cycle = EvaluationCyclePage.objects.filter(pk=instance.cycle_id).first()
    if cycle is not None:
        index.insert_or_update_object(cycle)


def connect() -> None:
    from records.evaluation.models import CycleExtension, FinalResult

    for model in (CycleExtension, FinalResult):
        post_save.connect(reindex_cycle, sender=model, dispatch_uid=f"reindex-cycle-{model.__name__}")
