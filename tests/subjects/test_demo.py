"""The demo tags the seed content; anonymous visitors see only its public part."""

import pytest
from django.core.management import call_command

from subjects.models import SubjectTag

pytestmark = pytest.mark.django_db


def test_demo_tags_seed_content_and_the_subject_page_shows_its_public_part(client, tmp_path, settings):
    from procedures.models import ExternalReferencePage, ProcedurePage, ServiceStatementPage
    from records.models import Record

    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo", quiet_users=True)
    procedure = ProcedurePage.objects.get(slug="performance-evaluation")
    assert "ارزیابی عملکرد" in set(procedure.tags.names())
    # the next revision drafted in the editor keeps them
    assert "ارزیابی عملکرد" in set(procedure.get_latest_revision_as_object().tags.names())
    assert "جشنواره شهید رجایی" in set(ServiceStatementPage.objects.get().tags.names())
    assert {"بخشنامه", "دفاتر مدیریت عملکرد"} <= set(
        ExternalReferencePage.objects.get(slug="circular-36773-91-210").tags.names()
    )
    assert Record.objects.filter(tags__name="خودارزیابی").exists()

    slug = SubjectTag.objects.get(name="ارزیابی عملکرد").slug
    html = client.get(f"/subjects/{slug}/").content.decode()
    assert "وظايف و ضوابط سازماندهی دفاتر مديريت عملكرد" in html
    assert "مستندات خودارزیابی" not in html  # records stay private

    before = SubjectTag.objects.count()
    call_command("load_demo", quiet_users=True)
    assert SubjectTag.objects.count() == before
