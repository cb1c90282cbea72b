from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    """Evaluation cycles (issue 5): agencies, the indicator bank, cycles, self-assessment, review, results."""

    name = "records.evaluation"
    label = "evaluation"
    verbose_name = "ارزیابی عملکرد دستگاه‌ها"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from records.evaluation import views_public
        from records.evaluation.evidence import register_cycle_links
        from records.evaluation.forms import EvaluationCyclePageForm
        from records.evaluation.indexed_text import connect
        from records.evaluation.models import EvaluationCyclePage, EvaluationIndexPage

        connect()
        register_cycle_links()
        # The pages' form and views import the models; the models do not import them (issue 15).
        EvaluationCyclePage.base_form_class = EvaluationCyclePageForm
        EvaluationIndexPage.route_views.register(
            indicator_bank=views_public.indicator_bank, indicator_detail=views_public.indicator_detail
        )
