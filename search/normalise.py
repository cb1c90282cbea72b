"""The one Persian text normaliser, applied at index time and at query time on every search path.

What it folds, and why:
- Arabic letter forms to Persian (ي ى → ی, ك → ک, ة ۀ → ه, أ إ ٱ آ → ا, ؤ → و, ئ → ی): circular 002 is
  typed with Arabic ي/ك; people type «آیین‌نامه», «آئین نامه» and «ایین نامه» for one word.
- Persian and Arabic-Indic digits to ASCII.
- Diacritics, tatweel, bidi marks, ZWJ and BOM are dropped (a word with a diacritic inside matches its plain form).
- Control characters (NUL and the rest of C0/C1, DEL) become spaces: the FTS5 and
  Elasticsearch tokenizers already break words there, PostgreSQL refuses NUL in text, and SQLite's FTS5
  reads a MATCH string only up to its first NUL. Folding them here keeps index and query in step.
- The zero-width non-joiner is lost or typed as a space as often as it is kept. Two cases:
  1. a detached affix (ها، های، هایی، ای، تر، ترین، ام، اند، می، نمی …, see ``SUFFIXES``/``PREFIXES``) is
     joined to its word whether ZWNJ, a space or nothing separates them: «دستگاههای», «دستگاه‌های» and
     «دستگاه های» all become «دستگاههای»; «می‌باشد», «می باشد», «میباشد» become «میباشد»;
  2. any ZWNJ left after that sits between the parts of a compound, which people write with a space just
     as often: it becomes a space, so «آیین‌نامه» and «آیین نامه» both give «ایین نامه» (two words, found by
     phrase or by all-words search), likewise «بخش‌نامه»/«بخش نامه», «شیوه‌نامه»/«شیوه نامه».
  A compound written with neither ZWNJ nor space («بخشنامه», «آییننامه») stays one word; telling its
  parts apart would need a dictionary. Instead the index holds every pair of adjacent words also
  joined (``joined_pairs``, ``index_text``) and a query's adjacent words are also asked joined
  (``join_alternatives``), so all three writings meet (search/README.md, «Compounds»).
- Latin is lowercased; Unicode compatibility forms (Arabic presentation forms) are decomposed first.

No stemming and no stopword list: a search for «وظایف» must not also match unrelated words, and short
words such as «ماده» or «بند» are meaningful in law. Changing anything here changes ``VERSION``; the
search backends store the version with the index and tell the operator to reindex when it differs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from itertools import pairwise

_LETTERS = {
    "ي": "ی",
    "ى": "ی",
    "ئ": "ی",
    "ك": "ک",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "أ": "ا",
    "إ": "ا",
    "ٱ": "ا",
    "آ": "ا",
    "ؤ": "و",
    "ڪ": "ک",
    "ی": "ی",
}
_DIGITS = {ch: str(i) for i, ch in enumerate("۰۱۲۳۴۵۶۷۸۹")} | {
    ch: str(i) for i, ch in enumerate("٠١٢٣٤٥٦٧٨٩")
}
_DROPPED = (
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun, hamza above/below…
    + ["\u0670", "\u0640"]  # superscript alef, tatweel
    + ["\u200d", "\u200e", "\u200f", "\ufeff", "\u00ad"]  # ZWJ, LRM, RLM, BOM, soft hyphen
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
)
# C0, DEL and C1 (category Cc): word breaks, never part of a word.
_CONTROLS = [chr(c) for c in range(0x00, 0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
TABLE = str.maketrans(
    {**_LETTERS, **_DIGITS, **dict.fromkeys(_DROPPED, None), **dict.fromkeys(_CONTROLS, " ")}
)

ZWNJ = "\u200c"
# Affixes written detached (space or ZWNJ) that belong to the word beside them.
SUFFIXES = (
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "های",
    "ها",
    "ای",
    "ترین",
    "تر",
    "ام",
    "ات",
    "اش",
    "ایم",
    "اید",
    "اند",
)
PREFIXES = ("نمی", "می")
# Arabic-script letters (and the Quranic marks that sit in words), not the whole block: «،», «؛», «؟»
# and «٪» end a word, so «دستگاه های،» joins like «دستگاه های».
_LETTER = (
    r"[\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5-\u06DC\u06DF-\u06E8\u06EA-\u06EF\u06FA-\u06FC\u06FF]"
)
_SUFFIX_RE = re.compile(rf"(?<={_LETTER})[ \u200c]+(" + "|".join(SUFFIXES) + rf")(?!{_LETTER})")
_PREFIX_RE = re.compile(rf"(?<!{_LETTER})(" + "|".join(PREFIXES) + rf")[ \u200c]+(?={_LETTER})")
_SPACES = re.compile(r"\s+")
# What a ZWNJ left after the affixes are joined becomes: a word break, as the space people type instead.
ZWNJ_REPLACEMENT = " "

# Joined pairs (see ``joined_pairs``): two adjacent words of at least two letters each, one space apart,
# the first a whole word, the second ending at a space, punctuation or the end (not a digit or a letter).
PAIR_MIN_LETTERS = 2
_PART = rf"{_LETTER}{{{PAIR_MIN_LETTERS},}}"
_PAIR_RE = re.compile(rf"(?<!\S)({_PART}) (?=({_PART})(?!\w))")
_FIRST_PART_RE = re.compile(_PART)
_SECOND_PART_RE = re.compile(rf"{_PART}(?!\w)")

# 3-: every pair of adjacent words is indexed in its joined form too (``index_text``).
# 2-: ZWNJ between compound parts became a space (it was removed in 1-); affixes join before «،» too.
# The hash also changed when control characters began to fold to spaces.
VERSION = (
    "3-"
    + hashlib.sha256(
        repr(
            (
                sorted(_LETTERS.items()),
                _DROPPED,
                _SUFFIX_RE.pattern,
                _PREFIX_RE.pattern,
                ZWNJ_REPLACEMENT,
                _CONTROLS,
                _PAIR_RE.pattern,
            )
        ).encode()
    ).hexdigest()[:12]
)


def normalise(text: str | None) -> str:
    """Fold ``text`` to the form that is indexed and searched. Pure; idempotent."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(TABLE).lower()
    text = _SUFFIX_RE.sub(r"\1", text)
    text = _PREFIX_RE.sub(r"\1", text)
    # Only after the affixes are joined: «دستگاه‌های» must stay one word, «آیین‌نامه» become two.
    text = text.replace(ZWNJ, ZWNJ_REPLACEMENT)
    return _SPACES.sub(" ", text).strip()


def joined_pairs(normalised: str) -> list[str]:
    """Each pair of adjacent words of ``normalised`` text written as one word, in text order.

    A compound is written three ways: «بخشنامه», «بخش‌نامه», «بخش نامه»; the last two normalise to two
    words. Indexing every adjacent pair also joined («بخش نامه» → «بخشنامه») lets the joined writing meet
    them without a dictionary of compounds; the query side does the reverse (``join_alternatives``).
    Only Persian-letter words of two letters or more pair up: «و», numbers and Latin never do.
    """
    return [first + second for first, second in _PAIR_RE.findall(normalised)]


def index_text(text: str | None) -> str:
    """What the database backends index for ``text``: its normalised words, then their joined pairs.

    The pairs go after the text, not between its words, so phrases of the text stay side by side.
    """
    normalised = normalise(text)
    pairs = joined_pairs(normalised)
    return f"{normalised} {' '.join(pairs)}" if pairs else normalised


def joins(first: str, second: str) -> str | None:
    """``first`` and ``second`` (adjacent words of normalised text) as one word, if they pair up."""
    if _FIRST_PART_RE.fullmatch(first) and _SECOND_PART_RE.match(second):
        return first + second
    return None


def join_alternatives(words: list[str], limit: int = 16) -> list[list[str]]:
    """``words`` (a normalised query, split at spaces) and its writings with adjacent pairs joined.

    «بهره وری» → [«بهره وری»], [«بهرهوری»]: the spaced query meets a document that writes the compound
    as one word. Every combination of non-overlapping joins is given while there are at most ``limit``
    (a query of up to six words); beyond that, one join at a time. The words as given come first.
    """
    joinable = [joins(a, b) for a, b in pairwise(words)]
    if not any(joinable):
        return [list(words)]

    def combos(start: int) -> list[list[str]]:
        if start >= len(words):
            return [[]]
        out = [[words[start], *rest] for rest in combos(start + 1)]
        if start < len(joinable) and joinable[start]:
            out += [[joinable[start], *rest] for rest in combos(start + 2)]
        return out

    if len(words) <= 6:
        return combos(0)[:limit]
    single = [words[:i] + [joined] + words[i + 2 :] for i, joined in enumerate(joinable) if joined]
    return [list(words), *single][:limit]
