"""Replacement, repeal and amendment carry the day they took effect (issue 13 §3).

Existing relations get the acting reference's own date: no other day is recorded for them, and the
demo's one (seed 002: circular ۳۶۷۷۳/۹۱/۲۱۰ replaces ۳۵۶۶۵/۱۸۰۱) names none but its own date.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def from_source_date(apps, schema_editor):
    relation = apps.get_model("procedures", "ReferenceRelation")
    reference = apps.get_model("procedures", "ExternalReferencePage")
    relation.objects.filter(effective_date__isnull=True).update(
        effective_date=Subquery(reference.objects.filter(pk=OuterRef("source_id")).values("date")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0006_db_guards"),
    ]

    operations = [
        migrations.AddField(
            model_name="referencerelation",
            name="effective_date",
            field=models.DateField(
                blank=True,
                help_text="روزی که جایگزینی، لغو یا اصلاح اجرا شد؛ خالی: تاریخ همین سند.",
                null=True,
                verbose_name="تاریخ اجرا",
            ),
        ),
        migrations.RunPython(from_source_date, migrations.RunPython.noop),
    ]
