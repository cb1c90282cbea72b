"""End to end: tasks queued in the database are run by a real `manage.py db_worker` process, and a
failure is kept with its error for the administrator's «کارهای پس‌زمینه» screen."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker(database_url: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, DATABASE_URL=database_url, SANAD_TASKS_BACKEND="database")
    env["DJANGO_SETTINGS_MODULE"] = "sanad.settings.test"
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def queue_three_tasks() -> dict[str, str]:
    from worker.tasks import run_command_task, send_mails_task

    message = {"subject": "آزمون", "body": "متن", "from_email": "sanad@example.org", "to": ["a@example.org"]}
    return {
        "check": str(run_command_task.enqueue("check", ["--tag", "models"]).id),
        "mail": str(send_mails_task.enqueue([message]).id),
        "broken": str(run_command_task.enqueue("no_such_command", []).id),
    }


def statuses_in(rows) -> dict[str, tuple[str, object]]:
    return {str(row[0]).replace("-", ""): (row[1], row[2]) for row in rows}


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_real_worker_process_runs_queued_tasks_and_keeps_failures(tmp_path, admin_client):
    from django_tasks_db.models import DBTaskResult

    ids = queue_three_tasks()
    query = f"SELECT id, status, traceback FROM {DBTaskResult._meta.db_table}"
    if connection.vendor == "sqlite":
        # The test database lives in memory: hand the worker a file copy and read the outcome from it.
        copy = tmp_path / "queue.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        result = run_worker(f"sqlite:///{copy}")
        with sqlite3.connect(copy) as db:
            outcome = statuses_in(db.execute(query).fetchall())
    else:
        settings_dict = connection.settings_dict
        url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**settings_dict)
        result = run_worker(url)
        with connection.cursor() as cursor:
            cursor.execute(query)
            outcome = statuses_in(cursor.fetchall())
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = {name: outcome[task_id.replace("-", "")] for name, task_id in ids.items()}
    assert outcome["check"][0] == "SUCCESSFUL"
    assert outcome["mail"][0] == "SUCCESSFUL"
    assert outcome["broken"][0] == "FAILED" and "no_such_command" in outcome["broken"][1]


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_the_administrator_sees_a_failed_task_and_can_queue_it_again(client):
    from django_tasks_db.models import DBTaskResult

    from tests.factories import UserFactory
    from worker.tasks import run_command_task

    result = run_command_task.enqueue("no_such_command", [])
    row = DBTaskResult.objects.get(pk=result.id)
    row.status, row.traceback = "FAILED", "CommandError: Unknown command: 'no_such_command'"
    row.save()
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    page = client.get("/admin/worker/tasks/?status=FAILED").content.decode()
    assert "کار زمان‌بندی‌شده" in page and "ناموفق" in page and "no_such_command" in page
    assert "کارهای پس‌زمینه ناموفق" in client.get("/admin/").content.decode()
    response = client.post(f"/admin/worker/tasks/{row.pk}/rerun/")
    assert response.status_code == 302
    assert DBTaskResult.objects.filter(status="READY", task_path=row.task_path).count() == 1


@pytest.mark.django_db
def test_only_a_site_administrator_opens_the_task_list(client):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    assert client.get("/admin/worker/tasks/").status_code in (302, 403)
