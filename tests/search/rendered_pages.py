"""Pages of every searchable type, built with the factories twice: ``full`` (every section a reader can
see filled with its own words) and bare (title only), whose rendering tells the template's own words
(headings, labels) from the page's. Used by ``test_rendered_words``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Page

from tests.factories import new_procedure, person, site_tree

DAY = dt.date(2016, 12, 25)


@dataclass
class Built:
    page: Page
    url: str  # where a reader sees it


def _signers(full: bool):
    from procedures.services import Signer

    if not full:
        return tuple(Signer(f"امضاکننده {n}", "سمت", DAY) for n in ("الف", "ب", "ج"))
    return (
        Signer("زینب گودرزی", "رئیس اداره بودجه و تشکیلات", DAY),
        Signer("فریده بیرانوند", "معاون توسعه مدیریت و سرمایه انسانی", DAY),
        Signer("علی هادی چگنی", "رئیس سازمان مدیریت و برنامه ریزی استان لرستان", DAY),
    )


def _issue(page, full: bool) -> Page:
    """Revision 00 in force, imported from paper with its three signers (seed 000's path)."""
    from procedures.services import PaperRevision, import_legacy_revision

    preparer, confirmer, approver = _signers(full)
    import_legacy_revision(
        page,
        PaperRevision(0, DAY, None, "", preparer, confirmer, approver),
        imported_by=person("rendered-officer", None),
        note="نسخه کاغذی",
    )
    return type(page).objects.get(pk=page.pk)


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _reference(parent, slug: str, **fields) -> Page:
    from procedures.models import ExternalReferencePage

    page = ExternalReferencePage(slug=slug, **fields)
    parent.add_child(instance=page)
    return _publish(page)


def _text(full: bool):
    """The page's own words when ``full``; one placeholder word for every text of the bare twin, so
    both render the same template parts (labels shown only beside a value included)."""
    return (lambda text: text) if full else (lambda text: "خالی")


def procedure(full: bool) -> Built:
    from procedures.models import IssuingAuthority

    t = _text(full)
    tag = "full" if full else "bare"
    _, procedures, references = site_tree()
    authority, _ = IssuingAuthority.objects.get_or_create(name=t("شورای عالی اداری کشور"))
    cited = _reference(
        references,
        f"cited-{tag}",
        title=t("نقشه راه اصلاح نظام اداری"),
        ref_type="resolution",
        number="۵۶۰/۹۳/۲۰۶",
        authority=authority,
    )
    page = new_procedure(
        procedures,
        title=t("روش اجرایی ارزیابی عملکرد دستگاه‌های اجرایی استان"),
        code=f"م پ-م-۱-{int(full)}",
        slug=f"{tag}-procedure",
        organisation=t("سازمان مدیریت و برنامه‌ریزی استان لرستان"),
        organisation_unit=t("معاونت توسعه مدیریت و سرمایه انسانی"),
        control_notice=t("این سند تحت کنترل سیستم مدیریت کیفیت سازمان قرار دارد"),
        purpose=f"<p>{t('تعیین چارچوب یکسان برای سنجش کارایی و اثربخشی دستگاه‌ها')}</p>",
        scope=f"<p>{t('کلیه دستگاه‌های اجرایی مستقر در قلمرو جغرافیایی استان')}</p>",
        definitions=[
            {
                "type": "definition",
                "value": {"term": t("شاخص عمومی"), "definition": t("معیاری مشترک میان همه سازمان‌ها")},
            },
        ],
        responsibility_execution=f"<p>{t('مسئولیت اجرای این روش بر عهده اداره بودجه و تشکیلات است')}</p>",
        responsibility_supervision=f"<p>{t('مسئولیت نظارت بر حسن اجرا با معاون توسعه مدیریت است')}</p>",
        activities=[
            {
                "type": "activity",
                "value": {
                    "number": "۱",
                    "description": t("ابلاغ شاخص‌های اختصاصی به واحدهای استانی"),
                    "responsible": t("کارشناس مسئول"),
                    "collaborator": t("دبیرخانه شورا"),
                    "related_records": t("نامه ابلاغیه"),
                    "flowchart_step": t("آغاز"),
                },
            },
        ],
        records_list=[
            {
                "type": "record",
                "value": {
                    "name": t("صورتجلسه کمیته برگزیدگان"),
                    "code": "س-ک-۰۱",
                    "medium": "paper",
                    "active_period": t("دوسال"),
                    "archive_period": t("پنج‌سال"),
                    "place": t("بایگانی مرکزی"),
                    "custodian": t("متصدی دفتر"),
                    "disposal": t("خمیرکردن"),
                },
            },
        ],
        external_documents=[
            {
                "type": "external_document",
                "value": {"reference": cited.pk, "title": "", "notes": t("ملاک عمل")},
            },
            {
                "type": "external_document",
                "value": {"reference": None, "title": t("سند چشم‌انداز بیست‌ساله"), "notes": ""},
            },
        ],
        attachments=[{"type": "attachment", "value": {"title": t("فرم گزارش پایش"), "document": None}}],
        demo_note=t("این نسخه برای نمایش ساخته شده است"),
    )
    page = _issue(page, full)
    return Built(page, page.url)


def statement(full: bool) -> Built:
    from procedures.models import ServiceStatementPage

    t = _text(full)
    _, procedures, _ = site_tree()
    page = ServiceStatementPage(
        title=t("بیانیه سطح توافق خدمت ارزیابی"),
        slug="full-statement" if full else "bare-statement",
        document_code="ب-س-۱" if full else "ب-خ-۲",
        live=False,
        organisation=t("سازمان مدیریت و برنامه‌ریزی استان اصفهان"),
        introduction=f"<p>{t('ارائه خدمات شفاف و پاسخگو به شهروندان')}</p>",
        purpose=f"<p>{t('بهبود رضایتمندی مخاطبان از فرایند سنجش')}</p>",
        responsibility=f"<p>{t('برنامه پنجم توسعه و نقشه راه')}</p>",
        service_steps=[
            {"type": "step", "value": t("ارسال شاخص‌ها به دستگاه‌ها")},
            {"type": "step", "value": t("برگزاری جلسه توجیهی")},
        ],
        commitments=[{"type": "commitment", "value": t("حفظ محرمانگی گذرواژه کاربری")}],
        costs=f"<p>{t('این خدمت رایگان است')}</p>",
        validity=f"<p>{t('تا صدور اصلاحیه معتبر است')}</p>",
        termination=f"<p>{t('خاتمه توافقنامه با اطلاع قبلی امکان‌پذیر است')}</p>",
    )
    procedures.add_child(instance=page)
    page = _issue(page, full)
    return Built(page, page.url)


def reference(full: bool) -> Built:
    from procedures.models import IssuingAuthority

    t = _text(full)
    _, _, references = site_tree()
    authority, _ = IssuingAuthority.objects.get_or_create(
        name=t("معاونت توسعه مدیریت و سرمایه انسانی رئیس‌جمهور")
    )
    page = _reference(
        references,
        "full-reference" if full else "bare-reference",
        title=t("وظايف و ضوابط سازماندهي دفاتر مديريت عملكرد"),
        ref_type="circular",
        number="۳۶۷۷۳/۹۱/۲۱۰" if full else "۱/۲",
        number_aliases="۳۶۷۷۳/۲۱۰" if full else "۱/۳",
        date=dt.date(2012, 12, 3),
        authority=authority,
        summary=t("سازماندهی دفاتر پاسخگویی به شکایات"),
        body=f"<p>{t('تهيه گزارش عملكرد سالانه و ارسال آن به معاونت')}</p>",
        notes=t("متن کامل در پایگاه قوانین موجود است"),
        attachments=[{"type": "attachment", "value": {"title": t("پیوست جدول وظایف"), "document": None}}],
    )
    return Built(page, page.url)


def _board():
    from announcements.models import AnnouncementIndexPage

    home, _, _ = site_tree()
    board = AnnouncementIndexPage.objects.first()
    if board is None:
        board = home.add_child(instance=AnnouncementIndexPage(title="اطلاعیه‌ها", slug="announcements"))
        board = _publish(board)
    return board


def _announcement(full: bool, *, ended: bool) -> Built:
    from announcements.audience import ensure_attachment_collections
    from announcements.sample_files import sample_file
    from announcements.services import Attachment, NewAnnouncement, publish_announcement

    t = _text(full)
    today = timezone.localdate()
    start, end = (today - dt.timedelta(days=30), today - dt.timedelta(days=2)) if ended else (today, None)
    spec = NewAnnouncement(
        slug=f"{'full' if full else 'bare'}-{'ended' if ended else 'showing'}",
        title=t("تمدید مهلت خودارزیابی ایمنی مدارس"),
        display_from=start,
        display_to=end,
        body=f"<p>{t('مهلت انجام خودارزیابی تا پایان هفته آینده تمدید گردید')}</p>",
        summary=t("مهلت خودارزیابی تمدید شد"),
        addressee=t("روسای محترم ادارات ارزیابی عملکرد"),
        attachments=[Attachment(t("راهنمای سامانه جامع"), "guide.pdf", sample_file("pdf", "راهنما"))],
    )
    public, _ = ensure_attachment_collections()
    page = publish_announcement(_board(), spec, public)
    page = type(page).objects.get(pk=page.pk)
    page.note = t("پرسش‌ها را با دفتر هماهنگی مطرح کنید")
    if ended:  # kept after its window, as an editor's correction of the record
        page.save(update_fields=["note"])
    else:
        page = _publish(page)
    page = type(page).objects.get(pk=page.pk)
    return Built(page, page.get_url())


def announcement(full: bool) -> Built:
    return _announcement(full, ended=False)


def archived_announcement(full: bool) -> Built:
    return _announcement(full, ended=True)


def news(full: bool) -> Built:
    """A news item (seed 004) under the news index."""
    from news.models import NewsIndexPage, NewsPage

    t = _text(full)
    home, _, _ = site_tree()
    index = NewsIndexPage.objects.first()
    if index is None:
        index = _publish(home.add_child(instance=NewsIndexPage(title="اخبار", slug="news")))
    page = NewsPage(
        slug=f"news-{int(full)}",
        title=t("نشست کارگروه مشترک پایش شهری"),
        published_on=dt.date(2014, 9, 13),
        news_number=f"۱۲۹۱۵{int(full)}",
        source=t("خبرگزاری شهرنگار"),
        summary=t("گزارش نشست فصلی کارگروه"),
        body=f"<p>{t('کارنامه‌های عملکردی کلانشهرها در نشست بررسی گردید')}</p>",
    )
    index.add_child(instance=page)
    page = _publish(page)
    return Built(page, page.url)


def cycle(full: bool) -> Built:
    from records.evaluation.models import EvaluationIndexPage
    from tests.evaluation import factories as ef

    t = _text(full)
    home, procedures, _ = site_tree()
    index = EvaluationIndexPage.objects.first()
    if index is None:
        index = _publish(
            home.add_child(instance=EvaluationIndexPage(title="ارزیابی عملکرد", slug="evaluation"))
        )
    governing = new_procedure(
        procedures, title=t("روش حاکم"), code=f"م پ-ح-{int(full)}", slug=f"gov-{int(full)}"
    )
    governing = _issue(governing, False)
    year = ef.YEAR if full else ef.YEAR - 1
    page = ef.cycle(index, governing, year=year, slug=f"c-{year}")
    page.title = t("سنجش کارنامه دستگاه‌های استانی")
    page.intro = f"<p>{t('آغاز دوره ارزیابی با بخشنامه معاون رئیس‌جمهور')}</p>"
    page.note = t("نشست هم‌اندیشی کارگروه تخصصی در تالار همایش‌ها برگزار می‌شود")
    page = _publish(page)
    return Built(page, page.url)


def indicator(full: bool) -> Built:
    """An indicator of the bank (not a page): its public page under the evaluation index."""
    from records.evaluation.models import ChecklistQuestion, EvaluationIndexPage
    from tests.evaluation import factories as ef

    t = _text(full)
    home, _, _ = site_tree()
    index = EvaluationIndexPage.objects.first()
    if index is None:
        index = _publish(
            home.add_child(instance=EvaluationIndexPage(title="ارزیابی عملکرد", slug="evaluation"))
        )
    owner = ef.agency(f"ش-{int(full)}", t("اداره کل راه و شهرسازی"))
    made = ef.indicator(
        f"ش-ا-{int(full)}",
        kind="specific",
        owner=owner,
        title=t("استقرار میز خدمت الکترونیکی"),
        evidence_required=t("تصویر صفحه درگاه و گزارش بازدید"),
        description=t("سهم خدمات برخط از کل خدمات قابل ارائه"),
    )
    made.checklist = [ChecklistQuestion(kind="strategic", question=t("آیا پیشخوان دولت همراه راه‌اندازی شده"))]
    made.save()
    return Built(made, index.url + index.reverse_subpage("indicator_detail", args=[made.pk]))


def retention_series(full: bool) -> Built:
    """A row of the retention schedule (records app), as its public page shows it."""
    from tests.records import factories as rf

    t = _text(full)
    home, _, _ = site_tree()
    register = rf.register_page(home)
    page = rf.series(register, code=f"س-ر-{int(full)}", title=t("پرونده‌های ارزشیابی کارکنان"))
    page = type(page).objects.get(pk=page.pk)
    page.active_place = t("اتاق بایگانی طبقه دوم")
    page.archive_place = t("مخزن اسناد راکد")
    page.custodian_unit = t("اداره منابع انسانی")
    page.description = t("شامل فرم‌های امتیازدهی و صورت‌جلسات کمیته")
    page = _publish(page)
    return Built(page, page.url)
