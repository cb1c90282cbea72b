"""Character folding for reading dates out of real Persian text: digits, Arabic letter forms, invisible marks.

Every change is one character to one (or to none), so a position in the folded text can be traced back
to the original — ``find_jalali_dates`` returns the substring exactly as the user wrote it.
"""

from __future__ import annotations

from .digits import ARABIC_INDIC_DIGITS, ASCII_DIGITS, PERSIAN_DIGITS

_FOLD: dict[str, str] = {
    "ي": "ی",  # Arabic yeh
    "ى": "ی",  # alef maksura
    "ك": "ک",  # Arabic kaf
    "آ": "ا",
    "أ": "ا",
    "إ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ۀ": "ه",
    "٫": ".",  # Arabic decimal separator, typed on Persian keyboards
    "٬": ",",
    "،": ",",  # Arabic comma
    "／": "/",
    "⁄": "/",
    "∕": "/",
    "\\": "/",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "−": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\t": " ",
    "\n": " ",
    "\r": " ",
}
_FOLD.update(zip(PERSIAN_DIGITS, ASCII_DIGITS, strict=True))
_FOLD.update(zip(ARABIC_INDIC_DIGITS, ASCII_DIGITS, strict=True))

#: Characters dropped entirely: tatweel, zero-width joiners, direction marks, Arabic diacritics.
_DROP: frozenset[str] = frozenset(
    "\u0640\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670"
)

_TABLE = {ord(k): v for k, v in _FOLD.items()} | {ord(c): None for c in _DROP}


def normalize_letters(text: str) -> str:
    """Fold digits to ASCII, Arabic letter forms to Persian, odd spaces to spaces; drop invisible marks."""
    return text.translate(_TABLE)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """``normalize_letters`` plus, for each folded character, its index in ``text``."""
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        if char in _DROP:
            continue
        out.append(_FOLD.get(char, char))
        positions.append(index)
    return "".join(out), positions
