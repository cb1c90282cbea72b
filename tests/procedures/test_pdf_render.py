"""PDF copies of a controlled procedure: header block on every page, Persian text, embedded font, marking.

Text is read back with poppler's ``pdftotext`` (Debian ``poppler-utils``), one page at a time. It
rebuilds right-to-left lines from the glyphs' positions, so a value that mixes letters and digits
(«م پ-م-۱-۰۴/۰۰») can come back with its digit group moved; ``has_value`` therefore asks for the
label and every letter and digit group of the value on one line, not for one exact string.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from procedures.models import ControlledRevision

ISSUE_DATE = "۱۳۹۵/۱۰/۰۵"
SIGNERS = ("زینب گودرزی", "فریده بیرانوند", "علی هادی چگنی")
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_RUN = re.compile(r"[0-9۰-۹]+(?:[/.:][0-9۰-۹]+)*|[^\s0-9۰-۹:()/-]+")

# Skipped on a developer's machine without Debian's poppler-utils; in CI (CI=true) it must be there.
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None and not os.environ.get("CI"), reason="needs Debian poppler-utils"
)


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text as pdftotext reads it, without direction marks or ZWNJ (not glyphs in a PDF)."""
    count = len(PdfReader(io.BytesIO(pdf)).pages)
    texts = []
    for n in range(1, count + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-enc", "UTF-8", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        texts.append(re.sub(r"[ \t]+", " ", out.translate(_INVISIBLE)))
    return texts


def plain(text: str) -> str:
    return text.translate(_INVISIBLE)


def reads(page_text: str, expected: str) -> bool:
    """``expected`` is on the page, across line breaks. pdftotext writes the lam-alef ligature «لا»
    as «ال» (its two letters in visual order), so the expected text is spelled that way too."""
    flat = " ".join(page_text.split())
    return " ".join(plain(expected).replace("لا", "ال").split()) in flat


def has_value(page_text: str, label: str, value: str) -> bool:
    """Some line holds ``label`` and every letter run and digit group of ``value``."""
    runs = _RUN.findall(plain(value))
    return any(label in line and all(r in line for r in runs) for line in page_text.splitlines())


def page_of(page_text: str) -> tuple[int, int] | None:
    """The header's «صفحه N از M», as numbers."""
    from jalali.digits import to_ascii_digits

    found = re.search(r"صفحه\s*([۰-۹]+)\s*از\s*([۰-۹]+)", page_text)
    return (int(to_ascii_digits(found[1])), int(to_ascii_digits(found[2]))) if found else None


def rotated_text(pdf: bytes) -> list[str]:
    """Per page, the text drawn at an angle (the watermark), glyph runs joined without spaces."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        parts: list[str] = []

        def visit(text, cm, tm, font_dict, font_size, parts=parts):
            a, b = cm[0] * tm[0] + cm[2] * tm[1], cm[1] * tm[0] + cm[3] * tm[1]
            if text.strip() and abs(b) > 0.1 * max(abs(a), 1e-9):
                parts.append(text)

        page.extract_text(visitor_text=visit)
        pages.append(re.sub(r"\s+", "", plain("".join(parts))))
    return pages


def fonts_used(pdf: bytes) -> dict[str, bool]:
    """Every font the pages use, by base name, and whether its font program is embedded."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descendant = descendant.get_object()
                descriptor = descendant.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                name = str(descendant.get("/BaseFont", font.get("/BaseFont"))).lstrip("/").split("+", 1)[-1]
                fonts[name] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def long_activities(rows: int = 40) -> list[tuple[str, dict]]:
    """Enough activity rows for the PDF to run over several pages."""
    return [
        (
            "activity",
            {
                "number": str(n),
                "description": f"بررسی و امتیاز دهی شاخص های عمومی و اختصاصی دستگاه‌های اجرایی، مرحله {n}",
                "responsible": "سازمان مدیریت و برنامه ریزی استان" if n == 1 else '"',
                "collaborator": "",
                "related_records": "",
                "flowchart_step": str(n),
            },
        )
        for n in range(1, rows + 1)
    ]


@pytest.fixture
def long_procedure(tree, people, workflow):
    return make_long_procedure(tree, people)


def make_long_procedure(tree, people):
    """Revision 00 of a procedure long enough for three or more pages, imported from paper."""
    from procedures.services import PaperRevision, import_legacy_revision
    from tests.factories import new_procedure, paper_signers

    _, procedures, _ = tree
    page = new_procedure(
        procedures,
        purpose="<p>هدف از این روش اجرایی سنجش برنامه‌های نقشه راه اصلاح نظام اداری می‌باشد.</p>",
        activities=long_activities(),
    )
    on = dt.date(2016, 12, 25)  # 1395/10/05
    signers = paper_signers(on)
    import_legacy_revision(
        page,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی ۱۳۹۵",
    )
    page.refresh_from_db()
    return page


def render(page, number: int | None = None, copy=None, rf=None) -> bytes:
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from procedures.pdf.render import render_revision_pdf

    request = (rf or RequestFactory()).get("/")
    request.user = AnonymousUser()
    controlled = (
        page.current_controlled_revision
        if number is None
        else ControlledRevision.objects.get(page_id=page.pk, number=number)
    )
    return render_revision_pdf(request, page, controlled, copy=copy)


@needs_poppler
@pytest.mark.django_db
def test_every_page_carries_the_header_block_with_page_n_of_m(long_procedure):
    pdf = render(long_procedure)
    pages = page_texts(pdf)
    assert len(pages) >= 3
    for n, text in enumerate(pages, start=1):
        assert page_of(text) == (n, len(pages)), text[:600]
        assert has_value(text, "کد فرم", "م ک-ف-۰۱/۰۰")
        assert has_value(text, "کد روش اجرایی", "م پ-م-۱-۰۴/۰۰")
        assert has_value(text, "شماره بازنگری", "(۰۰)")
        assert has_value(text, "تاریخ صدور", ISSUE_DATE)
        assert has_value(text, "تاریخ بازنگری", "--")
        assert has_value(text, "عنوان سند", "روش اجرایی ارزیابی عملکرد")
        assert "گیرنده سند" in text
        assert "تحت کنترل سیستم مدیریت کیفیت سازمان قرار دارد" in text  # the control notice


def _fa(n: int) -> str:
    from jalali.digits import to_persian_digits

    return to_persian_digits(n)


def glyphs_per_letter(pdf: bytes) -> dict[str, set[int]]:
    """From the embedded fonts' ToUnicode maps: which glyph ids stand for each Arabic-script letter."""
    found: dict[str, set[int]] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for section in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for gid, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
                    text = bytes.fromhex(uni).decode("utf-16-be")
                    if len(text) == 1:
                        found.setdefault(text, set()).add((id(font), int(gid, 16)))
    return found


@pytest.mark.django_db
def test_persian_is_shaped_and_vazirmatn_is_embedded(issued):
    pdf = render(issued)

    fonts = fonts_used(pdf)
    assert fonts and all(fonts.values()), fonts  # every font the text uses travels with the file
    assert {name.split("-")[0] for name in fonts} == {"Vazirmatn"}
    # Shaped Persian uses a different glyph for a letter at the start, middle and end of a word;
    # an unshaped rendering would map each letter to a single (isolated) glyph.
    glyphs = glyphs_per_letter(pdf)
    for letter in "بیهس":
        assert len(glyphs.get(letter, ())) >= 2, letter


@needs_poppler
@pytest.mark.django_db
def test_first_page_carries_the_three_signoffs_with_positions(issued):
    first = page_texts(render(issued))[0]
    for name in SIGNERS:
        assert reads(first, name)
    for position in ("رئیس اداره بودجه و تشکیلات", "معاون توسعه مدیریت و سرمایه انسانی"):
        assert reads(first, position)
    for role in ("تهیه‌کننده", "تاییدکننده", "تصویب‌کننده"):
        assert reads(first, role)


@needs_poppler
@pytest.mark.django_db
def test_uncontrolled_copy_has_watermark_notice_and_jalali_print_date_on_every_page(long_procedure):
    from django.utils import timezone

    from jalali.calendar import format_jalali

    pdf = render(long_procedure)
    today = format_jalali(timezone.localdate())
    pages = page_texts(pdf)
    watermarks = rotated_text(pdf)
    assert len(pages) >= 3 and len(watermarks) == len(pages)
    for text, watermark in zip(pages, watermarks, strict=True):
        assert watermark == "نسخهکنترلنشده"
        assert "نسخه کنترلنشده — فاقد اعتبار پس از چاپ" in text
        assert has_value(text, "تاریخ چاپ", today)
        assert "نسخه کنترلشده شماره" not in text


@needs_poppler
@pytest.mark.django_db
def test_superseded_revision_00_prints_with_its_own_code_and_marked_obsolete(issued, people):
    from tests.procedures.signoff import sign_through

    sign_through(
        issued,
        people["preparer"],
        people["confirmer"],
        people["approver"],
        change_reason="افزودن مرحله اعتراض",
    )
    issued.refresh_from_db()

    old = render(issued, number=0)
    new = render(issued, number=1)

    old_first, new_first = page_texts(old)[0], page_texts(new)[0]
    assert has_value(old_first, "کد روش اجرایی", "م پ-م-۱-۰۴/۰۰")
    assert "این بازنگری منسوخ است" in old_first
    assert all("نسخهکنترلنشده" in w and "منسوخ" in w for w in rotated_text(old))

    assert has_value(new_first, "کد روش اجرایی", "م پ-م-۱-۰۴/۰۱")
    assert not has_value(new_first, "کد روش اجرایی", "م پ-م-۱-۰۴/۰۰")
    assert has_value(new_first, "شماره بازنگری", "(۰۱)")
    assert has_value(new_first, "تاریخ صدور", ISSUE_DATE)  # the issue date stays
    assert "افزودن مرحله اعتراض" in new_first  # the change reason, as on the page
    assert "منسوخ" not in new_first


@needs_poppler
@pytest.mark.django_db
def test_the_service_statement_prints_with_the_same_header(tree, people, workflow):
    from procedures.models import ServiceStatementPage
    from procedures.services import PaperRevision, import_legacy_revision
    from tests.factories import paper_signers

    home, _, _ = tree
    statement = ServiceStatementPage(
        title="بیانیه سطح توافق خدمت ارزیابی عملکرد",
        document_code="ب س-۱",
        live=False,
        service_steps=[("step", "ارسال شاخص‌های ارزیابی به دستگاه‌ها")],
    )
    home.add_child(instance=statement)
    on = dt.date(2016, 12, 25)
    signers = paper_signers(on)
    import_legacy_revision(
        statement,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی",
    )
    statement.refresh_from_db()

    first = page_texts(render(statement))[0]
    assert has_value(first, "کد سند", "ب س-۱/۰۰")
    assert has_value(first, "تاریخ صدور", ISSUE_DATE)
    assert page_of(first) == (1, 1)
    assert reads(first, "ارسال شاخص‌های ارزیابی به دستگاه‌ها")
