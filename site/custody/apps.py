from django.apps import AppConfig


class CustodyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "custody"
    verbose_name = "نگهداری آنچه منتشر شده است"

    def ready(self):
        from django.db.models.signals import pre_delete

        from custody.guards import refuse_deleting_cited
        from procedures.models import ExternalReferencePage
        from records.models import RetentionSeriesPage

        # Wired here, not in custody.guards: the models' own delete() calls the guard, so the guard
        # module does not import them.
        for model in (ExternalReferencePage, RetentionSeriesPage):
            pre_delete.connect(
                refuse_deleting_cited, sender=model, dispatch_uid=f"custody-cited-{model.__name__}"
            )
