"""The background tasks that are not any one app's: a management command, a batch of e-mails.

They run where ``TASKS`` says: at once after commit (ImmediateBackend: tests, the SQLite demo) or in
``manage.py db_worker`` (DatabaseBackend, production), where a failure is kept with its traceback and
shown under «کارهای پس‌زمینه».
"""

from __future__ import annotations

import io

from django.core.mail import EmailMessage, get_connection
from django.core.management import call_command
from django_tasks import task


@task()
def run_command_task(command: str, args: list[str]) -> str:
    """Run a scheduled management command; its output is the task's result, its exception the failure."""
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=out)
    return out.getvalue()[-4000:]


def serialise_messages(messages: list[EmailMessage]) -> list[dict]:
    return [
        {"subject": m.subject, "body": m.body, "from_email": m.from_email, "to": list(m.to)} for m in messages
    ]


@task()
def send_mails_task(messages: list[dict]) -> int:
    """Send e-mails built in a request; a failing mail server fails the task (kept, visible, re-runnable)."""
    built = [EmailMessage(**message) for message in messages]
    return get_connection(fail_silently=False).send_messages(built) or 0
