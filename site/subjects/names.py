"""How a subject keyword is written, shown and identified.

A subject is typed by many hands: «آیین‌نامه» with Persian ی or Arabic ي, with a ZWNJ, a space or neither,
digits Persian, Arabic-Indic or ASCII. All of these are one subject. Its *key* (the identity) is the search
normaliser's form with the spaces taken out as well — the normaliser keeps «آیین نامه» and «آییننامه»
apart, but a subject is a label, not running text, so a lost or added space never makes a new one.
The *display name* keeps what was typed (ZWNJ, spaces, آ) with Arabic letter forms and digits made Persian.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify

from jalali.digits import to_persian_digits
from search.normalise import ZWNJ, normalise

MAX_NAME_LENGTH = 100

# Arabic letter forms a Persian keyboard would not produce; folded for display only (ة and أ are left:
# they are spelled that way on purpose in some words).
_DISPLAY_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک"})
# Invisible marks that only get in the way of a label: tatweel, ZWJ, bidi controls, BOM, soft hyphen.
_DISPLAY_DROPPED = re.compile("[\u0640\u200d\u200e\u200f\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
# Taggit splits on commas and quotes; a stray one left at an edge is not part of the subject.
_EDGE_PUNCTUATION = " \t\n\"'«»،,;؛.:"


def display_name(typed: str) -> str:
    """The clean form shown to readers: Persian letters and digits, single spaces, no stray marks."""
    text = unicodedata.normalize("NFC", str(typed or ""))
    text = _DISPLAY_DROPPED.sub("", text.translate(_DISPLAY_LETTERS))
    text = to_persian_digits(text)
    text = _SPACES.sub(" ", text).strip(_EDGE_PUNCTUATION)
    # A ZWNJ beside a space is a typing slip; the space wins.
    text = re.sub(f" ?{ZWNJ}+ ?", lambda m: " " if " " in m.group(0) else ZWNJ, text)
    return text.strip(ZWNJ + " ")


def subject_key(typed: str) -> str:
    """The identity of a subject: the search normaliser's form without spaces («ایین‌نامه» = «آيين نامه»)."""
    return normalise(display_name(typed)).replace(" ", "")


def subject_slug(name: str) -> str:
    """A readable address part: the display name's words joined by hyphens («ارزیابی-عملکرد»)."""
    return slugify(display_name(name).replace(ZWNJ, " "), allow_unicode=True)[:90] or "subject"
