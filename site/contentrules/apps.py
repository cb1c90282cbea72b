from django.apps import AppConfig


class ContentrulesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contentrules"
    verbose_name = "قواعد محتوا"
