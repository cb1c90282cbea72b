"""A small corpus for the search page, API and feed tests: seed-like documents written the ways they really are.

Not the demo content: built here, so the tests say what they rely on.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from jalali.calendar import parse_jalali
from tests.factories import new_procedure, paper_signers, person, site_tree

PASSWORD = "رمز-آزمون"


@dataclass
class Corpus:
    home: Page
    references_section: Page
    vp: object
    cabinet: object
    old_circular: Page
    circular: Page
    regulation: Page
    programme: Page
    roadmap: Page
    procedure: Page
    password_only: Page
    login_only: Page
    group_only: Page
    draft: Page


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def reference(parent: Page, slug: str, *, date: str | None = None, **fields) -> Page:
    from procedures.models import ExternalReferencePage

    page = ExternalReferencePage(slug=slug, date=parse_jalali(date) if date else None, **fields)
    parent.add_child(instance=page)
    return publish(page)


def build_corpus() -> Corpus:
    from django.contrib.auth.models import Group

    from home.models import SectionIndexPage
    from procedures.models import IssuingAuthority, ReferenceRelation, RelationKind
    from procedures.services import PaperRevision, import_legacy_revision

    home, procedures, references = site_tree()
    vp, _ = IssuingAuthority.objects.get_or_create(name="معاونت توسعه مدیریت و سرمایه انسانی رئیس‌جمهور")
    cabinet, _ = IssuingAuthority.objects.get_or_create(name="هیأت وزیران")

    old = reference(
        references,
        "circular-35665",
        title="وظایف و ضوابط سازماندهی دفاتر ارزیابی عملکرد و پاسخگویی به شکایات",
        ref_type="circular",
        number="۳۵۶۶۵/۱۸۰۱",
        date="4/3/1382",
    )
    # Circular 002 as typed: Arabic ي and ك, joined «دستگاههاي», Persian digits.
    circular = reference(
        references,
        "circular-36773",
        title="وظايف و ضوابط سازماندهي دفاتر مديريت عملكرد",
        ref_type="circular",
        number="۳۶۷۷۳/۹۱/۲۱۰",
        date="13/09/1391",
        authority=vp,
        summary="وظايف دفاتر مديريت عملكرد دستگاههاي اجرايي مشمول ماده (۵) قانون مديريت خدمات كشوري.",
        body="<p>اين بخشنامه جايگزين بخشنامه شماره ۳۵۶۶۵/۱۸۰۱ مورخ ۴/۳/۱۳۸۲ مي‌شود.</p>"
        "<p>الف- وظايف مديريت عملكرد: ارزيابي عملكرد سالانه دستگاههاي اجرايي و تهيه گزارش.</p>",
    )
    ReferenceRelation.objects.create(source=circular, kind=RelationKind.REPLACES, target=old)
    circular = publish(circular)
    regulation = reference(
        references,
        "regulation-81-82",
        title="آیین‌نامه اجرایی مواد ۸۱ و ۸۲ قانون مدیریت خدمات کشوری",
        ref_type="executive_regulation",
        number="۴۲۲۵/۴۴۳۲۷",
        date="۱۳۸۹/۰۱/۱۴",
        authority=cabinet,
    )
    programme = reference(
        references,
        "programme",
        title="برنامه جامع اصلاح نظام اداری",
        ref_type="resolution",
        number="۱۲۷۶۷۵/ت۵۰۶۴۲ه",
        number_aliases="۵۵۰۶۴۲ ت/۱۲۷۶۷۵",
        date="۱۳۹۳/۱۰/۲۸",
        authority=cabinet,
    )
    roadmap = reference(
        references,
        "roadmap",
        title="تصویب‌نامه نقشه راه اصلاح نظام اداری",
        ref_type="resolution",
        number="۵۶۰/۹۳/۲۰۶",
        date="۱۳۹۳/۰۱/۲۰",
    )

    procedure = new_procedure(
        procedures,
        title="روش اجرایی ارزیابی عملکرد دستگاه‌های اجرایی استان",
        purpose="<p>هدف از این روش، ارزیابی عملکرد دستگاه‌های اجرایی استان است.</p>",
    )
    officer = person("search-officer", None)
    issued = parse_jalali("۱۳۹۵/۱۰/۰۵")
    signers = paper_signers(issued)
    import_legacy_revision(
        procedure,
        PaperRevision(0, issued, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=officer,
        note="نسخه کاغذی ۱۳۹۵ برای آزمون جستجو",
    )
    procedure.refresh_from_db()

    def restricted_section(slug: str, title: str, **restriction) -> Page:
        section = home.add_child(instance=SectionIndexPage(title=title, slug=slug))
        view = PageViewRestriction.objects.create(page=section, **restriction)
        return section, view

    secret, _ = restricted_section(
        "secret", "محرمانه", restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    password_only = reference(
        secret, "secret-circular", title="بخشنامه محرمانه وظایف دفاتر", ref_type="circular", number="۹۹۹/۸۸"
    )
    staff, _ = restricted_section("staff", "داخلی", restriction_type=PageViewRestriction.LOGIN)
    login_only = reference(
        staff, "staff-circular", title="بخشنامه داخلی وظایف دفاتر", ref_type="circular", number="۷۷۷/۶۶"
    )
    board, view = restricted_section("board", "هیئت مدیره", restriction_type=PageViewRestriction.GROUPS)
    board_group, _ = Group.objects.get_or_create(name="هیئت مدیره")
    view.groups.add(board_group)
    group_only = reference(
        board, "board-circular", title="بخشنامه هیئت مدیره وظایف دفاتر", ref_type="circular", number="۶۶۶/۵۵"
    )

    from procedures.models import ExternalReferencePage

    draft = ExternalReferencePage(
        slug="draft-circular",
        title="پیش‌نویس بخشنامه وظایف دفاتر",
        ref_type="circular",
        number="۵۵۵/۴۴",
        live=False,
    )
    references.add_child(instance=draft)
    draft.save_revision()

    return Corpus(
        home=home,
        references_section=references,
        vp=vp,
        cabinet=cabinet,
        old_circular=old,
        circular=circular,
        regulation=regulation,
        programme=programme,
        roadmap=roadmap,
        procedure=procedure,
        password_only=password_only,
        login_only=login_only,
        group_only=group_only,
        draft=draft,
    )


@contextmanager
def corpus_for_module(django_db_blocker):
    """The corpus built once for a test module, inside a transaction rolled back at its end.

    Each test still runs in its own savepoint (pytest-django's ``db``), so what a test adds goes away.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_corpus()
        transaction.set_rollback(True)
