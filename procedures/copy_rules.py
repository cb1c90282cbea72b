"""Rules of verifiable controlled copies (issue 13 §6): the verification code and the issued file's hash.

Pure functions: the caller passes the facts; nothing here touches the database. Source: ISO 9001 §7.5.3.2
a/c (documented information is available where needed, its distribution is controlled, and obsolete copies
can be told from current ones) — a reader holding a paper copy checks it against the copy register.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from jalali.digits import to_ascii_digits

#: No 0/O, 1/I/L: a code read off paper and typed again cannot be mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.\u200c\u200f\u200e]+")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def new_verification_code(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    """A fresh code of ``CODE_LENGTH`` characters from ``CODE_ALPHABET`` (31^10 ≈ 8·10^14 codes)."""
    return "".join(CODE_ALPHABET[randbelow(len(CODE_ALPHABET))] for _ in range(CODE_LENGTH))


def normalise_verification_code(text: str) -> str | None:
    """The code as stored, from what a reader typed: any digit script, any case, spaces and dashes
    ignored («abcde-۲۳۴۵۶» is «ABCDE23456»). None when it cannot be a code at all."""
    code = _SEPARATORS.sub("", to_ascii_digits(text or "")).upper()
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def format_verification_code(code: str) -> str:
    """As printed and shown: two groups of five, «ABCDE-23456», easier to read aloud and type."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if code else ""


def normalise_sha256(text: str) -> str | None:
    """A pasted SHA-256 (hex, any case, spaces or a «sha256:» prefix allowed), or None if it is not one."""
    value = _SEPARATORS.sub("", to_ascii_digits(text or "")).lower().removeprefix("sha256:")
    return value if _SHA256.fullmatch(value) else None


@dataclass(frozen=True)
class CopyStanding:
    """What a verifier is told about a copy: whether it may still be used, and why not."""

    valid: bool
    label: str
    detail: str = ""


def copy_standing(
    *, revision_status: str, recalled: bool, superseded_by: str = "", withdrawn_reason: str = ""
) -> CopyStanding:
    """A copy is valid only while its revision is in force and it has not been recalled.

    Source: ISO 9001 §7.5.3.2 d (retention and disposition — obsolete copies are withdrawn from use);
    seed 000's control notice («نسخه‌های منسوخ باید به واحد کیفیت برگردانده شود»).
    """
    if recalled:
        return CopyStanding(False, "فراخوان‌شده", "این نسخه به واحد کیفیت برگشته است و نباید به کار رود.")
    if revision_status == "in_force":
        return CopyStanding(True, "معتبر", "بازنگری این نسخه هم‌اکنون جاری است.")
    give_back = "این نسخه باید به واحد کیفیت برگردانده شود."
    if revision_status == "superseded":
        detail = f"بازنگری جاری: {superseded_by}." if superseded_by else "بازنگری بعدی جایگزین آن شده است."
        return CopyStanding(False, "منسوخ", f"{detail} {give_back}")
    if revision_status == "withdrawn":
        return CopyStanding(
            False, "ابطال‌شده", f"{withdrawn_reason.rstrip('. ') or 'سند ابطال شده است'}. {give_back}"
        )
    return CopyStanding(False, "جاری نیست", "این بازنگری هنوز به اجرا درنیامده است.")
