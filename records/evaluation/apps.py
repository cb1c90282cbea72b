from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    """Evaluation cycles (issue 5): agencies, the indicator bank, cycles, self-assessment, review, results."""

    name = "records.evaluation"
    label = "evaluation"
    verbose_name = "ارزیابی عملکرد دستگاه‌ها"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from records.evaluation.evidence import register_cycle_links
        from records.evaluation.indexed_text import connect

        connect()
        register_cycle_links()
