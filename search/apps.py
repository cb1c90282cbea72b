from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Persian normaliser, number/date query parsing and search backends (issue 3)."""

    name = "search"
    label = "sanad_search"
    verbose_name = "جستجو"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import (
            checks,  # noqa: F401 - registers the index version check
            signals,
        )

        signals.connect()
