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

Backends. ``run_firing_task`` runs where ``TASKS`` says (site/worker/): in production in the worker
(``manage.py db_worker``, django-tasks-db's DatabaseBackend); in the tests and the SQLite demo at once,
after the commit, in the process that committed the event. Either way the firing table is the durable
record: a crash between commit and action leaves a pending row that the next ``run_content_rules``
(queued every 15 minutes by ``manage.py run_scheduler``) picks up.
"""
