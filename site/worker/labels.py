"""Persian names for the worker's statuses and tasks, as the admin shows them."""

from __future__ import annotations

STATUS_LABELS = {
    "READY": "در صف",
    "RUNNING": "در حال اجرا",
    "FAILED": "ناموفق",
    "SUCCESSFUL": "انجام شد",
}

TASK_LABELS = {
    "worker.tasks.run_command_task": "کار زمان‌بندی‌شده",
    "worker.tasks.send_mails_task": "ارسال رایانامه",
    "contentrules.tasks.run_firing_task": "اقدام قاعده محتوا",
    "distribution.tasks.request_acknowledgements_task": "درخواست تأیید مطالعه",
    "subscriptions.tasks.notify_subscribers_task": "اعلان به مشترکان مستندات",
}


def task_label(task_path: str) -> str:
    return TASK_LABELS.get(task_path, task_path.rsplit(".", 1)[-1])
