"""Guard triggers (issue 10 §3): after final approval the database refuses every write to the cycle.

See records/evaluation/db_guards.py.
"""

from django.db import migrations

from records.evaluation.db_guards import GUARDS
from sanad.dbguards import install


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0002_objection_series_and_recorded_times"),
    ]

    operations = [install(GUARDS)]
