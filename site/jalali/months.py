"""Persian month names and the spellings people really type (Arabic ي/ك, آ without madda, «ماه» after it)."""

from __future__ import annotations

import re

from .textnorm import normalize_letters

#: The twelve Solar Hijri months in their standard Persian spelling, Farvardin first.
PERSIAN_MONTH_NAMES: tuple[str, ...] = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)

#: Spellings besides the standard ones (compared after letter folding, so ي/ی and ك/ک need no entry).
_EXTRA_SPELLINGS: dict[str, int] = {
    "امرداد": 5,
    "اسپند": 12,
}

#: Lunar Hijri months: seen in the seeds («۴ شوال ۱۴۴۱»), never a Solar date.
LUNAR_MONTH_NAMES: tuple[str, ...] = (
    "محرم",
    "صفر",
    "ربیع الاول",
    "ربیع الثانی",
    "جمادی الاول",
    "جمادی الثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذیقعده",
    "ذیحجه",
    "ذی القعده",
    "ذی الحجه",
    "ربیع الآخر",
    "جمادی الآخر",
)


def _key(name: str) -> str:
    return "".join(normalize_letters(name).split())


_MONTH_BY_KEY: dict[str, int] = {_key(name): i for i, name in enumerate(PERSIAN_MONTH_NAMES, start=1)}
_MONTH_BY_KEY.update({_key(name): number for name, number in _EXTRA_SPELLINGS.items()})
_LUNAR_KEYS: frozenset[str] = frozenset(_key(name) for name in LUNAR_MONTH_NAMES)


def month_name(month: int) -> str:
    """The Persian name of month 1..12."""
    return PERSIAN_MONTH_NAMES[month - 1]


def month_number(name: str) -> int | None:
    """1..12 for a Persian month name in any common spelling (with or without «ماه»), else None."""
    key = _key(name)
    if key in _MONTH_BY_KEY:
        return _MONTH_BY_KEY[key]
    if key.endswith("ماه") and key[: -len("ماه")] in _MONTH_BY_KEY:
        return _MONTH_BY_KEY[key[: -len("ماه")]]
    return None


def is_lunar_month(name: str) -> bool:
    """True for a Lunar Hijri month name such as «شوال»."""
    key = _key(name)
    return key in _LUNAR_KEYS or (key.endswith("ماه") and key[: -len("ماه")] in _LUNAR_KEYS)


def month_name_pattern() -> str:
    """A regex alternation of every known Solar month spelling (folded letters), longest first."""
    names = sorted(_MONTH_BY_KEY, key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)
