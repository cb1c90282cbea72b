"""Verifiable controlled copies (issue 13 §6): each issued copy gets a verification code, and the PDF
issued for it is kept with its SHA-256.

Copies issued before this migration get a code now; their PDF is fixed (stored and hashed) at their
first download after it, because no file was kept when they were issued.
"""

from django.db import migrations, models

from procedures.copy_rules import new_verification_code


def give_codes(apps, schema_editor):
    issued_copy = apps.get_model("procedures", "IssuedCopy")
    taken: set[str] = set()
    for copy in issued_copy.objects.filter(verification_code__isnull=True).order_by("pk"):
        code = new_verification_code()
        while code in taken:
            code = new_verification_code()
        taken.add(code)
        issued_copy.objects.filter(pk=copy.pk).update(verification_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0007_relation_effective_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="issuedcopy",
            name="verification_code",
            field=models.CharField(editable=False, max_length=10, null=True, verbose_name="کد تصدیق"),
        ),
        migrations.AddField(
            model_name="issuedcopy",
            name="issued_file",
            field=models.FileField(
                blank=True,
                editable=False,
                max_length=255,
                upload_to="controlled-copies/%Y/",
                verbose_name="پرونده صادرشده",
            ),
        ),
        migrations.AddField(
            model_name="issuedcopy",
            name="issued_sha256",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="چکیده SHA-256 پرونده صادرشده"
            ),
        ),
        migrations.RunPython(give_codes, migrations.RunPython.noop),
    ]
