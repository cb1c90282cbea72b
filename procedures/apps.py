from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    """Controlled documents: procedures, the service statement, external references, sign-off."""

    name = "procedures"
    verbose_name = "اسناد کنترل‌شده"

    def ready(self):
        from procedures import compare_views, services, signals
        from procedures.models import ControlledRevision
        from procedures.models.routes import ControlledPageRoutes
        from procedures.workflow import connect_signals

        connect_signals()
        # The page model announces an approved revision going live; the service puts it in force.
        signals.approved_revision_live.connect(
            services.activate_when_live, sender=ControlledRevision, dispatch_uid="sanad-activate-revision"
        )
        # The comparison's views import the pages; the pages' routes reach them through this registry.
        ControlledPageRoutes.route_views.register(
            compare_choice=compare_views.serve_choice, compare=compare_views.serve_compare
        )
