"""A small tagged corpus: public, login-only and agencies-only items, and a record, on one subject."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from accounts.roles import Role
from jalali.calendar import parse_jalali
from tests.factories import new_procedure, paper_signers, person, site_tree


@dataclass
class Tagged:
    procedure: Page
    circular: Page
    regulation: Page
    login_only: Page
    public_notice: Page
    agency_notice: Page
    record: object
    people: dict


def reference(parent, slug, tags=(), **fields):
    from procedures.models import ExternalReferencePage

    page = ExternalReferencePage(slug=slug, **fields)
    parent.add_child(instance=page)
    page.tags.add(*tags)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def procedure_with_tags(parent, people, tags):
    """A procedure tagged in its draft, then issued (revision 00) the audited paper way."""
    from procedures.services import PaperRevision, import_legacy_revision
    from procedures.setup import ensure_signoff_workflow

    ensure_signoff_workflow(parent.get_parent())
    draft = new_procedure(
        parent,
        organisation="سازمان مدیریت و برنامه ریزی استان لرستان",
        organisation_unit="معاونت توسعه مدیریت و سرمایه انسانی",
        purpose="<p>هدف از این روش اجرایی ارزیابی عملکرد دستگاه‌های اجرایی استان است.</p>",
    )
    draft.tags.add(*tags)
    draft.save()
    on = dt.date(2016, 12, 25)  # 1395/10/05
    s = paper_signers(on)
    import_legacy_revision(
        draft,
        PaperRevision(0, on, None, "", s["preparer"], s["confirmer"], s["approver"]),
        imported_by=people["officer"],
        note="نسخه کاغذی",
    )
    draft.refresh_from_db()
    return draft


def notice(slug, title, audience, tags):
    from django.utils import timezone

    from announcements.audience import ensure_attachment_collections
    from announcements.models import AnnouncementIndexPage
    from announcements.services import NewAnnouncement, publish_announcement

    home = site_tree()[0]
    board = AnnouncementIndexPage.objects.first() or home.add_child(
        instance=AnnouncementIndexPage(title="اطلاعیه‌ها", slug="announcements")
    )
    if not board.live or not board.get_latest_revision():
        board.save_revision().publish()
    public, private = ensure_attachment_collections()
    today = timezone.localdate()
    spec = NewAnnouncement(
        slug=slug,
        title=title,
        display_from=today - dt.timedelta(days=1),
        display_to=today + dt.timedelta(days=10),
        body="<p>متن اطلاعیه</p>",
        audience=audience,
        summary="خلاصه",
        attachments=[],
        related=[],
    )
    page = publish_announcement(board, spec, private if audience == "agencies" else public)
    page.tags.add(*tags)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def tagged(db, tmp_path):
    from announcements.audience import Audience
    from tests.records import factories as record_factories

    people = {
        "officer": person("officer1", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "records": person("records1", Role.RECORDS_MANAGER, "مسئول بایگانی"),
        "agency": person("agency1", Role.AGENCY_USER, "کارشناس دستگاه"),
    }
    home, procedures, references = site_tree()
    circular = reference(
        references,
        "circular",
        ("بخشنامه", "نظام اداری"),
        title="وظايف و ضوابط سازماندهی دفاتر مديريت عملكرد",
        ref_type="circular",
        number="۳۶۷۷۳/۹۱/۲۱۰",
        date=parse_jalali("۱۳۹۱/۰۹/۱۳"),
        summary="وظایف دفاتر مدیریت عملکرد.",
    )
    regulation = reference(
        references,
        "regulation",
        ("نظام اداري",),  # Arabic ي: the same subject as on the circular
        title="آیین‌نامه اجرایی مواد ۸۱ و ۸۲",
        ref_type="executive_regulation",
        number="۴۲۲۵/۴۴۳۲۷",
        date=parse_jalali("۱۳۸۹/۰۱/۱۴"),
    )
    login_only = reference(
        references,
        "internal",
        ("بخشنامه",),
        title="بخشنامه داخلی محرمانه",
        ref_type="circular",
        number="۱۱۱/۲۲",
        date=parse_jalali("۱۳۹۹/۰۱/۱۰"),
    )
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    procedure = procedure_with_tags(procedures, people, ("ارزیابی عملکرد", "نظام اداری"))
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        public_notice = notice(
            "public-notice", "اطلاعیه عمومی جشنواره", Audience.PUBLIC, ("جشنواره شهید رجایی",)
        )
        agency_notice = notice("agency-notice", "اطلاعیه ویژه دستگاه‌ها", Audience.AGENCIES, ("بخشنامه",))
        register = record_factories.register_page(home)
        series = record_factories.series(register)
        record = record_factories.declared_record(series, people["records"])
    record.tags.add("بخشنامه")
    return Tagged(procedure, circular, regulation, login_only, public_notice, agency_notice, record, people)
