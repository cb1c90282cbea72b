"""The one schedule: cron expressions as cron reads them, and each job enqueued once per due minute."""

import datetime as dt

import pytest

from worker.models import ScheduledRun
from worker.schedule import SCHEDULE, CronError, Job, due_jobs, is_due
from worker.scheduler import enqueue_due


@pytest.mark.parametrize(
    ("cron", "moment", "due"),
    [
        ("*/5 * * * *", dt.datetime(2026, 12, 2, 10, 15), True),
        ("*/5 * * * *", dt.datetime(2026, 12, 2, 10, 16), False),
        ("15 2 * * *", dt.datetime(2026, 12, 2, 2, 15), True),
        ("15 2 * * *", dt.datetime(2026, 12, 2, 3, 15), False),
        ("30 2 * * 0", dt.datetime(2026, 12, 6, 2, 30), True),  # a Sunday
        ("30 2 * * 0", dt.datetime(2026, 12, 7, 2, 30), False),  # a Monday
        ("0 7 1,15 * *", dt.datetime(2026, 12, 15, 7, 0), True),
        ("0 7 1 * 1", dt.datetime(2026, 12, 7, 7, 0), True),  # day or weekday, as cron does
        ("0 9-17 * * *", dt.datetime(2026, 12, 2, 18, 0), False),
    ],
)
def test_a_cron_expression_fires_exactly_when_cron_would(cron, moment, due):
    assert is_due(cron, moment) is due


@pytest.mark.parametrize("cron", ["* * * *", "61 * * * *", "*/0 * * * *", "x * * * *"])
def test_a_malformed_expression_is_refused(cron):
    with pytest.raises((CronError, ValueError)):
        is_due(cron, dt.datetime(2026, 12, 2, 10, 0))


def test_the_schedule_holds_the_former_cron_lines():
    names = {job.command for job in SCHEDULE}
    assert {"publish_scheduled", "apply_retention", "verify_fixity", "send_cycle_notices"} <= names
    assert [job.name for job in due_jobs(dt.datetime(2026, 12, 2, 7, 0))] == [
        "publish-scheduled",
        "content-rules",
        "cycle-notices",
        "daily-digest",
    ]
    assert [job.name for job in due_jobs(dt.datetime(2026, 12, 2, 7, 3))] == []


@pytest.mark.django_db
def test_a_due_job_is_enqueued_once_however_often_the_scheduler_looks():
    schedule = (Job("checks", "* * * * *", "check", ("--tag", "models")),)
    moment = dt.datetime(2026, 12, 2, 10, 0, 12, tzinfo=dt.UTC)
    assert enqueue_due(moment, schedule) == ["checks"]
    assert enqueue_due(moment.replace(second=50), schedule) == []
    run = ScheduledRun.objects.get()
    assert run.due_at == moment.replace(second=0) and run.task_id
