"""Demo step for issue 13 §6, the last app step. Idempotent.

A controlled copy of the procedure's revision in force (۰۱ by now; ``procedures.demo.issue_demo_copy``),
and the agency user follows references:

- «بخشنامه · مرجع: سازمان اداری و استخدامی کشور», mailed at once;
- the collection «قوانین و مقررات ارزیابی عملکرد», in the daily digest.
Their e-mails go wherever ``EMAIL_BACKEND`` sends them (the console in development).
"""

from __future__ import annotations

from procedures.models import IssuingAuthority
from subscriptions.models import Delivery, Subscription

AEO = "سازمان اداری و استخدامی کشور"
LAWS_COLLECTION = "performance-evaluation-laws"


def load_demo(loader) -> None:
    from procedures.demo import issue_demo_copy

    issue_demo_copy(loader)
    subscribe_agency(loader)


def subscribe_agency(loader) -> None:
    from smartfolders.models import SavedSearchPage
    from subscriptions.services import subscribe

    agency = loader.users_by_name.get("agency")
    if agency is None or Subscription.objects.filter(user=agency).exists():
        return
    aeo, _ = IssuingAuthority.objects.get_or_create(name=AEO)
    subscribe(agency, ref_type="circular", authority=aeo, delivery=Delivery.IMMEDIATE)
    laws = SavedSearchPage.objects.filter(slug=LAWS_COLLECTION).first()
    if laws is not None:
        subscribe(agency, collection=laws, delivery=Delivery.DAILY)
    loader.say("اشتراک‌های نمونه کاربر agency ثبت شد")
