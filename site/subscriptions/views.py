"""The user's subscriptions in the admin (list, add, pause/resume, remove) and the e-mail's unsubscribe link.

A user sees and changes only their own subscriptions: another's id is «not found», never «forbidden».
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from subscriptions import services
from subscriptions.forms import SubscriptionForm
from subscriptions.models import Subscription
from subscriptions.rules import SubscriptionError
from subscriptions.tokens import read_unsubscribe_token

PREFILLED = ("ref_type", "authority", "subject", "collection")


def own_subscriptions(user):
    return Subscription.objects.filter(user=user).select_related("authority", "subject", "collection")


def _own(request, subscription_id: int) -> Subscription:
    subscription = own_subscriptions(request.user).filter(pk=subscription_id).first()
    if subscription is None:
        raise Http404("اشتراک یافت نشد.")
    return subscription


def _back(request, default: str = "subscriptions_mine"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default)


def my_subscriptions(request):
    """«اشتراک‌های من»: the list and the form to add one."""
    # «اشتراک در این مجموعه» and the like arrive with what to follow in the address (?collection=<id>).
    initial = {name: request.GET[name] for name in PREFILLED if request.GET.get(name, "").strip()}
    form = SubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.subscribe(request.user, **form.cleaned_data)
        except SubscriptionError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "اشتراک ثبت شد.")
            return redirect("subscriptions_mine")
    return TemplateResponse(
        request,
        "subscriptions/admin/mine.html",
        {"subscriptions": own_subscriptions(request.user), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def remove_subscription(request, subscription_id: int):
    subscription = _own(request, subscription_id)
    services.remove(subscription, by=request.user)
    messages.success(request, f"اشتراک «{subscription.describe()}» لغو شد.")
    return _back(request)


@require_POST
def pause_subscription(request, subscription_id: int):
    subscription = _own(request, subscription_id)
    paused = request.POST.get("paused", "1") == "1"
    services.set_paused(subscription, paused, by=request.user)
    messages.success(
        request, f"اشتراک «{subscription.describe()}» {'متوقف شد' if paused else 'از سر گرفته شد'}."
    )
    return _back(request)


def unsubscribe(request, token: str):
    """From the e-mail, no login: the page names the subscription; its one button ends it."""
    found = read_unsubscribe_token(token)
    if found is None:
        return TemplateResponse(
            request,
            "subscriptions/unsubscribe.html",
            {"error": "پیوند لغو اشتراک معتبر نیست؛ آن را کامل و بی‌تغییر از رایانامه باز کنید."},
            status=400,
        )
    subscription = (
        Subscription.objects.select_related("user", "authority", "subject", "collection")
        .filter(pk=found[0], user_id=found[1])
        .first()
    )
    if subscription is None:
        return TemplateResponse(request, "subscriptions/unsubscribe.html", {"gone": True})
    if request.method == "POST":
        described = subscription.describe()
        services.remove(subscription, by=subscription.user, via="email")
        return TemplateResponse(
            request, "subscriptions/unsubscribe.html", {"done": True, "described": described}
        )
    return TemplateResponse(request, "subscriptions/unsubscribe.html", {"subscription": subscription})
