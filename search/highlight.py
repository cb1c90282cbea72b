"""Marking what was searched for in titles and excerpts — matched on folded text, shown as written.

The text is folded character by character with the normaliser's own table (keeping, for each folded
character, where it came from), so a search for «وظایف» marks «وظايف» in circular 002, «دستگاههای» marks
«دستگاه‌های» and «دستگاه های», and «36773/91/210» marks «۳۶۷۷۳/۹۱/۲۱۰». What is shown is the original text,
HTML-escaped, with ``<mark>`` around the matches.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.normalise import _LETTER, PAIR_MIN_LETTERS, PREFIXES, SUFFIXES, TABLE, ZWNJ, joins

EXCERPT_LENGTH = 240
LEAD = 80  # characters kept before the first match
JOINED_TERMS_MAX = 8  # words of a query whose joins are marked too


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """``text`` folded like ``normalise`` (without joining detached affixes), and each character's origin."""
    folded: list[str] = []
    positions: list[int] = []
    last_space = True
    for index, char in enumerate(text):
        if char == ZWNJ:
            char = " "  # a word break, as ``normalise`` makes it («آیین‌نامه» marks as «ایین نامه»)
        for out in unicodedata.normalize("NFKC", char).translate(TABLE).lower():
            if out.isspace():
                if last_space:
                    continue
                out, last_space = " ", True
            else:
                last_space = False
            folded.append(out)
            positions.append(index)
    return "".join(folded), positions


def _is_letter(chars: str) -> bool:
    return all(_LETTER_RE.fullmatch(ch) for ch in chars)


_LETTER_RE = re.compile(_LETTER)


def _word_pattern(word: str) -> str:
    pieces: list[str] = []
    for i, char in enumerate(word):
        if i:
            before, after = word[i - 1], char
            if after == "/" or before == "/":
                pieces.append(r"\s*")
            elif before.isdigit() != after.isdigit() and (before.isalpha() or after.isalpha()):
                pieces.append(" ?")  # «ت50642ه» is also written «ت ۵۰۶۴۲ ه»
            elif word[i:] in SUFFIXES or word[:i] in PREFIXES:
                pieces.append(" ?")  # a detached affix: «دستگاه های», «می شود»
            elif i >= PAIR_MIN_LETTERS and len(word) - i >= PAIR_MIN_LETTERS and _is_letter(before + after):
                pieces.append(" ?")  # a compound asked joined, written apart: «بخشنامه» marks «بخش‌نامه»
        pieces.append(re.escape(char))
    return "".join(pieces)


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    words = [term for term in terms if " " not in term][:JOINED_TERMS_MAX]
    # Words asked apart may be one joined word of the text («بخش نامه» marks «بخشنامه»); the query's
    # word order is not known here, so both orders are tried (a join that is not in the text marks nothing).
    joined = [pair for a in words for b in words if a != b and (pair := joins(a, b))]
    alternatives = [
        r"\s+".join(_word_pattern(w) for w in term.split()) for term in [*terms, *joined] if term.strip()
    ]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def find_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where ``terms`` (normalised) occur in ``text``, as (start, end) in the original text."""
    pattern = _pattern(terms)
    if pattern is None or not text:
        return []
    folded, positions = fold_with_positions(text)
    return [
        (positions[m.start()], positions[m.end() - 1] + 1)
        for m in pattern.finditer(folded)
        if m.end() > m.start()
    ]


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out: list[str] = []
    cursor = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if e <= s or s < cursor:
            continue
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    return "".join(out)


def mark(text: str, terms: list[str]) -> SafeString:
    """All of ``text`` with every match marked."""
    return mark_safe(_render(text, find_spans(text, terms), 0, len(text)))  # noqa: S308 - escaped in _render


def excerpt(text: str, terms: list[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """A short passage of ``text`` around the first match (or its opening), matches marked."""
    text = " ".join(text.split())
    if not text:
        return mark_safe("")
    spans = find_spans(text, terms)
    start = 0
    if spans and spans[0][0] > LEAD:
        start = spans[0][0] - LEAD
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = _render(text, spans, start, end)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308
