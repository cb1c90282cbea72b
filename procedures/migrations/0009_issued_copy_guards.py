"""The verification code is required and unique once every copy has one (a migration of its own: on
PostgreSQL a table cannot be altered in the transaction that just updated its rows); and the copy
register's guard triggers (``procedures.db_guards.COPY_GUARDS``)."""

from django.db import migrations, models

from procedures.db_guards import COPY_GUARDS
from sanad.dbguards import install


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0008_issued_copy_verification"),
    ]

    operations = [
        migrations.AlterField(
            model_name="issuedcopy",
            name="verification_code",
            field=models.CharField(
                editable=False,
                help_text="چاپ‌شده روی نسخه؛ /verify/<کد>/",
                max_length=10,
                unique=True,
                verbose_name="کد تصدیق",
            ),
        ),
        install(COPY_GUARDS),
    ]
