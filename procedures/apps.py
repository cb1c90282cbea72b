from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    """Controlled documents: procedures, the service statement, external references, sign-off."""

    name = "procedures"
    verbose_name = "اسناد کنترل‌شده"

    def ready(self):
        from procedures.workflow import connect_signals

        connect_signals()
