from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "صفحه اصلی و صفحات عمومی"
