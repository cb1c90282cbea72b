"""Reading what people type into the search box: words, "phrases", act numbers, Jalali dates, operators.

A query is read into *groups* that must all match (implicit AND); the atoms inside one group are
alternatives (joined with ``OR``/``|``). Atoms written after ``-`` or ``NOT`` are excluded.

- words and phrases («"…"», «…»): passed through the one normaliser, so «وظايف» is «وظایف» and
  «دستگاه های» is «دستگاههای»;
- act and letter numbers («۳۶۷۷۳/۹۱/۲۱۰», «44327/4225», «۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه», codes «م پ-م-۱-۰۴/۰۰», bare
  «۷۴۹۰۱۴»): matched as keys (``search.numbers.act_number_key``) against the documents' numbers and as
  text;
- Jalali dates in any form ``jalali.calendar`` reads («۱۳۹۱/۰۹/۱۳», «13/09/1391», «۱۳ آذر ۱۳۹۱»): matched
  against the documents' dates.

Malformed input (an unbalanced quote, a lone operator, an impossible date such as «۱۳۹۳/۰/۲۰») is never
dropped silently: it becomes a Persian sentence in ``ParsedQuery.errors`` and nothing is searched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from jalali.calendar import JalaliDateError, find_jalali_dates, format_jalali, parse_jalali
from jalali.digits import to_ascii_digits, to_persian_digits
from jalali.months import month_name_pattern
from search.normalise import normalise
from search.numbers import act_number_key

MAX_QUERY_LENGTH = 256
MAX_ATOMS = 24


class AtomKind(StrEnum):
    WORD = "word"
    PHRASE = "phrase"
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True)
class Atom:
    """One thing to look for, as written and as searched."""

    kind: AtomKind
    written: str
    text: str = ""  # normalised form (words, phrases, numbers)
    key: str = ""  # act-number key (numbers)
    digits: tuple[str, ...] = ()  # the digit runs of a number, ASCII
    day: dt.date | None = None  # dates
    negated: bool = False

    @property
    def is_textual(self) -> bool:
        return self.kind in (AtomKind.WORD, AtomKind.PHRASE)

    @property
    def shown(self) -> str:
        """How the atom is shown back to the user: Persian digits, dates in the long form."""
        if self.kind == AtomKind.DATE:
            return format_jalali(self.day, "long")
        return to_persian_digits(self.written.strip())


@dataclass
class ParsedQuery:
    raw: str
    groups: list[tuple[Atom, ...]] = field(default_factory=list)
    excluded: list[Atom] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def is_blank(self) -> bool:
        return not self.raw.strip()

    @property
    def atoms(self) -> list[Atom]:
        return [atom for group in self.groups for atom in group]

    @property
    def numbers(self) -> list[Atom]:
        return [a for a in self.atoms if a.kind == AtomKind.NUMBER]

    @property
    def dates(self) -> list[Atom]:
        return [a for a in self.atoms if a.kind == AtomKind.DATE]

    @property
    def only_numbers(self) -> bool:
        """The query is a number (or alternatives of numbers) and nothing else."""
        atoms = self.atoms
        return bool(atoms) and not self.excluded and all(a.kind == AtomKind.NUMBER for a in atoms)

    def highlight_terms(self) -> list[str]:
        """Normalised strings to mark in titles and excerpts, longest first."""
        terms: set[str] = set()
        for atom in self.atoms:
            if atom.is_textual:
                terms.add(atom.text)
            elif atom.kind == AtomKind.NUMBER:
                terms.add(atom.text)
                # the parts on their own, so «44327/4225» also marks «۴۲۲۵/۴۴۳۲۷»; short runs mark too much
                terms.update(d for d in atom.digits if len(d) >= 3)
        return sorted((t for t in terms if t), key=len, reverse=True)


# --- lexing ------------------------------------------------------------------------------------------

_QUOTES = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')
_STRAY_QUOTE = re.compile(r'["«»“”]')

# An Arabic-script letter (tatweel included, digits excluded: they were folded to ASCII first).
_L = r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]"
# One part of a number: digits with up to two letters stuck to either side («ت50642ه»), a detached
# letter before a slash («550642 ت/127675»), or a detached «ه» / «هـ» (the solar-hijri mark on cabinet
# resolutions: «۵۰۶۴۲ ه»).
_PART = rf"{_L}{{0,2}}\d+(?:{_L}{{1,2}}|\s{_L}{{1,2}}(?=\s*/)|\s\u0647\u0640?)?(?!{_L})"
_NUMBER = re.compile(
    # codes with hyphens: «م پ-م-1-04/00», «12-1-3»
    rf"(?P<code>(?<![\w/\-])(?:{_L}\s(?={_L}+-))?\w+(?:-\w+)+(?:\s*/\s*\w+)*(?![\w/\-]))"
    # slashed numbers: «36773/91/210», «127675 / ت 50642 ه»
    rf"|(?P<slashed>(?<![\w/]){_PART}(?:\s*/\s*(?:{_L}{{1,2}}\s)?{_PART})+(?![\w/]))"
    # a bare number: «749014»
    r"|(?P<bare>(?<![\w/])\d+(?![\w/]))"
)
# Three digit groups with a four-digit year at one end: meant as a date even when it is not a real one.
_DATE_LIKE = re.compile(
    r"(?<![\d/])(?:\d{4}\s*([/.\-])\s*\d{1,2}\s*\1\s*\d{1,2}|\d{1,2}\s*([/.\-])\s*\d{1,2}\s*\2\s*\d{4})(?![\d/])"
)
_NAMED_DATE_LIKE = re.compile(rf"(?<!\d)\d{{1,3}}\s*(?:{month_name_pattern()})(?:\s*ماه)?\s*\d{{1,4}}(?!\d)")
# Letter folding that keeps positions (one character for one), enough to spot a month name as typed.
_MONTH_LETTERS = str.maketrans(
    {"آ": "ا", "أ": "ا", "إ": "ا", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"}
)
_KEPT_SIGNS = "-+|"


def _strip_punctuation(token: str) -> str:
    """Punctuation and symbols become spaces; letters, digits, marks and the ZWNJ (format characters) stay,
    so «برون‌سازمانی» and «مُدیریت» remain one word each until the normaliser folds them."""
    return "".join(
        " " if unicodedata.category(ch)[0] in "PS" and ch not in _KEPT_SIGNS else ch for ch in token
    )


_OR = {"OR", "|", "||"}
_AND = {"AND", "+", "&", "&&"}
_NOT = {"NOT", "-"}


@dataclass
class _Span:
    start: int
    end: int
    atom: Atom | None = None
    operator: str = ""  # "or", "and", "not" for operator tokens
    written: str = ""
    plain: bool = False  # a plain word, to be normalised with its neighbours


def _negation_before(s: str, start: int) -> bool:
    """A «-» glued to the front of a phrase, number or date, at a word boundary."""
    return start > 0 and s[start - 1] == "-" and (start == 1 or s[start - 2].isspace())


def _atom_from_number(written: str, negated: bool) -> Atom:
    return Atom(
        AtomKind.NUMBER,
        written=written,
        text=normalise(written),
        key=act_number_key(written),
        digits=tuple(re.findall(r"\d+", to_ascii_digits(written))),
        negated=negated,
    )


class _Lexer:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        # Digit folding is one character for one, so positions in ``s`` are positions in ``raw``.
        self.s = to_ascii_digits(raw)
        self.masked = list(self.s)
        self.spans: list[_Span] = []
        self.errors: list[str] = []

    def _take(self, start: int, end: int, atom: Atom | None = None) -> None:
        if atom is not None and atom.negated:
            start -= 1  # the «-» belongs to the atom
        for i in range(start, end):
            self.masked[i] = " "
        self.spans.append(_Span(start, end, atom=atom))

    @property
    def rest(self) -> str:
        return "".join(self.masked)

    def quotes(self) -> None:
        for match in _QUOTES.finditer(self.s):
            content = next((g for g in match.groups() if g is not None), "")
            text = normalise(content)
            negated = _negation_before(self.s, match.start())
            if not text:
                self._take(match.start(), match.end())
                continue
            kind = AtomKind.PHRASE if " " in text else AtomKind.WORD
            self._take(match.start(), match.end(), Atom(kind, content, text=text, negated=negated))
        stray = _STRAY_QUOTE.search(self.rest)
        if stray:
            self.errors.append(
                f"گیومهٔ «{stray.group(0)}» باز شده و بسته نشده است؛ عبارت دقیق را میان دو گیومه بنویسید، "
                'مانند "دفاتر مدیریت عملکرد".'
            )
            for m in _STRAY_QUOTE.finditer(self.rest):
                self.masked[m.start()] = " "

    def dates(self) -> None:
        rest = self.rest
        cursor = 0
        for day, written in find_jalali_dates(rest):
            start = rest.find(written, cursor)
            if start < 0:  # pragma: no cover - find_jalali_dates returns substrings of its input
                continue
            end = start + len(written)
            cursor = end
            negated = _negation_before(rest, start)
            self._take(start, end, Atom(AtomKind.DATE, self.raw[start:end], day=day, negated=negated))
        # What looks like a date but is not one is a mistake to report, not an act number to look up.
        for match in _DATE_LIKE.finditer(self.rest):
            self._bad_date(match.group(0))
            self._take(match.start(), match.end())
        for match in _NAMED_DATE_LIKE.finditer(self.rest.translate(_MONTH_LETTERS)):
            self._bad_date(self.raw[match.start() : match.end()])

    def _bad_date(self, written: str) -> None:
        try:
            parse_jalali(written)
        except JalaliDateError as error:
            self.errors.append(
                f"تاریخ «{to_persian_digits(written.strip())}» در عبارت جستجو درست نیست: {error.message}"
            )
        else:  # pragma: no cover - the finder takes every real date first
            self.errors.append(f"تاریخ «{to_persian_digits(written.strip())}» خوانده نشد.")

    def numbers(self) -> None:
        for match in _NUMBER.finditer(self.rest):
            written = self.raw[match.start() : match.end()]
            if match.lastgroup == "code" and not re.search(r"\d", match.group(0)):
                continue  # a hyphenated word, not a code
            negated = _negation_before(self.rest, match.start())
            self._take(match.start(), match.end(), _atom_from_number(written, negated))

    def words(self) -> None:
        for match in re.finditer(r"\S+", self.rest):
            token, start = match.group(0), match.start()
            if token in _OR:
                self.spans.append(_Span(start, match.end(), operator="or", written=token))
                continue
            if token in _AND:
                self.spans.append(_Span(start, match.end(), operator="and", written=token))
                continue
            if token in _NOT:
                self.spans.append(_Span(start, match.end(), operator="not", written=token))
                continue
            negated = token.startswith("-")
            core = token.lstrip("-+")
            cleaned = _strip_punctuation(core).strip(" -")
            if not cleaned:
                continue
            if negated:
                text = normalise(cleaned)
                for word in text.split():
                    self.spans.append(
                        _Span(start, match.end(), atom=Atom(AtomKind.WORD, core, text=word, negated=True))
                    )
            else:
                self.spans.append(_Span(start, match.end(), written=cleaned, plain=True))

    def items(self) -> list[_Span]:
        """Spans in reading order, with runs of plain words normalised together."""
        ordered = sorted(self.spans, key=lambda span: span.start)
        items: list[_Span] = []
        run: list[_Span] = []

        def flush() -> None:
            if not run:
                return
            # Together, so a detached affix («دستگاه های») joins its word as it does in the index.
            text = normalise(" ".join(span.written for span in run))
            for word in text.split():
                items.append(_Span(run[0].start, run[-1].end, atom=Atom(AtomKind.WORD, word, text=word)))
            run.clear()

        for span in ordered:
            if span.atom is None and not span.operator and not span.plain:
                continue  # consumed without a meaning of its own (an empty or malformed part)
            if span.plain:
                run.append(span)
                continue
            flush()
            items.append(span)
        flush()
        return items


_LONE = {
    "or": "عملگر «{op}» باید میان دو واژه بیاید، مانند «بخشنامه OR دستورالعمل».",
    "and": "عملگر «{op}» باید میان دو واژه بیاید، مانند «وظایف AND دفاتر».",
    "not": "علامت «{op}» باید پیش از واژه‌ای بیاید که می‌خواهید کنار گذاشته شود، مانند «-لغو».",
}


def _lone(op: str, written: str) -> str:
    return _LONE[op].format(op=written)


def parse_query(raw: str | None) -> ParsedQuery:
    """Read a search box's text; never raises for bad input, reports it in ``errors``."""
    raw = raw or ""
    parsed = ParsedQuery(raw=raw)
    if not raw.strip():
        return parsed
    if len(raw) > MAX_QUERY_LENGTH:
        parsed.errors.append(
            f"عبارت جستجو بیش از {to_persian_digits(MAX_QUERY_LENGTH)} نویسه است؛ آن را کوتاه‌تر بنویسید."
        )
        return parsed
    lexer = _Lexer(raw)
    lexer.quotes()
    lexer.dates()
    lexer.numbers()
    lexer.words()
    errors = list(lexer.errors)

    pending: _Span | None = None  # an operator waiting for its right-hand atom
    last_negated = False
    for item in lexer.items():
        if item.operator:
            op = item.operator
            if pending is not None:
                errors.append(_lone(pending.operator, pending.written))
            elif op in ("or", "and") and (not parsed.groups and not parsed.excluded):
                errors.append(_lone(op, item.written))
                continue
            elif op == "or" and last_negated:
                errors.append("واژهٔ کنارگذاشته‌شده (با «-») را نمی‌توان با «OR» به واژهٔ دیگری پیوند داد.")
                continue
            pending = item
            continue
        atom = item.atom
        assert atom is not None
        negated = atom.negated or (pending is not None and pending.operator == "not")
        if negated:
            if pending is not None and pending.operator == "or":
                errors.append("واژهٔ کنارگذاشته‌شده (با «-») را نمی‌توان با «OR» به واژهٔ دیگری پیوند داد.")
            parsed.excluded.append(atom if atom.negated else _negate(atom))
        elif pending is not None and pending.operator == "or" and parsed.groups:
            parsed.groups[-1] = (*parsed.groups[-1], atom)
        else:
            parsed.groups.append((atom,))
        last_negated = negated
        pending = None
    if pending is not None:
        errors.append(_lone(pending.operator, pending.written))

    count = len(parsed.atoms) + len(parsed.excluded)
    if not errors:
        if count > MAX_ATOMS:
            errors.append(
                f"عبارت جستجو بیش از {to_persian_digits(MAX_ATOMS)} واژه دارد؛ واژه‌های کمتر و دقیق‌تری بنویسید."
            )
        elif not parsed.groups and parsed.excluded:
            errors.append("همهٔ واژه‌ها با «-» کنار گذاشته شده‌اند؛ دست‌کم یک واژه برای جستجو بنویسید.")
        elif count == 0:
            errors.append(
                "عبارت جستجو واژه، شماره یا تاریخی ندارد؛ عنوان، شماره یا بخشی از متن سند را بنویسید."
            )
    parsed.errors = errors
    if errors:
        parsed.groups, parsed.excluded = [], []
    return parsed


def _negate(atom: Atom) -> Atom:
    return Atom(atom.kind, atom.written, atom.text, atom.key, atom.digits, atom.day, negated=True)
