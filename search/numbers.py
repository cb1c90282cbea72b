"""Act and letter numbers as keys: «۳۶۷۷۳/۹۱/۲۱۰», «36773/91/210» and «٣٦٧٧٣/٩١/٢١٠» are one key.

Parts may be written in either order («۴۲۲۵/۴۴۳۲۷» and «44327/4225»), with spaces around the
slashes, and with letters inside («۱۲۷۶۷۵/ت۵۰۶۴۲ه»). The key folds digits to ASCII, Arabic letter
forms to Persian, drops spaces, tatweel and marks, and sorts the parts.
"""

from __future__ import annotations

import re

from jalali.digits import to_ascii_digits

_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ـ": None})
_INVISIBLE = re.compile(r"[\s\u200c\u200d\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670]+")
_SEPARATORS = re.compile(r"[/\\／]+")


def act_number_parts(text: str) -> list[str]:
    """The parts of a number, folded, in the order written."""
    folded = _INVISIBLE.sub("", to_ascii_digits(text).translate(_LETTERS)).lower()
    # «هـ» at the end of a resolution number is the same mark as «ه».
    return [p for p in _SEPARATORS.split(folded) if p]


def act_number_key(text: str) -> str:
    """Order-independent key of an act number; empty when the text holds no number."""
    parts = act_number_parts(text)
    if not any(ch.isdigit() for ch in "".join(parts)):
        return ""
    return "/".join(sorted(parts))
