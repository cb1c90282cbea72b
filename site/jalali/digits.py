"""Digit folding between Persian, Arabic-Indic and ASCII forms."""

import unicodedata

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)
_TO_PERSIAN = str.maketrans(ASCII_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII; everything else unchanged."""
    return text.translate(_TO_ASCII)


def to_persian_digits(text: object) -> str:
    """ASCII and Arabic-Indic digits to Persian, for display."""
    return str(text).translate(_TO_PERSIAN)


#: Longer values are refused before reading: no id, year or page number needs more digits.
MAX_INTEGER_DIGITS = 18


def read_integer(value: str, minimum: int = 0, maximum: int | None = None) -> int | None:
    """A whole number written in any script's decimal digits («۱۲», «١٢», «12», «𝟏𝟐»), or ``None``.

    Only characters with a decimal value count (``unicodedata.decimal``): «³» and «①» are digits to
    ``str.isdigit`` but not decimal numbers, so they are refused here rather than failing in ``int``.
    No sign, no separators, at most ``MAX_INTEGER_DIGITS`` digits, and within ``minimum``…``maximum``.
    """
    value = value.strip()
    if not value or len(value) > MAX_INTEGER_DIGITS:
        return None
    number = 0
    for char in value:
        digit = unicodedata.decimal(char, None)
        if digit is None:
            return None
        number = number * 10 + digit
    if number < minimum or (maximum is not None and number > maximum):
        return None
    return number
