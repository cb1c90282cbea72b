from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "صفحه اصلی و صفحات عمومی"

    def ready(self):
        # The public site's page cache forgets everything a publication changes (sanad.pagecache).
        from sanad import pagecache

        pagecache.connect()
