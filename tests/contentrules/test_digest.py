"""The daily digest: entries grouped per subscriber group, one email each, marked sent once."""

import io

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from contentrules.choices import Action, Event
from contentrules.models import DigestEntry
from tests.factories import UserFactory, content_rule


def _publish(parent, title, slug):
    from home.models import SectionIndexPage

    page = parent.add_child(instance=SectionIndexPage(title=title, slug=slug, live=False))
    page.save_revision().publish()
    return page


def test_each_group_gets_one_digest_of_its_entries_and_nothing_twice(
    tree, watchers, django_capture_on_commit_callbacks
):
    _home, procedures, references = tree
    officers = Group.objects.create(name="دبیرخانه کیفیت")
    UserFactory(username="sec1", email="sec1@example.org").groups.add(officers)
    content_rule("گزارش انتشار", event=Event.PUBLISHED, action=Action.DIGEST, group=watchers)
    content_rule(
        "گزارش روش‌ها", event=Event.PUBLISHED, folder=procedures, action=Action.DIGEST, group=officers
    )

    with django_capture_on_commit_callbacks(execute=True):
        _publish(procedures, "راهنمای یکم", "first")
        _publish(references, "راهنمای دوم", "second")
    assert mail.outbox == []  # a digest entry is not an email
    assert DigestEntry.objects.filter(group=watchers).count() == 2
    assert DigestEntry.objects.filter(group=officers).count() == 1

    out = io.StringIO()
    call_command("send_daily_digest", stdout=out)

    by_first_recipient = {m.to[0]: m for m in mail.outbox}
    assert len(mail.outbox) == 2
    to_watchers = by_first_recipient["watch1@example.org"]
    assert sorted(to_watchers.to) == ["watch1@example.org", "watch2@example.org"]
    assert "۲ مورد" in to_watchers.subject and to_watchers.subject.startswith("گزارش روزانه سند — ۱۴")
    assert "۱. منتشر شد: راهنمای یکم" in to_watchers.body and "۲. منتشر شد: راهنمای دوم" in to_watchers.body
    to_officers = by_first_recipient["sec1@example.org"]
    assert "راهنمای یکم" in to_officers.body and "راهنمای دوم" not in to_officers.body
    assert not DigestEntry.objects.filter(sent_at__isnull=True).exists()
    assert "«ناظران اسناد»: ۲ بند فرستاده شد." in out.getvalue()

    call_command("send_daily_digest", stdout=io.StringIO())
    assert len(mail.outbox) == 2


def test_a_group_nobody_can_receive_keeps_its_entries_and_is_reported(
    tree, django_capture_on_commit_callbacks
):
    import pytest
    from django.core.management.base import CommandError

    silent = Group.objects.create(name="گروه بی‌نشانی")
    content_rule("گزارش انتشار", event=Event.PUBLISHED, action=Action.DIGEST, group=silent)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(tree[1], "راهنما", "guide")

    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("send_daily_digest", stdout=io.StringIO(), stderr=err)

    assert "«گروه بی‌نشانی»: هیچ عضو فعالی با نشانی ایمیل ندارد" in err.getvalue()
    assert DigestEntry.objects.get().sent_at is None
