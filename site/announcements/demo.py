"""Demo: the announcement board of seed 003, every notice with its real display window.

All ten windows (۱۳۹۷/۱۲/۱۹ … ۱۳۹۹/۰۵/۳۱) are long past, so every notice is published and then expired,
as ``publish_scheduled`` would have done, and lives in the archive. Decisions on the seed:
- the seed names its attachments but does not ship them: small sample files (pdf, zip, xlsx) are made
  in code; notice 1 says its new timetable is attached without a link, so a timetable workbook is added;
- the audience is not in the seed: notices that hand out internal material (lists of schools,
  inspection figures, supervision checklists, log-in credentials) are for agencies only, the rest public;
- «اجرای مرحله اول…» is shown from ۱۳۹۷/۰۱/۲۷, eleven months before the instruction it announces
  (۱۳۹۷/۱۲/۰۷); the window is kept as written and the likely typo noted on the page;
- instruction ۲۴۶۴۱۲ is dated «7/12/97» in one notice and «97/12/17» in another; it is stored as
  ۱۳۹۷/۱۲/۰۷ (the notice that announces it) with the other reading in its notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.text import Truncator

from home.demo import seed_text
from jalali.calendar import parse_jalali

from .audience import Audience, ensure_attachment_collections
from .models import AnnouncementIndexPage
from .sample_files import sample_file
from .services import Attachment, NewAnnouncement, publish_announcement

_MARKER = re.compile(r"•\s*تاریخ نمایش از\s*(\S+)\s*تا\s*(\S+)\s*مشاهده")
_FILE_KIND = re.compile(r"\(\s*(pdf|zip|xlsx)\s*\)\s*$")


@dataclass(frozen=True)
class NoticeFacts:
    """What the seed does not say in so many words, per notice, in the seed's order."""

    slug: str
    audience: str
    references: tuple[str, ...] = ()
    note: str = ""
    cycles: tuple[int, ...] = ()  # Jalali years of the evaluation cycles the notice is about


# Keys of ``REFERENCES`` below.
NOTICES = [
    NoticeFacts(
        "evaluation-process-1398",
        Audience.PUBLIC,
        (
            "circular-24-189975-110",
            "circular-761847",
            "letter-749014",
            "circular-712669",
            "letter-237016-110",
        ),
        "جدول زمان‌بندی جدید در متن اطلاعیه «به پیوست» آمده ولی پیوندی نداشت؛ فایل نمونه جای آن است.",
        (1398, 1399),
    ),
    NoticeFacts("schools-not-participating-safety", Audience.AGENCIES),
    NoticeFacts("safety-self-assessment-extended-again", Audience.PUBLIC),
    NoticeFacts("safety-self-assessment-extended", Audience.PUBLIC, ("instruction-246412",)),
    NoticeFacts("hamgam-login-and-reports", Audience.PUBLIC),
    NoticeFacts("housing-inspections-farvardin-1398", Audience.AGENCIES),
    NoticeFacts(
        "school-safety-instruction-phase-1",
        Audience.PUBLIC,
        ("instruction-246412",),
        "آغاز دوره نمایش (۱۳۹۷/۰۱/۲۷) در منبع همین است، هرچند یازده ماه پیش از تاریخ دستورالعملی است که "
        "این اطلاعیه ابلاغ می‌کند (۱۳۹۷/۱۲/۰۷)؛ به احتمال زیاد ۱۳۹۸/۰۱/۲۷ بوده است.",
    ),
    NoticeFacts(
        "nowruz-housing-supervision-1398",
        Audience.AGENCIES,
        ("guideline-6-221111-730", "letter-6-233670-730"),
    ),
    NoticeFacts("general-indicators-scoring-1397", Audience.PUBLIC),
    NoticeFacts("hamgam-credentials", Audience.AGENCIES),
]

MINISTRY = "وزارت آموزش و پرورش"
AEO = "سازمان اداری و استخدامی کشور"

# key: (title, type, number, date, authority, notes)
REFERENCES = {
    "circular-24-189975-110": (
        "بخشنامه فرایند ارزیابی عملکرد سال ۱۳۹۸ دستگاه آموزش و پرورش",
        "circular",
        "24/189975/110",
        "23/10/1398",
        MINISTRY,
        "",
    ),
    "circular-761847": ("بخشنامه ارزیابی عملکرد سال ۱۳۹۸", "circular", "761847", "27/12/1398", AEO, ""),
    "letter-749014": (
        "موافقت با تمدید فرایندهای ارزیابی عملکرد به سبب شیوع کرونا",
        "letter",
        "749014",
        "24/12/1398",
        AEO,
        "",
    ),
    "circular-712669": (
        "بخشنامه به‌روزرسانی شاخص‌های اختصاصی سال ۱۳۹۹",
        "circular",
        "712669",
        "07/12/1398",
        AEO,
        "",
    ),
    "letter-237016-110": (
        "ابلاغ شاخص‌های اختصاصی سال ۱۳۹۹ به واحدهای ستادی",
        "letter",
        "237016/110",
        "25/12/1398",
        MINISTRY,
        "",
    ),
    "instruction-246412": (
        "دستورالعمل ارزیابی سطح ایمنی و برنامه‌های بهبود ایمنی در مدارس کشور",
        "instruction",
        "246412",
        "7/12/97",
        MINISTRY,
        "در اطلاعیه «تمدید خود ارزیابی ایمنی مدارس تا تاریخ 98/02/05» تاریخ این دستورالعمل «97/12/17» آمده است.",
    ),
    "guideline-6-221111-730": (
        "شیوه‌نامه ستاد اسکان موقت نوروزی فرهنگیان",
        "instruction",
        "6/221111/730",
        "25/11/96",
        MINISTRY,
        "",
    ),
    "letter-6-233670-730": (
        "نامه نظارت بر ستادهای استان، پایگاه‌ها و مراکز اسکان",
        "letter",
        "6/233670/730",
        "17/11/97",
        MINISTRY,
        "",
    ),
}

# Notice 1 mentions its attachment in the text only.
EXTRA_ATTACHMENTS = {"evaluation-process-1398": [("جدول زمان‌بندی جدید ارزیابی عملکرد سال ۱۳۹۸", "xlsx")]}

_ADDRESSEE_STARTS = ("روسای", "رئیس", "/روسای", "/ کارشناسان", "کارشناسان", "کارشناس", "مسئولان")


def seed_notices() -> list[dict]:
    """Seed 003 split into notices: title, window, addressee, paragraphs and attachment lines."""
    text = seed_text.seed("003_announcements.txt")
    notices, start = [], 0
    for match in _MARKER.finditer(text):
        lines = [line.strip() for line in text[start : match.start()].splitlines() if line.strip()]
        start = match.end()
        if not notices:
            # The board's own heading comes first: the capture date (lunar) and «اطلاعیه مهم».
            lines = lines[lines.index("اطلاعیه مهم") + 1 :]
        title, rest = lines[0], lines[1:]
        addressee, paragraphs, files = [], [], []
        for line in rest:
            kind = _FILE_KIND.search(line)
            if kind or line.startswith(("فایل اکسل", "فایل فشرده")):
                label = _FILE_KIND.sub("", line).strip()
                files.append((label, kind.group(1) if kind else ("xlsx" if "اکسل" in line else "zip")))
            elif not paragraphs and line.startswith(_ADDRESSEE_STARTS):
                addressee.append(line.strip("/ ").strip())
            else:
                paragraphs.append(line)
        notices.append(
            {
                "title": title,
                "from": parse_jalali(match.group(1)),
                "to": parse_jalali(match.group(2)),
                "addressee": "، ".join(addressee),
                "paragraphs": paragraphs,
                "files": files,
            }
        )
    return notices


def summary_of(paragraphs: list[str]) -> str:
    """The first real sentence (greetings such as «سلام علیکم» are skipped), cut at a word."""
    first = next((p for p in paragraphs if len(p) > 40), "")
    return Truncator(first).words(30, truncate="…")


def _reference(loader, key: str):
    from procedures.models import ExternalReferencePage, IssuingAuthority
    from search.numbers import act_number_key

    title, ref_type, number, date, authority, notes = REFERENCES[key]
    # Other steps (evaluation cycles) may have made the same act already: find it by number.
    existing = ExternalReferencePage.objects.filter(number_key=act_number_key(number)).first()
    if existing is not None:
        return existing
    folder = loader.references_folder
    page = folder.add_child(
        instance=ExternalReferencePage(
            title=title,
            slug=key,
            ref_type=ref_type,
            number=number,
            date=parse_jalali(date),
            authority=IssuingAuthority.objects.get_or_create(name=authority)[0],
            notes=notes,
            summary="به این سند در تابلوی اطلاعیه‌ها (نمونه ۰۰۳) ارجاع شده است.",
        )
    )
    page.save_revision().publish()
    loader.say(f"مستند {title} ساخته شد")
    return page


def _cycles(years: tuple[int, ...]) -> list:
    """The evaluation cycle pages of these years, where the evaluation demo has made them."""
    from django.apps import apps

    try:
        cycle_model = apps.get_model("evaluation", "EvaluationCyclePage")
    except LookupError:
        return []
    return list(cycle_model.objects.filter(year__in=years).order_by("year"))


def board(loader) -> AnnouncementIndexPage:
    existing = AnnouncementIndexPage.objects.child_of(loader.home).filter(slug="announcements").first()
    if existing is not None:
        return existing
    page = loader.home.add_child(
        instance=AnnouncementIndexPage(
            title="اطلاعیه‌ها",
            slug="announcements",
            intro="<p>اطلاعیه‌های دفتر ارزیابی عملکرد، هر یک در دوره نمایش خود. اطلاعیه‌های گذشته در بایگانی می‌مانند.</p>",
        )
    )
    page.save_revision().publish()
    loader.say("تابلوی اطلاعیه‌ها ساخته شد")
    return page


def load_demo(loader) -> None:
    board_page = board(loader)
    public_files, agency_files = ensure_attachment_collections()
    officer = loader.users_by_name.get("officer")
    for facts, notice in zip(NOTICES, seed_notices(), strict=True):
        files = notice["files"] + EXTRA_ATTACHMENTS.get(facts.slug, [])
        attachments = [
            Attachment(label, f"{facts.slug}-{n}.{kind}", sample_file(kind, label))
            for n, (label, kind) in enumerate(files, start=1)
        ]
        spec = NewAnnouncement(
            slug=facts.slug,
            title=notice["title"],
            display_from=notice["from"],
            display_to=notice["to"],
            audience=facts.audience,
            addressee=notice["addressee"],
            summary=summary_of(notice["paragraphs"]),
            body="".join(f"<p>{escape(p)}</p>" for p in notice["paragraphs"]),
            note=facts.note,
            attachments=attachments,
            related=[_reference(loader, key) for key in facts.references] + _cycles(facts.cycles),
        )
        collection = agency_files if facts.audience == Audience.AGENCIES else public_files
        before = board_page.announcements().filter(slug=facts.slug).exists()
        publish_announcement(board_page, spec, collection, user=officer)
        if not before:
            loader.say(f"اطلاعیه «{notice['title']}» ساخته شد")
