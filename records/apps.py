from django.apps import AppConfig


class RecordsConfig(AppConfig):
    """Retention schedule, records, holds and evaluation cycles (issues 4 and 5)."""

    name = "records"
    verbose_name = "سوابق و ارزیابی"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Wagtail's Document is not ours to subclass: its saves and deletes are guarded by signal.
        from records import signals  # noqa: F401
