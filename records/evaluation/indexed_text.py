"""A cycle's public page shows more than its own fields (``EvaluationCyclePage.shown_text``, issue 11
§1): extensions and results are written after the page is published, so their saves re-index the cycle.
"""

from __future__ import annotations

from django.db.models.signals import post_save


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
