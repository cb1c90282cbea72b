from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    """Controlled documents: procedures, the service statement, external references, sign-off."""

    name = "procedures"
    verbose_name = "اسناد کنترل‌شده"

    def ready(self):
        from procedures import services, signals
        from procedures.models import ControlledRevision
        from procedures.workflow import connect_signals

        connect_signals()
        # The page model announces an approved revision going live; the service puts it in force.
        signals.approved_revision_live.connect(
            services.activate_when_live, sender=ControlledRevision, dispatch_uid="sanad-activate-revision"
        )
