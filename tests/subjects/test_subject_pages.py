"""The public subject pages list what carries a subject, and only what the visitor may see."""

from urllib.parse import unquote

import pytest

from subjects.models import SubjectTag

pytestmark = pytest.mark.django_db


def slug(name: str) -> str:
    return SubjectTag.objects.for_typed(name).get().slug


def test_subject_index_lists_subjects_with_public_counts_for_anonymous_visitors(client, tagged):
    response = client.get("/subjects/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html and "موضوعات" in html
    # «بخشنامه»: the public circular only; the login-only circular, the agencies' notice and the record hidden.
    assert 'بخشنامه</a> <span class="count">(۱)</span>' in html
    assert 'نظام اداری</a> <span class="count">(۳)</span>' in html


def test_subject_page_lists_tagged_items_with_jalali_dates(client, tagged):
    response = client.get(f"/subjects/{slug('نظام اداری')}/")
    html = response.content.decode()
    assert response.status_code == 200
    for page in (tagged.circular, tagged.regulation, tagged.procedure):
        assert page.title in html
    assert "۱۳۹۱/۰۹/۱۳" in html and "۱۳۹۵/۱۰/۰۵" in html


def test_subject_page_hides_restricted_pages_agency_notices_and_records_from_anonymous_visitors(
    client, tagged
):
    html = client.get(f"/subjects/{slug('بخشنامه')}/").content.decode()
    assert tagged.circular.title in html
    assert tagged.login_only.title not in html
    assert tagged.agency_notice.title not in html
    assert tagged.record.title not in html


def test_signed_in_records_manager_also_sees_records_and_login_only_pages(client, tagged):
    client.force_login(tagged.people["records"])
    html = client.get(f"/subjects/{slug('بخشنامه')}/").content.decode()
    assert tagged.login_only.title in html and tagged.record.title in html
    assert tagged.agency_notice.title not in html  # not in the agencies group


def test_agency_user_sees_the_agencies_notice_but_no_records(client, tagged):
    client.force_login(tagged.people["agency"])
    html = client.get(f"/subjects/{slug('بخشنامه')}/").content.decode()
    assert tagged.agency_notice.title in html
    assert tagged.record.title not in html


def test_a_subject_used_only_on_private_items_is_not_shown_to_anonymous_visitors(client, tagged):
    tagged.record.tags.add("سوابق محرمانه")
    assert "سوابق محرمانه" not in client.get("/subjects/").content.decode()
    assert client.get(f"/subjects/{slug('سوابق محرمانه')}/").status_code == 404


def test_another_spelling_of_the_address_redirects_to_the_subject(client, tagged):
    response = client.get("/subjects/نظام-اداري/")
    assert response.status_code == 301
    assert unquote(response["Location"]) == f"/subjects/{slug('نظام اداری')}/"
    assert client.get("/subjects/no-such-subject/").status_code == 404


def test_admin_autocomplete_folds_spellings(client, tagged):
    admin = tagged.people["officer"]
    admin.is_superuser = admin.is_staff = True
    admin.save()
    client.force_login(admin)
    assert client.get("/admin/subjects/autocomplete/", {"term": "نظام اداري"}).json() == ["نظام اداری"]
    assert client.get("/admin/subjects/autocomplete/", {"term": "اداري"}).json() == ["نظام اداری"]
