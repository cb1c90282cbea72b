from django.apps import AppConfig


class IntegrityConfig(AppConfig):
    """What cannot be refused is detected: the audit hash chain, daily digests, ``verify_integrity``."""

    name = "integrity"
    verbose_name = "درستی سوابق ممیزی"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from integrity import receivers  # noqa: F401
