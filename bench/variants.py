"""How Persian is really written, as the benchmark corpus writes it.

Per document: Arabic letter forms ي/ك (as in circular 002) or Persian ی/ک; the zero-width non-joiner
kept, lost (words joined) or typed as a space. Per number: Persian, Arabic-Indic or ASCII digits.
Act and letter numbers and Jalali dates are written the ways the seeds write them.
"""

from __future__ import annotations

import random
from enum import Enum

ZWNJ = "\u200c"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك"})


class Zwnj(Enum):
    KEPT = "kept"
    LOST = "lost"
    SPACED = "spaced"


class Digits(Enum):
    PERSIAN = "persian"
    ARABIC_INDIC = "arabic-indic"
    ASCII = "ascii"


ZWNJ_WEIGHTS = {Zwnj.KEPT: 0.5, Zwnj.LOST: 0.3, Zwnj.SPACED: 0.2}
DIGIT_WEIGHTS = {Digits.PERSIAN: 0.6, Digits.ARABIC_INDIC: 0.1, Digits.ASCII: 0.3}
ARABIC_FORMS_SHARE = 0.15


def apply_zwnj(text: str, mode: Zwnj) -> str:
    if mode is Zwnj.LOST:
        return text.replace(ZWNJ, "")
    if mode is Zwnj.SPACED:
        return text.replace(ZWNJ, " ")
    return text


def apply_letter_forms(text: str, arabic: bool) -> str:
    return text.translate(ARABIC_FORMS) if arabic else text


def write_digits(ascii_text: str, script: Digits) -> str:
    if script is Digits.PERSIAN:
        return ascii_text.translate(PERSIAN_DIGITS)
    if script is Digits.ARABIC_INDIC:
        return ascii_text.translate(ARABIC_INDIC_DIGITS)
    return ascii_text


def pick(rng: random.Random, weights: dict) -> object:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def digit_script(rng: random.Random) -> Digits:
    return pick(rng, DIGIT_WEIGHTS)  # type: ignore[return-value]


def act_number(rng: random.Random) -> str:
    """An act or letter number in one of the shapes the seeds use (ASCII digits; see ``write_digits``)."""
    shape = rng.random()
    if shape < 0.35:  # «۳۶۷۷۳/۹۱/۲۱۰»: serial / two-digit year / office
        return f"{rng.randint(1000, 99999)}/{rng.randint(80, 99)}/{rng.randint(100, 999)}"
    if shape < 0.55:  # «۴۲۲۵/۴۴۳۲۷»
        return f"{rng.randint(1000, 9999)}/{rng.randint(10000, 99999)}"
    if shape < 0.70:  # «۱۲۷۶۷۵/ت۵۰۶۴۲ه» (a cabinet resolution)
        return f"{rng.randint(10000, 199999)}/ت{rng.randint(10000, 99999)}ه"
    if shape < 0.85:  # «24/189975/110»
        return f"{rng.randint(10, 99)}/{rng.randint(100000, 999999)}/{rng.randint(100, 999)}"
    return str(rng.randint(100000, 999999))  # a letter: «749014»


def jalali_date(rng: random.Random) -> str:
    """A Jalali date as the seeds write it: «۱۳۹۵/۱۰/۰۵», «۱۳/۰۹/۱۳۹۱», «۴/۳/۱۳۸۲» or «۹۸/۰۲/۰۵»."""
    year = rng.randint(1380, 1403)
    month = rng.randint(1, 12)
    day = rng.randint(1, 31 if month <= 6 else 30)
    shape = rng.random()
    if shape < 0.5:
        return f"{year}/{month:02d}/{day:02d}"
    if shape < 0.75:
        return f"{day:02d}/{month:02d}/{year}"
    if shape < 0.9:
        return f"{day}/{month}/{year}"
    return f"{year % 100:02d}/{month:02d}/{day:02d}"
