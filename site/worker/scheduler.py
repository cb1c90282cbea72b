"""Enqueue the jobs due at a minute, each once (``ScheduledRun`` is unique per job and due time)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from worker.models import ScheduledRun
from worker.schedule import SCHEDULE, Job, due_jobs
from worker.tasks import run_command_task


def enqueue_due(moment: dt.datetime, schedule: tuple[Job, ...] = SCHEDULE) -> list[str]:
    """Enqueue every job due at ``moment`` (truncated to the minute) not yet enqueued; return their names."""
    minute = moment.replace(second=0, microsecond=0)
    enqueued = []
    for job in due_jobs(minute, schedule):
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, due_at=minute)
                result = run_command_task.enqueue(job.command, list(job.args))
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # another scheduler (or an earlier start) enqueued it
        enqueued.append(job.name)
    return enqueued
