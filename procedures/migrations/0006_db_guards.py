"""Guard triggers (issue 10 §3): the database refuses what procedures' models refuse. See procedures/db_guards.py."""

from django.db import migrations

from procedures.db_guards import GUARDS, HISTORY_GUARDS
from sanad.dbguards import install


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0005_subject_tags"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [install(GUARDS + HISTORY_GUARDS)]
