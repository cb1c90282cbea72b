from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "برون‌بری و درون‌بری کل بایگانی"
