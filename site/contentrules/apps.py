"""Content rules: when something happens in a folder or content type, do something; every firing logged (issue #7 §4)."""

from django.apps import AppConfig


class ContentrulesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contentrules"
    verbose_name = "قواعد محتوا"

    def ready(self) -> None:
        from contentrules.receivers import connect

        connect()
