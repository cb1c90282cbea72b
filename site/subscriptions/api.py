"""The signed-in user's subscriptions and what they brought, as JSON (``/api/subscriptions/``), for an
agency's own tools. Read-only, session authentication as the admin; one's own subscriptions only.
Subscribing and unsubscribing stay in the admin («اشتراک‌های من») and the mailed links."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from jalali.calendar import format_jalali_datetime
from subscriptions.models import Notice, Subscription

RECENT_NOTICES = 20


def _when(value) -> dict:
    return {"at": value.isoformat() if value else None, "jalali": format_jalali_datetime(value)}


def _notice(request, notice: Notice) -> dict:
    page = notice.page
    return {
        "kind": notice.kind,
        "kind_label": notice.get_kind_display(),
        "reference": {
            "id": page.pk,
            "title": page.title,
            "html_url": request.build_absolute_uri(page.url or "/"),
        },
        "created": _when(notice.created_at),
        "sent": _when(notice.sent_at),
    }


def _subscription(request, subscription: Subscription) -> dict:
    notices = subscription.notices.select_related("page").order_by("-created_at", "-pk")[:RECENT_NOTICES]
    return {
        "id": subscription.pk,
        "follows": subscription.describe(),
        "ref_type": subscription.ref_type or None,
        "authority": subscription.authority.name if subscription.authority_id else None,
        "subject": subscription.subject.name if subscription.subject_id else None,
        "collection": subscription.collection.title if subscription.collection_id else None,
        "delivery": subscription.delivery,
        "delivery_label": subscription.get_delivery_display(),
        "paused": subscription.paused,
        "created": _when(subscription.created_at),
        "recent_notices": [_notice(request, n) for n in notices],
    }


@require_GET
def my_subscriptions(request):
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "ابتدا وارد سامانه شوید."}, status=401)
    found = Subscription.objects.filter(user=request.user).select_related(
        "authority", "subject", "collection"
    )
    return JsonResponse(
        {"results": [_subscription(request, s) for s in found]}, json_dumps_params={"ensure_ascii": False}
    )
