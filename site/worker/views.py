"""«کارهای پس‌زمینه»: what the worker ran, what failed and why, and a button to run a failed task again.
Site administrators only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from worker.labels import STATUS_LABELS, task_label

PAGE_SIZE = 100


def _require_superuser(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied("فقط مدیر سامانه کارهای پس‌زمینه را می‌بیند.")


def task_list(request):
    _require_superuser(request)
    status = request.GET.get("status", "")
    results = DBTaskResult.objects.order_by("-enqueued_at")
    if status in STATUS_LABELS:
        results = results.filter(status=status)
    rows = [
        {
            "result": result,
            "label": task_label(result.task_path),
            "status": STATUS_LABELS.get(result.status, result.status),
            "error": result.traceback.strip().splitlines()[-1] if result.traceback.strip() else "",
        }
        for result in results[:PAGE_SIZE]
    ]
    return TemplateResponse(
        request,
        "worker/task_list.html",
        {"rows": rows, "statuses": STATUS_LABELS, "status": status},
    )


@require_POST
def rerun(request, result_id):
    _require_superuser(request)
    result = get_object_or_404(DBTaskResult, pk=result_id, status="FAILED")
    result.task.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    messages.success(request, f"کار «{task_label(result.task_path)}» دوباره در صف گذاشته شد.")
    return redirect("worker_tasks")
