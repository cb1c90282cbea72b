"""Admin wiring for the worker: «کارهای پس‌زمینه» under settings, and a dashboard panel of failures."""

from __future__ import annotations

import datetime as dt

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from worker import views


@hooks.register("register_admin_urls")
def worker_urls():
    return [
        path("worker/tasks/", views.task_list, name="worker_tasks"),
        path("worker/tasks/<uuid:result_id>/rerun/", views.rerun, name="worker_rerun"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def worker_menu_item():
    return SuperuserMenuItem("کارهای پس‌زمینه", reverse("worker_tasks"), icon_name="cogs", order=910)


class FailedTasksPanel(Component):
    name = "failed_tasks"
    order = 40
    template_name = "worker/failed_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": reverse("worker_tasks") + "?status=FAILED"}


@hooks.register("construct_homepage_panels")
def failed_tasks_panel(request, panels):
    if not request.user.is_superuser:
        return
    from django_tasks_db.models import DBTaskResult

    since = timezone.now() - dt.timedelta(days=7)
    count = DBTaskResult.objects.filter(status="FAILED", enqueued_at__gte=since).count()
    if count:
        panels.append(FailedTasksPanel(count))
