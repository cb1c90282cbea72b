"""Records carry subject keywords (issue #7 §1): set in the admin without a correction, audited, one tag
whatever the spelling; refused for people outside the records roles."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from records import services
from records.models import Record
from records.rules import RecordsRuleViolation

pytestmark = pytest.mark.django_db


def edit_data(record, **extra):
    data = {
        "series": record.series_id,
        "title": record.title,
        "reference_number": record.reference_number,
        "record_date": record.record_date.isoformat(),
        "medium": record.medium,
        "physical_location": record.physical_location,
        "notes": record.notes,
        "change_reason": "",
    }
    data.update(extra)
    return data


def test_a_declared_record_takes_subjects_in_the_admin_without_a_correction_reason(client, record, people):
    client.force_login(people["records"])
    versions = Record.history.filter(id=record.pk).count()
    response = client.post(
        reverse("records:edit", args=[record.pk]), edit_data(record, subjects="ارزيابي عملكرد, خودارزیابی")
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    assert sorted(record.tags.names()) == ["ارزیابی عملکرد", "خودارزیابی"]
    # No metadata changed, so no new history version; the change is in the audit log.
    assert Record.history.filter(id=record.pk).count() == versions
    entry = ModelLogEntry.objects.filter(action="records.record.subjects", object_id=str(record.pk)).get()
    assert entry.data["after"] == ["ارزیابی عملکرد", "خودارزیابی"]


def test_the_edit_form_shows_the_record_subjects_and_two_spellings_stay_one_subject(client, record, people):
    services.set_record_subjects(record, ["ارزیابی عملکرد"], by=people["records"])
    client.force_login(people["records"])
    html = client.get(reverse("records:edit", args=[record.pk])).content.decode()
    assert "ارزیابی عملکرد" in html
    services.set_record_subjects(record, ["ارزيابي عملكرد"], by=people["records"])
    assert list(record.tags.names()) == ["ارزیابی عملکرد"]


def test_only_records_keepers_set_a_record_subjects(record, people):
    with pytest.raises(RecordsRuleViolation):
        services.set_record_subjects(record, ["ارزیابی عملکرد"], by=people["agency"])
    assert list(record.tags.names()) == []


def test_the_record_page_in_the_admin_lists_its_subjects(client, record, people):
    services.set_record_subjects(record, ["خودارزیابی"], by=people["records"])
    client.force_login(people["records"])
    html = client.get(reverse("records_record_detail", args=[record.pk])).content.decode()
    assert "<th>موضوعات</th>" in html and "خودارزیابی" in html
