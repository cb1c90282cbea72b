"""Demo step for records (run by ``load_demo`` after the core): the retention register of the
evaluation procedure, revision 01 of procedure 000 whose §6 rows link to it (signed through the
real workflow), and a few declared records with small files, one on hold, some due. Idempotent.

The seed's §6 table is empty, so every row here is illustrative; the page's demo note says so.
"""

from __future__ import annotations

from accounts.roles import Role
from jalali.calendar import parse_jalali
from procedures.models import ControlledRevision
from records import services
from records.choices import Disposal, HoldKind, Medium, PeriodUnit, Trigger
from records.models import Hold, Record, RetentionRegisterPage, RetentionSeriesPage
from records.setup import ensure_records_setup

CHANGE_REASON = "تکمیل فهرست سوابق با ردیف‌های نمایشی"
DEMO_NOTE = (
    "فهرست سوابق (بند ۶) در نسخه کاغذی بازنگری (۰۰) خالی بوده است. ردیف‌های بند ۶ در بازنگری (۰۱) نمایشی‌اند: "
    "برای نشان دادن پیوند روش اجرایی با «جدول نگهداری سوابق» ساخته شده‌اند و مدت‌ها و محل‌ها نمونه‌اند."
)

Y, M = PeriodUnit.YEARS, PeriodUnit.MONTHS
EVAL_UNIT = "اداره ارزیابی عملکرد و پاسخگویی به شکایات"

# code, slug, title, medium, (active), (archive), trigger, active place, archive place, custodian role, disposal
SERIES = [
    (
        "س-ا-۰۱",
        "self-assessment-evidence",
        "مستندات خودارزیابی دستگاه‌های اجرایی",
        Medium.ELECTRONIC,
        (2, Y),
        (3, Y),
        Trigger.CYCLE_END,
        "سامانه ارزیابی عملکرد (تسما)",
        "بایگانی الکترونیکی سازمان",
        Role.EVALUATOR,
        Disposal.DESTROY,
    ),
    (
        "س-ا-۰۲",
        "review-score-sheets",
        "برگه‌های بررسی و امتیازدهی ارزیابان",
        Medium.BOTH,
        (2, Y),
        (5, Y),
        Trigger.CYCLE_END,
        "اداره ارزیابی عملکرد",
        "بایگانی مرکزی",
        Role.EVALUATOR,
        Disposal.DESTROY,
    ),
    (
        "س-ا-۰۳",
        "objection-files",
        "پرونده‌های اعتراض دستگاه‌ها به نتایج",
        Medium.BOTH,
        (1, Y),
        (5, Y),
        Trigger.CLOSURE,
        "اداره ارزیابی عملکرد",
        "بایگانی مرکزی",
        Role.RECORDS_MANAGER,
        Disposal.REVIEW,
    ),
    (
        "س-ا-۰۴",
        "council-minutes",
        "صورت‌جلسات کمیته راهبری ارزیابی و شورای اداری استان",
        Medium.PAPER,
        (5, Y),
        (0, Y),
        Trigger.CREATION,
        "دبیرخانه شورای اداری",
        "بایگانی مرکزی",
        Role.RECORDS_MANAGER,
        Disposal.KEEP,
    ),
    (
        "س-ا-۰۵",
        "circulars-received",
        "بخشنامه‌ها و دستورالعمل‌های دریافتی ارزیابی عملکرد",
        Medium.BOTH,
        (2, Y),
        (3, Y),
        Trigger.SUPERSESSION,
        "اداره ارزیابی عملکرد",
        "بایگانی مرکزی",
        Role.QUALITY_OFFICER,
        Disposal.TRANSFER,
    ),
    (
        "س-ا-۰۶",
        "final-results",
        "نتایج نهایی ارزیابی، سطح‌بندی و رتبه‌بندی دستگاه‌ها",
        Medium.ELECTRONIC,
        (5, Y),
        (10, Y),
        Trigger.CYCLE_END,
        "سامانه سند",
        "بایگانی الکترونیکی سازمان",
        Role.RECORDS_MANAGER,
        Disposal.KEEP,
    ),
    (
        "س-ا-۰۷",
        "festival-files",
        "پرونده جشنواره شهید رجایی (تقدیر از دستگاه‌های برتر)",
        Medium.BOTH,
        (2, Y),
        (3, Y),
        Trigger.CYCLE_END,
        "ستاد جشنواره",
        "بایگانی مرکزی",
        Role.RECORDS_MANAGER,
        Disposal.TRANSFER,
    ),
    (
        "س-ا-۰۸",
        "analysis-reports",
        "گزارش‌های تحلیل نتایج ارزیابی",
        Medium.ELECTRONIC,
        (3, Y),
        (18, M),
        Trigger.CREATION,
        "اداره ارزیابی عملکرد",
        "بایگانی الکترونیکی سازمان",
        Role.RECORDS_MANAGER,
        Disposal.TRANSFER,
    ),
]


def _pdf(text: str) -> bytes:
    """A tiny valid PDF whose only content is an ASCII line (enough for a demo file with magic bytes)."""
    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(body)).encode() + b" >>\nstream\n" + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# reference, series code, title, record date, trigger date, medium, location, file name, file bytes
RECORDS = [
    (
        "ارز/۹۷/۰۴۱",
        "س-ا-۰۱",
        "مستندات خودارزیابی اداره کل راه و شهرسازی استان — دوره ۱۳۹۷",
        "1397/11/20",
        "1398/06/31",
        Medium.ELECTRONIC,
        "",
        "مستندات-خودارزیابی-۱۳۹۷.pdf",
        _pdf("Self-assessment evidence 1397"),
    ),
    (
        "ارز/۹۶/۰۱۸",
        "س-ا-۰۱",
        "مستندات خودارزیابی اداره کل آموزش و پرورش استان — دوره ۱۳۹۶",
        "1396/12/10",
        "1397/06/31",
        Medium.ELECTRONIC,
        "",
        "مستندات-خودارزیابی-۱۳۹۶.pdf",
        _pdf("Self-assessment evidence 1396"),
    ),
    (
        "ارز/۹۸/۲۲۰",
        "س-ا-۰۲",
        "برگه‌های امتیازدهی شاخص‌های عمومی — دوره ۱۳۹۸",
        "1399/02/15",
        "1399/06/31",
        Medium.BOTH,
        "بایگانی مرکزی، قفسه ۴، زونکن ۱۷",
        "برگه-امتیاز-۱۳۹۸.pdf",
        _pdf("Score sheets 1398"),
    ),
    (
        "اعت/۱۴۰۲/۰۰۷",
        "س-ا-۰۳",
        "پرونده اعتراض اداره کل بهزیستی استان به امتیاز شاخص اختصاصی",
        "1402/08/12",
        None,
        Medium.BOTH,
        "اداره ارزیابی عملکرد، پرونده‌های در جریان",
        "لایحه-اعتراض.txt",
        "لایحه اعتراض اداره کل بهزیستی استان به امتیاز شاخص اختصاصی شماره ۳\n".encode(),
    ),
    (
        "شور/۹۶/۰۰۳",
        "س-ا-۰۴",
        "صورت‌جلسه شورای اداری استان — تصویب نتایج ارزیابی ۱۳۹۵",
        "1396/03/20",
        None,
        Medium.PAPER,
        "بایگانی مرکزی، قفسه ۱، زونکن ۲",
        None,
        None,
    ),
    (
        "بخش/۹۵/۹۴۰۱۲۱",
        "س-ا-۰۵",
        "بخشنامه ۹۴۰۱۲۱ ابلاغ شاخص‌های عمومی ارزیابی عملکرد",
        "1395/10/14",
        None,
        Medium.ELECTRONIC,
        "",
        "بخشنامه-۹۴۰۱۲۱.pdf",
        _pdf("Circular 940121"),
    ),
    (
        "جشن/۹۷/۰۰۲",
        "س-ا-۰۷",
        "پرونده جشنواره شهید رجایی استان — ۱۳۹۷",
        "1398/05/30",
        "1398/06/31",
        Medium.ELECTRONIC,
        "",
        "پرونده-جشنواره-۱۳۹۷.pdf",
        _pdf("Festival file 1397"),
    ),
    (
        "نتا/۱۴۰۱/۰۰۱",
        "س-ا-۰۶",
        "نتایج نهایی ارزیابی عملکرد دستگاه‌های اجرایی استان — ۱۴۰۱",
        "1402/04/10",
        "1402/06/31",
        Medium.ELECTRONIC,
        "",
        "نتایج-نهایی-۱۴۰۱.pdf",
        _pdf("Final results 1401"),
    ),
]
HOLDS = [
    ("ارز/۹۶/۰۱۸", HoldKind.AUDIT, "ممیزی داخلی سیستم مدیریت کیفیت: نمونه‌گیری از مستندات خودارزیابی ۱۳۹۶"),
    ("اعت/۱۴۰۲/۰۰۷", HoldKind.OBJECTION, "اعتراض دستگاه در کمیته بررسی اعتراضات در جریان است"),
]


def load_demo(loader) -> None:
    users = loader.users_by_name
    register = _register(loader)
    series = _series(loader, register)
    _revision_01(loader, series, users)
    _records(loader, series, users)


def _register(loader) -> RetentionRegisterPage:
    register = RetentionRegisterPage.objects.child_of(loader.home).filter(slug="retention").first()
    if register is None:
        register = loader.home.add_child(
            instance=RetentionRegisterPage(
                title="جدول نگهداری سوابق",
                slug="retention",
                intro="<p>ردیف‌های فهرست سوابق روش‌های اجرایی: مدت نگهداری جاری و راکد، محل و مسئول نگهداری و نحوه امحاء. "
                "ردیف‌های این نسخه نمایشی‌اند.</p>",
            )
        )
        register.save_revision().publish()
        loader.say("جدول نگهداری سوابق ساخته شد")
    ensure_records_setup(register)
    return register


def _series(loader, register) -> dict[str, RetentionSeriesPage]:
    made = {}
    for code, slug, title, medium, active, archive, trigger, place1, place2, role, disposal in SERIES:
        page = RetentionSeriesPage.objects.filter(code=code).first()
        if page is None:
            page = register.add_child(
                instance=RetentionSeriesPage(
                    title=title,
                    slug=slug,
                    code=code,
                    medium=medium,
                    active_amount=active[0],
                    active_unit=active[1],
                    archive_amount=archive[0],
                    archive_unit=archive[1],
                    trigger=trigger,
                    active_place=place1,
                    archive_place=place2,
                    custodian_unit=EVAL_UNIT,
                    custodian_role=role.name,
                    disposal=disposal,
                    governing_procedure=loader.procedure_page,
                )
            )
            page.save_revision().publish()
            loader.say(f"ردیف {code} جدول نگهداری ساخته شد")
        made[code] = page
    return made


def _revision_01(loader, series, users) -> None:
    """Revision 01 of procedure 000, §6 linked to the series, signed officer → confirmer → approver."""
    page = loader.procedure_page
    if ControlledRevision.objects.filter(page_id=page.pk, number__gte=1).exists():
        return
    page = type(page).objects.get(pk=page.pk)
    if page.current_workflow_state is None:
        draft = page.get_latest_revision_as_object()
        draft.records_list = [("record", {"series": s}) for _, s in sorted(series.items())]
        draft.change_reason = CHANGE_REASON
        draft.demo_note = f"{draft.demo_note}\n{DEMO_NOTE}".strip()
        draft.save_revision(user=users["officer"])
        page = type(page).objects.get(pk=page.pk)
        state = page.get_workflow().start(page, users["officer"])
    else:
        state = page.current_workflow_state
    for signer in ("confirmer", "approver"):
        state.refresh_from_db()
        task_state = state.current_task_state
        if task_state is None:
            break
        task_state.task.specific.on_action(task_state, users[signer], "approve")
    loader.say("بازنگری ۰۱ روش اجرایی با فهرست سوابق پیوندخورده با گردش امضا منتشر شد")


def _records(loader, series, users) -> None:
    keeper = users["records"]
    for ref, code, title, on, trigger, medium, location, file_name, data in RECORDS:
        if Record.objects.filter(reference_number=ref).exists():
            continue
        record = services.create_record(
            series[code],
            by=keeper,
            title=title,
            reference_number=ref,
            record_date=parse_jalali(on),
            trigger_date=parse_jalali(trigger) if trigger else None,
            medium=medium,
            physical_location=location,
        )
        if data is not None:
            services.attach_file(record, name=file_name, data=data, by=keeper)
        services.declare_record(record, by=keeper)
        loader.say(f"سابقه {ref} اعلام شد")
    for ref, kind, reason in HOLDS:
        record = Record.objects.get(reference_number=ref)
        if not Hold.objects.filter(record=record).exists():
            services.place_hold(record=record, kind=kind, reason=reason, by=keeper)
            loader.say(f"سابقه {ref} توقیف شد")
    mine = Record.objects.filter(reference_number__in=[r[0] for r in RECORDS])
    report = services.apply_retention(apply=True, records=mine)
    if report.moves:
        loader.say(
            f"جدول نگهداری اجرا شد: {len(report.moves)} جابه‌جایی مرحله، {len(report.due)} سابقه در موعد"
        )
