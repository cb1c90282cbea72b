"""Reading Jalali dates the way they really appear in Iranian documents and in what users type.

One parser for every form met in the seeds: year first «۱۳۹۵/۱۰/۰۵», day first «13/09/1391»,
two-digit years «98/02/10», spaces around separators «۱۴ / ۰۱ / ۱۳۸۹», month names «22 شهریور 1393»,
mixed Persian/Arabic-Indic/ASCII digits, and a leading «تاریخ» or «مورخ». Impossible dates are refused
with a Persian message saying what is wrong.

Two-digit years: 00–29 mean 1400–1429 and 30–99 mean 1330–1399 (see ``expand_two_digit_year``).
"""

from __future__ import annotations

import datetime
import re

from .conversion import jalali_to_gregorian, validate_jalali
from .digits import to_persian_digits
from .errors import JalaliDateError
from .months import is_lunar_month, month_name_pattern, month_number
from .textnorm import normalize_letters, normalize_with_map

#: Two-digit years below this are 14xx, the rest 13xx: «98/02/10» is 1398, «05/02/10» is 1405.
#: Fixed rather than sliding with the clock, so that a stored reading never changes meaning.
TWO_DIGIT_YEAR_PIVOT = 30

#: Years a person plausibly writes; anything else is a typo or a Gregorian date.
PARSE_MIN_YEAR = 1200
PARSE_MAX_YEAR = 1599

_EXAMPLE = "۱۴۰۳/۰۵/۲۱ یا ۲۱ مرداد ۱۴۰۳"

_SEP = r"\s*[/\-.,]\s*"
_NUMERIC = re.compile(rf"(\d+){_SEP}(\d+){_SEP}(\d+)")
_WORD = r"[^\W\d_]+"
_NAMED = re.compile(rf"(\d+)\s*({_WORD}(?:\s+{_WORD})*?)\s*,?\s*(\d+)")
_PREFIX = re.compile(r"^(?:به\s+)?(?:تاریخ|مورخه|مورخ)\s*[:\-]?\s*")
_SUFFIX = re.compile(r"\s*(?:ه\s*\.?\s*ش\s*\.?|هجری\s+شمسی|شمسی)$")

_TIME = r"(?:ساعت\s*)?(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?"
_TIME_LAST = re.compile(rf"(.*?)[\s,\-]*{_TIME}")
_TIME_FIRST = re.compile(rf"{_TIME}[\s,\-]+(.+)")

_FIND_NUMERIC = re.compile(
    r"(?<![\d/\-.,])(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?!\d)(?!\s*[/\-.]\s*\d)"
)
_FIND_NAMED = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*({month_name_pattern()})(?:\s*ماه)?(?!\w)\s*,?\s*(\d{{4}}|\d{{2}})(?!\d)"
)
_CHAIN_BEFORE = re.compile(r"\d\s*[/\-.]\s*$")


def _fa(value: object) -> str:
    return to_persian_digits(value)


def expand_two_digit_year(yy: int) -> int:
    """00–29 → 1400–1429, 30–99 → 1330–1399."""
    return 1400 + yy if yy < TWO_DIGIT_YEAR_PIVOT else 1300 + yy


def _year_digits_error(part: str) -> JalaliDateError:
    return JalaliDateError(
        f"سال «{_fa(part)}» را نمی‌توان خواند؛ سال را چهاررقمی (مانند ۱۳۹۸) یا دورقمی (مانند ۹۸) بنویسید.",
        code="year_digits",
    )


def _read_year(part: str) -> int:
    if len(part) == 4:
        return int(part)
    if len(part) == 2:
        return expand_two_digit_year(int(part))
    raise _year_digits_error(part)


def _numeric_order(a: str, b: str, c: str) -> tuple[int, int, int]:
    """(year, month, day) from three digit groups, deciding which end holds the year."""
    if len(b) > 2:
        raise JalaliDateError(f"ماه «{_fa(b)}» را نمی‌توان خواند؛ ماه یک یا دو رقم است.", code="invalid")
    if len(a) == 4 and len(c) <= 2:
        return int(a), int(b), int(c)
    if len(c) == 4 and len(a) <= 2:
        return int(c), int(b), int(a)
    for part in (a, c):
        if len(part) in (3,) or len(part) > 4:
            raise _year_digits_error(part)
    if len(a) == 4 and len(c) == 4:
        raise JalaliDateError(
            "در این تاریخ دو سال چهاررقمی آمده است؛ یکی از آن‌ها باید روز باشد.", code="invalid"
        )
    # Only one- and two-digit groups: Persian usage puts a two-digit year first («98/02/10»),
    # unless only the last group can be a year («10/02/98»).
    if len(a) == 2 and not (len(c) == 2 and int(c) > 31 >= int(a)):
        return expand_two_digit_year(int(a)), int(b), int(c)
    if len(c) == 2 and int(c) > 31:
        return expand_two_digit_year(int(c)), int(b), int(a)
    raise JalaliDateError(
        f"معلوم نیست کدام بخش «{_fa(a)}/{_fa(b)}/{_fa(c)}» سال است؛ سال را چهاررقمی بنویسید.",
        code="ambiguous",
    )


def _to_date(year: int, month: int, day: int, text: str) -> datetime.date:
    try:
        validate_jalali(year, month, day, min_year=PARSE_MIN_YEAR, max_year=PARSE_MAX_YEAR)
    except JalaliDateError as error:
        error.text = text
        raise
    return jalali_to_gregorian(year, month, day)


def _strip_words(folded: str) -> str:
    folded = _PREFIX.sub("", folded.strip())
    return _SUFFIX.sub("", folded).strip()


def _garbage(text: str) -> JalaliDateError:
    shown = text.strip()
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return JalaliDateError(
        f"«{shown}» تاریخ شناخته‌شده‌ای نیست؛ تاریخ را مانند {_EXAMPLE} بنویسید.", code="invalid", text=text
    )


def _parse_folded(core: str, text: str) -> datetime.date:
    numeric = _NUMERIC.fullmatch(core)
    if numeric:
        try:
            year, month, day = _numeric_order(*numeric.groups())
        except JalaliDateError as error:
            error.text = text
            raise
        return _to_date(year, month, day, text)
    named = _NAMED.fullmatch(core)
    if named:
        day_part, name, year_part = named.groups()
        month = month_number(name)
        if month is None:
            if is_lunar_month(name):
                raise JalaliDateError(
                    f"«{text.strip()}» تاریخ قمری است؛ تاریخ را به هجری شمسی بنویسید.",
                    code="lunar_date",
                    text=text,
                )
            raise JalaliDateError(
                f"نام ماه «{name}» شناخته نشد؛ یکی از ماه‌های شمسی (فروردین تا اسفند) را بنویسید.",
                code="unknown_month",
                text=text,
            )
        if len(day_part) > 2:
            raise _garbage(text)
        try:
            year = _read_year(year_part)
        except JalaliDateError as error:
            error.text = text
            raise
        return _to_date(year, month, int(day_part), text)
    raise _garbage(text)


def parse_jalali(text: str) -> datetime.date:
    """The Gregorian date of a Jalali date written in any of the real-world forms (see module doc).

    Raises ``JalaliDateError`` (a ``ValueError``) with a Persian message for empty input, text that is
    not a date, and dates that do not exist (month 0 or 13, day 0 or 32, 31 Mehr, 30 Esfand of a
    common year…).
    """
    if text is None or not str(text).strip():
        raise JalaliDateError("تاریخ وارد نشده است.", code="empty", text=text)
    text = str(text)
    core = _strip_words(normalize_letters(text))
    if not core:
        raise JalaliDateError("تاریخ وارد نشده است.", code="empty", text=text)
    return _parse_folded(core, text)


def _time_parts(hour: str, minute: str, second: str | None, text: str) -> datetime.time:
    h, m, s = int(hour), int(minute), int(second or 0)
    if h > 23:
        raise JalaliDateError(
            f"ساعت {_fa(h)} وجود ندارد؛ ساعت باید از ۰ تا ۲۳ باشد.", code="time_out_of_range", text=text
        )
    if m > 59 or s > 59:
        raise JalaliDateError(
            f"دقیقه یا ثانیهٔ {_fa(max(m, s))} وجود ندارد؛ باید از ۰ تا ۵۹ باشد.",
            code="time_out_of_range",
            text=text,
        )
    return datetime.time(h, m, s)


def parse_jalali_datetime(text: str) -> datetime.datetime:
    """A naive datetime from a Jalali date plus an optional time «HH:MM» or «HH:MM:SS» (before or after).

    «۱۴۰۳/۰۵/۰۱ ۱۴:۳۰», «۱۴۰۳/۰۵/۰۱ ساعت ۱۴:۳۰», «14:30 1403/05/01»; without a time it is midnight.
    The caller decides the time zone (forms use the current one, Asia/Tehran).
    """
    if text is None or not str(text).strip():
        raise JalaliDateError("تاریخ وارد نشده است.", code="empty", text=text)
    text = str(text)
    folded = _strip_words(normalize_letters(text))
    match = _TIME_LAST.fullmatch(folded)
    if match:
        date_part, hour, minute, second = match.groups()
    else:
        match = _TIME_FIRST.fullmatch(folded)
        if match:
            hour, minute, second, date_part = match.groups()
        else:
            date_part, hour, minute, second = folded, "0", "0", None
    clock = _time_parts(hour, minute, second, text)
    date_part = _strip_words(date_part.strip(" ,-"))
    if not date_part:
        raise JalaliDateError("تاریخ وارد نشده است.", code="empty", text=text)
    return datetime.datetime.combine(_parse_folded(date_part, text), clock)


def find_jalali_dates(text: str) -> list[tuple[datetime.date, str]]:
    """Every real Jalali date inside a longer text, in order, with the substring as written.

    Impossible dates («۱۳۹۳/۰/۲۰») and numbers that only look like dates (act numbers such as
    «۵۶۰/۹۳/۲۰۶») are skipped. A date made only of one- and two-digit groups counts only with «/»,
    so section numbers like «12-1-3» are not taken for dates.
    """
    if not text:
        return []
    folded, positions = normalize_with_map(text)
    found: list[tuple[int, int, datetime.date]] = []
    for match in _FIND_NUMERIC.finditer(folded):
        a, sep, b, c = match.groups()
        if _CHAIN_BEFORE.search(folded, 0, match.start()):
            continue
        if len(a) != 4 and len(c) != 4 and sep != "/":
            continue
        try:
            year, month, day = _numeric_order(a, b, c)
            found.append((match.start(), match.end(), _to_date(year, month, day, match.group(0))))
        except JalaliDateError:
            continue
    for match in _FIND_NAMED.finditer(folded):
        day_part, name, year_part = match.groups()
        month = month_number(name)
        if month is None:  # pragma: no cover - the pattern only admits known names
            continue
        try:
            found.append(
                (
                    match.start(),
                    match.end(),
                    _to_date(_read_year(year_part), month, int(day_part), match.group(0)),
                )
            )
        except JalaliDateError:
            continue
    found.sort(key=lambda item: item[0])
    results: list[tuple[datetime.date, str]] = []
    last_end = -1
    for start, end, value in found:
        if start < last_end:
            continue
        results.append((value, text[positions[start] : positions[end - 1] + 1]))
        last_end = end
    return results
