from django.apps import AppConfig


class DistributionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "distribution"
    verbose_name = "توزیع و تأیید مطالعه"

    def ready(self) -> None:
        from distribution import signals

        signals.connect()
