"""The django-tasks task that runs one firing's action (see the package docstring for the backends)."""

from __future__ import annotations

from django_tasks import task

from contentrules.running import perform


@task()
def run_firing_task(firing_id: int) -> str:
    """Run the action of firing ``firing_id``; the firing row records the outcome, never this task."""
    return perform(firing_id)
