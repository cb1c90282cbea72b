"""Content rules (issue #7 §4): «when X happens in folder F / to type T, do Y», every firing logged.

Events: a page published (Wagtail's ``page_published``); a controlled revision in force, superseded
or withdrawn (``procedures.signals``, sent after commit); a periodic review overdue and a deadline
within N days (evaluation-cycle phase ends with their extensions, records' disposition dates,
announcements' last display day), found by ``manage.py run_content_rules``.

Actions: email a group, add a line to the group's daily digest (``manage.py send_daily_digest``),
notify the page's distribution list (``distribution.services.notify_distribution``).

How actions run. Each firing is a ``Firing`` row (unique key rule + object + occurrence, so nothing
fires twice); after commit ``run_firing_task`` (a django-tasks task) runs its action. A failure marks
the row failed with the error and a next attempt (backoff 15, 30, 60 … minutes,
``CONTENTRULES_RETRY_MINUTES``); ``run_content_rules`` re-enqueues due ones; after
``CONTENTRULES_MAX_ATTEMPTS`` (5) it is «ناموفق نهایی»: on the admin dashboard and emailed to the
superusers and ``ADMINS``.

Backends. ``TASKS`` stays on django-tasks' ``ImmediateBackend`` (tests, the SQLite demo, and a
single-server production): the action runs in the process that committed the event, right after
the commit, and the firing table plus the cron job are the durable queue — a crash between commit and
action leaves a pending row that the next ``run_content_rules`` picks up. To move actions (and
Wagtail's own tasks) out of web requests, install ``django-tasks-db`` (the DatabaseBackend, split out
of django-tasks 0.12), set ``TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}`` in
production settings, migrate, and run ``manage.py db_worker`` under systemd next to the web server.
Either way cron runs::

    */15 * * * *  python manage.py run_content_rules    # time-based events; retries of failed actions
    0 7 * * *     python manage.py send_daily_digest    # one digest email per subscriber group
"""
