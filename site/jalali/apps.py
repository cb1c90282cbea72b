"""The Jalali calendar app: Solar Hijri parsing, display and admin date widgets for Sanad."""

from django.apps import AppConfig


class JalaliConfig(AppConfig):
    name = "jalali"
    verbose_name = "تقویم هجری شمسی"

    def ready(self) -> None:
        # Register the admin date-field overrides before any Wagtail form class is built.
        from . import wagtail_hooks  # noqa: F401
