"""The signed token of an e-mail's unsubscribe link: it names one subscription of one user, works without
logging in, and a changed character makes it worthless (``django.core.signing``, the site's secret key)."""

from __future__ import annotations

from django.core import signing

SALT = "sanad.subscriptions.unsubscribe"


def unsubscribe_token(subscription) -> str:
    return signing.dumps({"s": subscription.pk, "u": subscription.user_id}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(subscription id, user id) the token was made for, or None when it was not made here as it is."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("s"), int)
        or not isinstance(value.get("u"), int)
    ):
        return None
    return value["s"], value["u"]
