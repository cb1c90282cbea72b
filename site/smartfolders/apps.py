from django.apps import AppConfig


class SmartfoldersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "smartfolders"
    verbose_name = "مجموعه‌های جست‌وجو"
