"""The search page's and the JSON endpoint's parameters, read and checked in one place.

``q``, ``type`` (repeatable), ``subject`` (repeatable), ``authority``, ``year``, ``status``, ``from``, ``to``,
``in_force_on``, ``sort``, ``page`` and (API) ``page_size``. Every bad value becomes a Persian message tied to its parameter; nothing is guessed.

Also the one place where any search path (this page, the JSON API, collections, Wagtail API v2 in
``sanad.api``) reads a number or a text from the address: ``read_integer`` (``jalali.digits``) takes digits of any script
only when the whole value is a decimal number in range, ``clean_text`` turns control characters and
lone surrogates into spaces (as the normaliser does with control characters in indexed text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.http import QueryDict

from jalali.calendar import PARSE_MAX_YEAR, PARSE_MIN_YEAR, JalaliDateError, format_jalali, parse_jalali
from jalali.digits import read_integer, to_persian_digits
from search.query import ParsedQuery, parse_query
from search.registry import STATUS_LABELS, authority_choices, kind_labels

SORTS: dict[str, str] = {"relevance": "مرتبط‌ترین", "newest": "تازه‌ترین", "oldest": "قدیمی‌ترین"}
DEFAULT_PAGE_SIZE = 10
API_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
#: Every parameter read here; the JSON API refuses others (a misspelt filter would silently widen a search).
PARAMETERS = (
    "q",
    "type",
    "subject",
    "authority",
    "year",
    "status",
    "from",
    "to",
    "in_force_on",
    "sort",
    "page",
    "page_size",
)


@dataclass(frozen=True)
class ParamError:
    field: str
    message: str


@dataclass
class SearchParams:
    q: str = ""
    parsed: ParsedQuery = field(default_factory=lambda: parse_query(""))
    kinds: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)  # subject slugs (``subjects.SubjectTag``)
    authority: int | None = None
    year: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    in_force_on: dt.date | None = None  # only documents in force that day, labelled as they stood then
    sort: str = ""  # "" → relevance when there is a query, newest otherwise
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    errors: list[ParamError] = field(default_factory=list)

    @property
    def has_filters(self) -> bool:
        return bool(
            self.kinds
            or self.subjects
            or self.authority
            or self.year
            or self.status
            or self.date_from
            or self.date_to
            or self.in_force_on
        )

    @property
    def status_day(self) -> dt.date | None:
        """The day status labels are computed for: ``in_force_on``, else the end of the asked period
        (``to``), else today (None). A search up to ۱۳۸۵/۰۱/۰۱ shows each act as it stood that day."""
        return self.in_force_on or self.date_to

    @property
    def is_empty(self) -> bool:
        """Nothing asked yet: no query and no filter."""
        return self.parsed.is_blank and not self.has_filters

    @property
    def effective_sort(self) -> str:
        if self.sort:
            return self.sort
        return "relevance" if self.parsed.groups else "newest"


# What no parameter may carry to a database or a template: C0/C1 controls, DEL, lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def has_unsafe_characters(value: str) -> bool:
    return _UNSAFE.search(value) is not None


def clean_text(value: str) -> str:
    """``value`` with control characters and lone surrogates as spaces (NUL cannot reach PostgreSQL or FTS5)."""
    return _UNSAFE.sub(" ", value)


def cleaned(data: QueryDict) -> QueryDict:
    """A copy of ``data`` with every value passed through ``clean_text``."""
    copy = QueryDict(mutable=True)
    for name, values in data.lists():
        copy.setlist(clean_text(name), [clean_text(v) for v in values])
    return copy


def _read_date(data: QueryDict, name: str, label: str, errors: list[ParamError]) -> dt.date | None:
    value = data.get(name, "").strip()
    if not value:
        return None
    try:
        return parse_jalali(value)
    except JalaliDateError as error:
        errors.append(ParamError(name, f"تاریخ «{label}» درست نیست: {error.message}"))
        return None


def _read_subjects(data: QueryDict, params: SearchParams, errors: list[ParamError]) -> None:
    """``subject`` values: a subject's slug or its name in any spelling («نظام اداري» = «نظام اداری»)."""
    from subjects.models import SubjectTag

    for value in (v.strip() for v in data.getlist("subject")):
        if not value:
            continue
        tag = SubjectTag.objects.for_typed(value).first()
        if tag is None:
            errors.append(
                ParamError(
                    "subject",
                    f"موضوع «{value}» پیدا نشد؛ نامک یا نام موضوع را بنویسید (فهرست موضوع‌ها: /subjects/).",
                )
            )
        elif tag.slug not in params.subjects:
            params.subjects.append(tag.slug)


def read_params(data: QueryDict, api: bool = False) -> SearchParams:
    data = cleaned(data)
    errors: list[ParamError] = []
    q = data.get("q", "")
    parsed = parse_query(q)
    errors.extend(ParamError("q", message) for message in parsed.errors)
    params = SearchParams(q=q, parsed=parsed, errors=errors)

    labels = kind_labels()
    for value in (v.strip() for v in data.getlist("type")):
        if not value:
            continue
        if value in labels:
            if value not in params.kinds:
                params.kinds.append(value)
        else:
            known = "، ".join(f"{key} ({label})" for key, label in labels.items())
            errors.append(
                ParamError("type", f"نوع سند «{value}» شناخته نیست؛ یکی از این‌ها را بنویسید: {known}.")
            )

    _read_subjects(data, params, errors)

    authority = data.get("authority", "").strip()
    if authority:
        number = read_integer(authority)
        if number is None or number not in dict(authority_choices()):
            errors.append(
                ParamError("authority", f"مرجع صدور «{authority}» پیدا نشد؛ شناسهٔ عددی مرجع را بنویسید.")
            )
        else:
            params.authority = number

    year = data.get("year", "").strip()
    if year:
        number = read_integer(year)
        if number is None or not PARSE_MIN_YEAR <= number <= PARSE_MAX_YEAR:
            errors.append(
                ParamError("year", f"سال «{year}» درست نیست؛ سال شمسی را چهاررقمی بنویسید، مانند ۱۳۹۱.")
            )
        else:
            params.year = number

    status = data.get("status", "").strip()
    if status:
        if status in STATUS_LABELS:
            params.status = status
        else:
            known = "، ".join(f"{key} ({label})" for key, label in STATUS_LABELS.items())
            errors.append(
                ParamError("status", f"وضعیت «{status}» شناخته نیست؛ یکی از این‌ها را بنویسید: {known}.")
            )

    params.date_from = _read_date(data, "from", "از", errors)
    params.date_to = _read_date(data, "to", "تا", errors)
    if params.date_from and params.date_to and params.date_from > params.date_to:
        errors.append(
            ParamError(
                "from",
                f"تاریخ «از» ({format_jalali(params.date_from)}) پس از تاریخ «تا» ({format_jalali(params.date_to)}) است.",
            )
        )

    params.in_force_on = _read_date(data, "in_force_on", "معتبر در تاریخ", errors)

    sort = data.get("sort", "").strip()
    if sort:
        if sort in SORTS:
            params.sort = sort
        else:
            known = "، ".join(f"{key} ({label})" for key, label in SORTS.items())
            errors.append(
                ParamError("sort", f"ترتیب «{sort}» شناخته نیست؛ یکی از این‌ها را بنویسید: {known}.")
            )

    page = data.get("page", "").strip()
    if page:
        number = read_integer(page, minimum=1)
        if number is None:
            errors.append(ParamError("page", f"شمارهٔ صفحه «{page}» درست نیست؛ عددی از ۱ به بالا بنویسید."))
        else:
            params.page = number

    if api:
        unknown = sorted({name for name in data if name not in PARAMETERS})
        if unknown:
            errors.append(
                ParamError(
                    "parameters",
                    f"پارامتر «{'، '.join(unknown)[:200]}» شناخته نیست؛ پارامترها: {'، '.join(PARAMETERS)}.",
                )
            )
        params.page_size = API_PAGE_SIZE
        size = data.get("page_size", "").strip()
        if size:
            number = read_integer(size, minimum=1, maximum=MAX_PAGE_SIZE)
            if number is None:
                errors.append(
                    ParamError(
                        "page_size",
                        f"اندازهٔ صفحه «{size}» درست نیست؛ عددی از ۱ تا {to_persian_digits(MAX_PAGE_SIZE)} بنویسید.",
                    )
                )
            else:
                params.page_size = number
    return params
