"""Guard triggers (issue 10 §3): the database refuses what records' models refuse. See records/db_guards.py.

Depends on evaluation's tables: a hold on a cycle covers the records linked to it.
"""

from django.db import migrations

from records.db_guards import GUARDS
from sanad.dbguards import install


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0003_subject_tags"),
        ("evaluation", "0002_objection_series_and_recorded_times"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [install(GUARDS)]
