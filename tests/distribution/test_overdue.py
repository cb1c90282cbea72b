"""Outstanding acknowledgements past due are listed for quality officers and auditors."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from distribution import queries, services
from distribution.models import AcknowledgementRequest
from jalali.calendar import format_jalali


def _backdate(request, days_ago: int, period: int = 10):
    asked = timezone.localdate() - dt.timedelta(days=days_ago)
    AcknowledgementRequest.objects.filter(pk=request.pk).update(
        asked_on=asked, due_on=asked + dt.timedelta(days=period)
    )
    request.refresh_from_db()
    return request


def test_only_unacknowledged_requests_past_due_are_overdue(in_force, people):
    today = timezone.localdate()
    late = _backdate(AcknowledgementRequest.objects.get(recipient=people["agency_user"]), 30)
    done = _backdate(AcknowledgementRequest.objects.get(recipient=people["evaluator"]), 30)
    services.acknowledge(done, by=people["evaluator"])
    assert list(queries.overdue_requests(today=today)) == [late]
    summary = queries.summary(today=today)
    assert [(s.asked, s.acknowledged, s.overdue) for s in summary] == [(3, 1, 1)]


def test_a_request_due_today_is_not_yet_overdue(in_force, people):
    req = _backdate(AcknowledgementRequest.objects.get(recipient=people["agency_user"]), 10)
    assert req.due_on == timezone.localdate()
    assert list(queries.overdue_requests(today=timezone.localdate())) == []


def test_overdue_list_filters_by_document_and_jalali_due_dates(in_force, draft, people, client):
    late = _backdate(AcknowledgementRequest.objects.get(recipient=people["agency_user"]), 40)
    later = _backdate(AcknowledgementRequest.objects.get(recipient=people["evaluator"]), 20)
    client.force_login(people["auditor"])
    url = reverse("distribution_overdue")

    response = client.get(url, {"page": draft.pk})
    assert response.status_code == 200
    assert list(response.context["rows"]) == [late, later]

    until = format_jalali(late.due_on)  # Persian digits, e.g. ۱۴۰۳/۰۵/۲۱
    response = client.get(url, {"due_to": until})
    assert list(response.context["rows"]) == [late]
    response = client.get(url, {"due_from": format_jalali(later.due_on, "ascii")})
    assert list(response.context["rows"]) == [later]
    assert "اداره کل بهداشت" not in response.content.decode()  # the agency is not shown, the person is
    assert format_jalali(later.due_on) in response.content.decode()


def test_a_bad_jalali_date_in_the_filter_gets_a_persian_message_not_an_error(in_force, people, client):
    client.force_login(people["preparer"])
    response = client.get(reverse("distribution_overdue"), {"due_from": "۱۴۰۳/۱۳/۴۰"})
    assert response.status_code == 200
    assert response.context["form"].errors["due_from"]
    assert list(response.context["rows"]) == []


def test_the_overdue_list_is_for_quality_officers_and_auditors_only(in_force, people, client):
    client.force_login(people["agency_user"])
    refused = client.get(reverse("distribution_overdue"))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")  # Wagtail's refusal
    client.force_login(people["auditor"])
    assert client.get(reverse("distribution_overdue")).status_code == 200


def test_requests_of_a_superseded_revision_are_no_longer_overdue(in_force, draft, people):
    from procedures.models.register import RevisionStatus
    from tests.procedures.signoff import sign_through

    _backdate(AcknowledgementRequest.objects.get(recipient=people["agency_user"]), 30)
    sign_through(draft, people["preparer"], people["confirmer"], people["approver"], change_reason="بازنگری")
    in_force.refresh_from_db()
    assert in_force.status == RevisionStatus.SUPERSEDED
    assert list(queries.overdue_requests(today=timezone.localdate())) == []


def test_the_register_links_a_document_to_its_editor_only_for_those_who_may_edit_it(
    in_force, draft, people, client
):
    """An auditor reads the register but may not edit the page: the title is not a link to «no permission»."""
    _backdate(AcknowledgementRequest.objects.get(recipient=people["agency_user"]), 40)
    edit_link = f'href="/admin/pages/{draft.pk}/edit/"'
    client.force_login(people["auditor"])
    html = client.get(reverse("distribution_overdue")).content.decode()
    assert draft.title in html and edit_link not in html
    client.force_login(people["preparer"])
    assert edit_link in client.get(reverse("distribution_overdue")).content.decode()
