"""Wagtail's migrations create a root page and a root collection «Root», groups «Moderators» and «Editors» and a workflow
«Moderators approval» with its task. Their names show in the admin (page explorer, groups, workflows,
reports), so they are given in Persian here (issue 14). Only rows still carrying Wagtail's English name
change; a name someone has already changed is left alone."""

from django.db import migrations

NAMES = {
    ("auth", "Group", "name"): {"Moderators": "ناظران", "Editors": "ویرایشگران"},
    ("wagtailcore", "Workflow", "name"): {"Moderators approval": "تأیید ناظران"},
    ("wagtailcore", "Task", "name"): {"Moderators approval": "تأیید ناظران"},
    ("wagtailcore", "Page", "title"): {"Root": "ریشه"},
    ("wagtailcore", "Collection", "name"): {"Root": "ریشه"},
}


def persian_names(apps, schema_editor):
    for (app_label, model_name, field), renames in NAMES.items():
        model = apps.get_model(app_label, model_name)
        for english, persian in renames.items():
            rows = model.objects.filter(**{field: english})
            if model_name == "Page":
                # The root; the explorer shows its draft title.
                rows.filter(depth=1).update(title=persian, draft_title=persian)
            elif model_name == "Collection":
                rows.filter(depth=1).update(name=persian)
            else:
                rows.update(**{field: persian})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [migrations.RunPython(persian_names, migrations.RunPython.noop)]
