"""The interface content rules use: notify a document's distribution list by email."""

from wagtail.models import PageLogEntry

from distribution.services import notify_distribution


def test_notify_distribution_emails_each_recipient_and_returns_the_count(dlist, draft, people, mailoutbox):
    people["preparer"].email = ""
    people["preparer"].save()
    count = notify_distribution(draft, subject="تغییر در سند", body="متن اطلاع", event="page_published")
    assert count == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["agency_user@example.org", "evaluator@example.org"]
    assert all(m.subject == "تغییر در سند" for m in mailoutbox)
    entry = PageLogEntry.objects.get(page_id=draft.pk, action="sanad.distribution.notify")
    assert entry.data["count"] == 2 and entry.data["event"] == "page_published"


def test_notify_distribution_without_a_list_notifies_nobody(draft, mailoutbox):
    assert notify_distribution(draft, subject="s", body="b", event="e") == 0
    assert mailoutbox == []
