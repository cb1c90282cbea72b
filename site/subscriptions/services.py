"""Subscriptions' writes, each atomic and audited, and the notices a publication leaves and sends.

- ``subscribe`` / ``remove`` / ``set_paused``: a user's own subscriptions (the dashboard, the admin
  screen, the e-mail's unsubscribe link);
- ``record_publication``: a reference was published — one ``Notice`` per subscription it matches, once;
- ``send_immediate``: mail the notices of one publication owed to «بی‌درنگ» subscriptions;
- ``send_digests``: mail each user one digest of their «خلاصه روزانه» notices not sent yet.
A notice is marked sent in the transaction that reads it, so a digest run twice mails nothing twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from subscriptions import rules
from subscriptions.models import Delivery, Notice, Subscription
from subscriptions.rules import Criteria, ReferenceFacts, SubscriptionError

logger = logging.getLogger("sanad.subscriptions")

LOG_ACTIONS = {
    "sanad.subscription.add": ("ثبت اشتراک", "اشتراک مستندات ثبت شد"),
    "sanad.subscription.remove": ("لغو اشتراک", "اشتراک مستندات لغو شد"),
    "sanad.subscription.pause": ("توقف اشتراک", "اشتراک مستندات متوقف شد"),
    "sanad.subscription.resume": ("ازسرگیری اشتراک", "اشتراک مستندات از سر گرفته شد"),
    "sanad.subscription.sent": ("ارسال اعلان اشتراک", "رایانامه اعلان اشتراک فرستاده شد"),
}


def criteria_of(subscription: Subscription) -> Criteria:
    return Criteria(
        ref_type=subscription.ref_type,
        authority_id=subscription.authority_id,
        subject_id=subscription.subject_id,
        collection_id=subscription.collection_id,
    )


def _audit(subscription: Subscription, action: str, *, by=None, **data) -> None:
    log(
        instance=subscription,
        action=action,
        user=by,
        data={"subscriber": subscription.user.get_username(), "follows": subscription.describe(), **data},
    )


# --- a user's own subscriptions --------------------------------------------------------------------


def subscribe(
    user,
    *,
    ref_type: str = "",
    authority=None,
    subject=None,
    collection=None,
    delivery: str = Delivery.IMMEDIATE,
) -> Subscription:
    """Subscribe ``user`` to references matching what they name; the same subscription twice is refused."""
    if user is None or not user.is_authenticated:
        raise SubscriptionError("برای اشتراک باید وارد سامانه شوید.")
    criteria = Criteria(
        ref_type=ref_type or "",
        authority_id=authority.pk if authority else None,
        subject_id=subject.pk if subject else None,
        collection_id=collection.pk if collection else None,
    )
    rules.check_criteria(criteria)
    if delivery not in Delivery.values:
        raise SubscriptionError("شیوه ارسال را از میان «بی‌درنگ» و «خلاصه روزانه» برگزینید.")
    if not user.email:
        raise SubscriptionError(
            "برای حساب شما نشانی رایانامه ثبت نشده است؛ اعلان‌ها به رایانامه فرستاده می‌شوند."
        )
    with transaction.atomic():
        same = Subscription.objects.select_for_update().filter(
            user=user,
            ref_type=criteria.ref_type,
            authority_id=criteria.authority_id,
            subject_id=criteria.subject_id,
            collection_id=criteria.collection_id,
        )
        if same.exists():
            raise SubscriptionError("این اشتراک را پیش‌تر ثبت کرده‌اید.")
        subscription = Subscription.objects.create(
            user=user,
            ref_type=criteria.ref_type,
            authority=authority,
            subject=subject,
            collection=collection,
            delivery=delivery,
        )
        _audit(subscription, "sanad.subscription.add", by=user, delivery=delivery)
    return subscription


def _check_owner(subscription: Subscription, by) -> None:
    if by is None or by.pk != subscription.user_id:
        raise SubscriptionError("این اشتراک از آن شما نیست.")


def remove(subscription: Subscription, *, by, via: str = "dashboard") -> None:
    """The owner ends a subscription (on the dashboard, or from an e-mail's signed link: ``via``)."""
    _check_owner(subscription, by)
    with transaction.atomic():
        _audit(subscription, "sanad.subscription.remove", by=by, via=via)
        subscription.delete()


def set_paused(subscription: Subscription, paused: bool, *, by) -> Subscription:
    """Pause (no notices while paused, none owed afterwards) or resume; a no-op change is not logged."""
    _check_owner(subscription, by)
    with transaction.atomic():
        locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if locked.paused != paused:
            locked.paused = paused
            locked.save(update_fields=["paused"])
            _audit(locked, "sanad.subscription.pause" if paused else "sanad.subscription.resume", by=by)
    return locked


# --- a publication ---------------------------------------------------------------------------------


def _as_request(user) -> HttpRequest:
    """What ``search.visibility`` reads of a visitor, for a user who is not visiting: who, no passwords."""
    request = HttpRequest()
    request.user = user
    request.session = {}
    return request


def may_see(user, page: Page) -> bool:
    """A subscriber hears only of references they may read (view restrictions as the site applies them)."""
    from search.visibility import visible_to

    return visible_to(Page.objects.filter(pk=page.pk), _as_request(user)).exists()


def collections_holding(page: Page, collection_ids: set[int]) -> frozenset[int]:
    """Which of ``collection_ids`` list ``page`` among their results (as anonymous readers see them)."""
    from search.results import matching_ids
    from smartfolders.filters import narrow
    from smartfolders.models import SavedSearchPage

    holding = set()
    for collection in SavedSearchPage.objects.live().filter(pk__in=collection_ids):
        narrowed = narrow(collection, QueryDict(), 1)
        if narrowed.saved_errors or narrowed.params.errors:
            continue  # a broken collection matches nothing rather than failing the publication
        if page.pk in matching_ids(narrowed.params, None):
            holding.add(collection.pk)
    return frozenset(holding)


def reference_facts(page, collection_ids: set[int] = frozenset()) -> ReferenceFacts:
    return ReferenceFacts(
        page_id=page.pk,
        ref_type=page.ref_type,
        authority_id=page.authority_id,
        subject_ids=frozenset(page.tags.values_list("pk", flat=True)),
        collection_ids=collections_holding(page, set(collection_ids)) if collection_ids else frozenset(),
    )


def record_publication(page, revision) -> list[Notice]:
    """Leave a notice of this publication for every active subscription it matches; idempotent."""
    subscriptions = list(
        Subscription.objects.filter(paused=False, user__is_active=True).select_related("user")
    )
    if not subscriptions:
        return []
    facts = reference_facts(page, {s.collection_id for s in subscriptions if s.collection_id})
    kind = rules.change_kind(page.first_published_at, page.last_published_at)
    notices = []
    for subscription in subscriptions:
        if not rules.matches(criteria_of(subscription), facts) or not may_see(subscription.user, page):
            continue
        try:
            with transaction.atomic():
                notice, created = Notice.objects.get_or_create(
                    subscription=subscription, revision=revision, defaults={"page": page, "kind": kind}
                )
        except IntegrityError:  # recorded meanwhile by a second run for the same publication
            continue
        if created:
            notices.append(notice)
    return notices


# --- sending ---------------------------------------------------------------------------------------


def _send_batch(user, notice_ids: list[int], *, digest: bool) -> int:
    """Mark the user's unsent notices among ``notice_ids`` sent and mail them, in one transaction.

    If the mail server refuses, the transaction rolls back and the notices wait for the next run.
    """
    from subscriptions.mail import build_message

    with transaction.atomic():
        notices = list(
            Notice.objects.select_for_update()
            .filter(pk__in=notice_ids, sent_at__isnull=True)
            .order_by("created_at", "pk")
        )
        if not notices:
            return 0
        notices = list(
            Notice.objects.filter(pk__in=[n.pk for n in notices])
            .select_related(
                "subscription__authority", "subscription__subject", "subscription__collection", "page"
            )
            .order_by("created_at", "pk")
        )
        now = timezone.now()
        Notice.objects.filter(pk__in=[n.pk for n in notices]).update(sent_at=now)
        build_message(user, notices, digest=digest).send(fail_silently=False)
        for subscription in {n.subscription for n in notices}:
            _audit(
                subscription,
                "sanad.subscription.sent",
                notices=sum(1 for n in notices if n.subscription_id == subscription.pk),
                digest=digest,
            )
    return len(notices)


def _by_user(notices) -> dict:
    grouped: dict = defaultdict(list)
    users = {}
    for notice in notices:
        users[notice.subscription.user_id] = notice.subscription.user
        grouped[notice.subscription.user_id].append(notice.pk)
    return {users[uid]: ids for uid, ids in grouped.items()}


def send_immediate(revision_id: int) -> int:
    """Mail the «بی‌درنگ» notices of one publication: one e-mail per user. Returns notices sent."""
    pending = Notice.objects.filter(
        revision_id=revision_id,
        sent_at__isnull=True,
        subscription__delivery=Delivery.IMMEDIATE,
        subscription__paused=False,
    ).select_related("subscription__user")
    return sum(_send_batch(user, ids, digest=False) for user, ids in _by_user(pending).items())


@dataclass
class DigestReport:
    sent: dict[str, int] = field(default_factory=dict)  # username -> notices
    failed: dict[str, str] = field(default_factory=dict)  # username -> why


def send_digests(now: dt.datetime | None = None) -> DigestReport:
    """Mail each user one digest of their «خلاصه روزانه» notices not sent yet (up to ``now``)."""
    now = now or timezone.now()
    report = DigestReport()
    pending = Notice.objects.filter(
        sent_at__isnull=True,
        created_at__lte=now,
        subscription__delivery=Delivery.DAILY,
        subscription__paused=False,
    ).select_related("subscription__user")
    for user, ids in sorted(_by_user(pending).items(), key=lambda item: item[0].get_username()):
        try:
            count = _send_batch(user, ids, digest=True)
        except Exception as exc:  # one user's failure must not stop the others' digests
            logger.exception("subscription digest for user %s failed", user.pk)
            report.failed[user.get_username()] = str(exc)
            continue
        if count:
            report.sent[user.get_username()] = count
    return report
