from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "subscriptions"
    verbose_name = "اشتراک مستندات"

    def ready(self) -> None:
        from subscriptions import receivers

        receivers.connect()
