"""The benchmark corpus's words: the seed documents' own running text, as phrases to sample from.

The seeds (``site/home/demo/seeds/``, copies of ``../shared/seeds/``) are read once, folded to one
spelling (Persian ی/ک, ZWNJ kept: the corpus adds its own variation later) and cut into a stream of
words; documents are built from spans of that stream, so they read like the seeds do. Digits, Latin
and punctuation are left out here: numbers and dates are generated, punctuation is added between spans.

Words that would make a query term match are taken out of the stream, so that the share of documents
matching a query is exactly the share the generator injects the term into.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from search.normalise import normalise

SEEDS_DIR = Path(__file__).resolve().parents[1] / "site" / "home" / "demo" / "seeds"
ZWNJ = "\u200c"
# A word: Persian/Arabic letters, possibly joined by ZWNJ. Diacritics and tatweel go with the word.
_WORD = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\u064B-\u065F\u0670\u0640\u200c]+")
_FOLD_FORMS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u0640": None})


@dataclass(frozen=True)
class Vocabulary:
    """The seeds' words in reading order, and the phrases (title topics) drawn from their lines."""

    words: tuple[str, ...]
    headings: tuple[tuple[str, ...], ...]


def seed_texts(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    paths = sorted(seeds_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed documents in {seeds_dir}")
    return [path.read_text(encoding="utf-8") for path in paths]


def seed_words(text: str) -> list[str]:
    """The words of ``text`` in one spelling: Persian letter forms, ZWNJ kept, stray ZWNJ trimmed."""
    words = (match.group().translate(_FOLD_FORMS).strip(ZWNJ) for match in _WORD.finditer(text))
    return [word for word in words if word]


def blocked_forms(terms: Iterable[str]) -> frozenset[str]:
    """Normalised words that must not occur in the background text, given the query ``terms``.

    A term matches any word that normalises to it; a term that is a stem plus a detached suffix
    («شاخص‌های») also matches the stem followed by the suffix as a separate word, so the stem goes too.
    """
    from search.normalise import SUFFIXES

    blocked: set[str] = set()
    for term in terms:
        folded = normalise(term)
        blocked.add(folded)
        stem, _, _ = term.partition(ZWNJ)
        if stem != term:
            blocked.add(normalise(stem))
        for suffix in SUFFIXES:
            if folded.endswith(suffix) and len(folded) > len(suffix) + 1:
                blocked.add(folded[: -len(suffix)])
    return frozenset(blocked)


def _blocked(word: str, blocked: frozenset[str]) -> bool:
    """Whether ``word`` matches a blocked form as written, or once its ZWNJ is typed as a space."""
    return any(normalise(part) in blocked for part in (word, *word.split(ZWNJ)))


@cache
def load(blocked: frozenset[str] = frozenset(), seeds_dir: Path = SEEDS_DIR) -> Vocabulary:
    """The seed vocabulary without any word whose normalised form is in ``blocked``."""
    words: list[str] = []
    headings: list[tuple[str, ...]] = []
    for text in seed_texts(seeds_dir):
        for line in text.splitlines():
            line_words = [word for word in seed_words(line) if not _blocked(word, blocked)]
            words.extend(line_words)
            if 3 <= len(line_words) <= 12:
                headings.append(tuple(line_words))
    if len(words) < 100 or not headings:
        raise ValueError("the seed documents give too few words to build a corpus from")
    return Vocabulary(words=tuple(words), headings=tuple(headings))
