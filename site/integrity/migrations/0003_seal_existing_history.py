"""Start the chain on a database that already has history.

First one «integrity.baseline» entry per registered revision (its stored content hash and its
signatures' fingerprint) and per record with files (each file's stored SHA-256), so what existed
before the chain is anchored as it stood at the upgrade; then every audit entry is sealed, oldest
first. On a new database there is nothing to do.
"""

from django.db import migrations
from django.utils import timezone

from integrity.chain import seal_unsealed
from procedures.fingerprints import signoffs_sha256

ACTION = "integrity.baseline"


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def forwards(apps, schema_editor):
    db = schema_editor.connection.alias
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    AuditSeal = apps.get_model("integrity", "AuditSeal")
    ControlledRevision = apps.get_model("procedures", "ControlledRevision")
    SignOff = apps.get_model("procedures", "SignOff")
    RecordFile = apps.get_model("records", "RecordFile")
    Record = apps.get_model("records", "Record")
    ContentType = apps.get_model("contenttypes", "ContentType")
    now = timezone.now()

    revisions = list(ControlledRevision.objects.using(db).order_by("pk"))
    if revisions:
        ct = _content_type(apps, "procedures", "controlledrevision")
        for controlled in revisions:
            signoffs = SignOff.objects.using(db).filter(controlled_revision_id=controlled.pk)
            ModelLogEntry.objects.using(db).create(
                content_type=ct,
                object_id=str(controlled.pk),
                label=controlled.code,
                action=ACTION,
                timestamp=now,
                data={
                    "controlled_revision": controlled.pk,
                    "content_sha256": controlled.content_sha256,
                    "signoffs_sha256": signoffs_sha256(signoffs),
                },
            )
    files: dict[int, dict[str, str]] = {}
    for pk, record_id, sha256 in RecordFile.objects.using(db).order_by("pk").values_list("pk", "record_id", "sha256"):
        files.setdefault(record_id, {})[str(pk)] = sha256
    if files:
        ct = _content_type(apps, "records", "record")
        titles = dict(Record.objects.using(db).filter(pk__in=files).values_list("pk", "title"))
        for record_id, hashes in sorted(files.items()):
            ModelLogEntry.objects.using(db).create(
                content_type=ct,
                object_id=str(record_id),
                label=titles.get(record_id, str(record_id)),
                action=ACTION,
                timestamp=now,
                data={"record_files": hashes},
            )

    keys = {pk: f"{app}.{model}" for pk, app, model in ContentType.objects.using(db).values_list("pk", "app_label", "model")}
    seal_unsealed(PageLogEntry, ModelLogEntry, AuditSeal, keys.get, using=db)


class Migration(migrations.Migration):
    dependencies = [
        ("integrity", "0002_append_only_seals"),
        ("wagtailcore", "__latest__"),
        ("contenttypes", "__latest__"),
        ("procedures", "0005_subject_tags"),
        ("records", "0003_subject_tags"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
