from django.apps import AppConfig


class BenchAppConfig(AppConfig):
    """The one indexed model the search benchmarks load and index."""

    name = "bench.benchapp"
    label = "benchapp"
    default_auto_field = "django.db.models.AutoField"
