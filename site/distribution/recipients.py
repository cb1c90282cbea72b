"""Who a controlled document is distributed to: the list's people, its groups' members, its agencies' users.

ISO 9001 §7.5.3.2 a) (distribution): every person appears once, whichever entries name them;
inactive accounts and inactive agencies receive nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model


@dataclass
class Recipient:
    user: object
    via: list[str] = field(default_factory=list)


def distribution_list_of(page):
    from distribution.models import DistributionList

    if page is None or getattr(page, "pk", None) is None:
        return None
    return DistributionList.objects.filter(page_id=page.pk).first()


def expand(distribution_list) -> list[Recipient]:
    """The list's entries expanded to people, de-duplicated, active only, in username order."""
    if distribution_list is None:
        return []
    User = get_user_model()
    found: dict[int, Recipient] = {}

    def add(users, label: str) -> None:
        for user in users:
            found.setdefault(user.pk, Recipient(user)).via.append(label)

    add(distribution_list.users.filter(is_active=True), "فهرست توزیع")
    for group in distribution_list.groups.all():
        add(User.objects.filter(groups=group, is_active=True), f"گروه {group.name}")
    for agency in distribution_list.agencies.filter(active=True):
        add(
            User.objects.filter(agency_membership__agency=agency, is_active=True),
            f"دستگاه {agency.name}",
        )
    return sorted(found.values(), key=lambda r: r.user.get_username())


def recipients_for(page) -> list:
    """Every active user the page's distribution list reaches, each once (empty when it has no list)."""
    return [r.user for r in expand(distribution_list_of(page))]
