"""One row per scheduled job and minute it was due: the scheduler enqueues each at most once, even when
restarted or run twice."""

from django.db import models


class ScheduledRun(models.Model):
    job = models.CharField("کار", max_length=64)
    due_at = models.DateTimeField("زمان مقرر")
    task_id = models.CharField("شناسه کار صف", max_length=64, blank=True)
    enqueued_at = models.DateTimeField("زمان در صف گذاشتن", auto_now_add=True)

    class Meta:
        verbose_name = "اجرای زمان‌بندی‌شده"
        verbose_name_plural = "اجراهای زمان‌بندی‌شده"
        constraints = [models.UniqueConstraint(fields=["job", "due_at"], name="worker_run_once_per_due_time")]
        ordering = ["-due_at"]

    def __str__(self) -> str:
        return f"{self.job} @ {self.due_at:%Y-%m-%d %H:%M}"
