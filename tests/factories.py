"""Test data builders. Tests never depend on the demo content."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from accounts.models import StaffProfile
from accounts.roles import Role, ensure_role_groups


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"نام{n}")
    last_name = "کاربر"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pass")


def person(username: str, role: Role | None, position: str = "کارشناس", **extra):
    """A user in ``role`` with a position on record."""
    user = UserFactory(username=username, **extra)
    if role is not None:
        groups = ensure_role_groups()
        user.groups.add(groups[role])
    StaffProfile.objects.update_or_create(user=user, defaults={"position": position})
    return user


def site_tree():
    """root → home (the default site) → «روش‌های اجرایی» and «مستندات برون‌سازمانی» folders."""
    from home.models import HomePage, SectionIndexPage

    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="سند", slug="sanad-home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    procedures = SectionIndexPage.objects.filter(slug="procedures").first() or home.add_child(
        instance=SectionIndexPage(title="روش‌های اجرایی", slug="procedures")
    )
    references = SectionIndexPage.objects.filter(slug="references").first() or home.add_child(
        instance=SectionIndexPage(title="مستندات برون‌سازمانی", slug="references")
    )
    return home, procedures, references


def new_procedure(parent, title="روش اجرایی ارزیابی عملکرد", code="م پ-م-۱-۰۴", **fields):
    """A procedure that exists as a draft: never published, so its content is still free to change."""
    from procedures.models import ProcedurePage

    page = ProcedurePage(title=title, document_code=code, live=False, **fields)
    parent.add_child(instance=page)
    return page


def paper_signers(on: dt.date):
    from procedures.services import Signer

    return {
        "preparer": Signer("زینب گودرزی", "رئیس اداره بودجه و تشکیلات", on),
        "confirmer": Signer("فریده بیرانوند", "معاون توسعه مدیریت و سرمایه انسانی", on),
        "approver": Signer("علی هادی چگنی", "رئیس سازمان مدیریت و برنامه ریزی استان لرستان", on),
    }


def content_rule(title: str = "قاعده آزمایشی", *, content_types=(), **fields):
    """A content rule (issue #7 §4), validated as the admin would; ``content_types`` are model classes."""
    from django.contrib.contenttypes.models import ContentType

    from contentrules.models import ContentRule

    rule = ContentRule(title=title, **fields)
    rule.full_clean(exclude=["content_types"])
    rule.save()
    rule.content_types.set([ContentType.objects.get_for_model(m) for m in content_types])
    return rule


def agency(code: str, name: str | None = None, *, members=(), **fields):
    """An executive agency (evaluation.Agency) with ``members`` as its users."""
    from records.evaluation.models import Agency, AgencyMember

    made, _ = Agency.objects.get_or_create(code=code, defaults={"name": name or f"دستگاه {code}", **fields})
    for user in members:
        AgencyMember.objects.update_or_create(user=user, defaults={"agency": made})
    return made


def distribution_list(page, *, users=(), groups=(), agencies=(), days: int = 14):
    """A controlled document's distribution list (issue #6 §3), written directly (no audit entry)."""
    from distribution.models import DistributionList

    made, _ = DistributionList.objects.update_or_create(
        page_id=page.pk, defaults={"acknowledgement_days": days}
    )
    made.users.set(users)
    made.groups.set(groups)
    made.agencies.set(agencies)
    return made
