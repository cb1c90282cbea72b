"""Distribution's background task: asking a revision's recipients to acknowledge it, off the request
that published it (the worker in production, at once after commit in tests and the demo)."""

from __future__ import annotations

from django_tasks import task


@task()
def request_acknowledgements_task(controlled_id: int) -> int:
    from distribution.services import request_acknowledgements
    from procedures.models import ControlledRevision

    return request_acknowledgements(ControlledRevision.objects.get(pk=controlled_id))
