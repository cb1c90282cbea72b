"""Subject keywords (normalised tags), subject pages and Dublin Core metadata (issue #7 §1, §5)."""

from django.apps import AppConfig


class SubjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subjects"
    verbose_name = "موضوعات"

    def ready(self) -> None:
        from subjects import signals

        signals.connect()
