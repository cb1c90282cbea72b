"""The auditor reads everything about control and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


def test_auditor_reads_the_revision_register_with_jalali_dates(client, issued, people):
    client.force_login(people["auditor"])
    response = client.get(reverse("controlled_revisions:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "م پ-م-۱-۰۴/۰۰" in html and "۱۳۹۵/۱۰/۰۵" in html


def test_auditor_reads_the_control_log_including_refusals(client, issued, people):
    page = ProcedurePage.objects.get(pk=issued.pk)
    page.title = "تغییر مستقیم"
    with pytest.raises(PermissionDenied):
        page.save()
    client.force_login(people["auditor"])
    response = client.get(reverse("procedures_control_log"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "نسخه کاغذی وارد شد" in html and "تغییرناپذیر" in html
    refused_only = client.get(reverse("procedures_control_log") + "?refused=1").content.decode()
    assert "تغییرناپذیر" in refused_only and "نسخه کاغذی وارد شد" not in refused_only


def test_agency_user_cannot_read_the_control_log(client, issued):
    from accounts.roles import Role
    from tests.factories import person

    client.force_login(person("agency1", Role.AGENCY_USER))
    assert client.get(reverse("procedures_control_log")).status_code in {302, 403}


def test_auditor_cannot_edit_a_controlled_document(client, issued, people):
    client.force_login(people["auditor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[issued.pk]))
    assert response.status_code in {302, 403}
    assert ProcedurePage.objects.get(pk=issued.pk).revision_number == 0


def test_editor_shows_the_number_the_draft_will_take(client, issued, people):
    client.force_login(people["preparer"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[issued.pk])).content.decode()
    assert "م پ-م-۱-۰۴/۰۱" in html and "شرح تغییرات" in html
