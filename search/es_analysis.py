"""Elasticsearch analysis settings generated from ``search.normalise``, so both paths index the same words.

The built-in ``persian`` analyzer folds to Arabic letter forms and stems; the database path does neither,
so the two would disagree. Everything here is derived from the normaliser's own tables and regexes, and
uses only char filters, tokenizers and token filters that ship with Elasticsearch (no ICU plugin):

1. ``sanad_fold`` (``mapping``): per code point, ``NFKC`` followed by the normaliser's ``TABLE``. NFKC is
   not a char filter without ICU, so the decompositions are spelled out as rules: every code point of the
   Basic Multilingual Plane whose folded form differs (East-Asian compatibility blocks left out), plus the
   canonical compositions that NFKC would perform on decomposed input (``ہ`` + hamza → ``ۂ``, ``e`` + acute
   → ``é``).
2. ``sanad_join_suffixes`` / ``sanad_join_prefixes`` (``pattern_replace``): the normaliser's detached-affix
   regexes, verbatim (Java and Python agree on the subset they use; anything else is refused).
3. ``sanad_zwnj_to_space`` (``mapping``): a zero-width non-joiner left after the affixes are joined
   becomes a space (``ZWNJ_REPLACEMENT``), so the ``standard`` tokenizer — which would otherwise keep
   it inside the word, as a format character — splits «آیین‌نامه» into the normaliser's two words.
4. ``standard`` tokenizer, then ``lowercase`` (the normaliser lowercases; the order does not matter for
   the Arabic-script regexes above, which have no case).

Changing the normaliser changes these settings; ``VERSION`` is stored in each index mapping's ``_meta``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from search import normalise as normaliser

TEXT_ANALYZER = "sanad_text"
QUERY_ANALYZER = "sanad_query"
EDGENGRAM_ANALYZER = "sanad_edgengram"
CHAR_FILTERS = ("sanad_fold", "sanad_join_suffixes", "sanad_join_prefixes", "sanad_zwnj_to_space")
EDGENGRAM_FILTER = "sanad_edgengram"
EDGENGRAM_MIN, EDGENGRAM_MAX = 1, 15  # as modelsearch's own autocomplete analyzer
REGEX_REPLACEMENT = "$1"  # both affix regexes keep group 1: normalise() calls ``sub(r"\1", …)``

# Compatibility ideographs, Kangxi radicals, enclosed CJK, Hangul jamo and half-width kana: thousands of
# rules for scripts this archive does not hold. Supplementary planes are left out for the same reason.
_LEFT_OUT = (
    (0x1100, 0x11FF),
    (0x2E80, 0x2FDF),
    (0x3001, 0x33FF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFF61, 0xFFDC),
)
# Regex syntax whose meaning differs between Python's ``re`` and ``java.util.regex`` (Unicode-aware
# shorthand classes in Python, ASCII in Java; Python-only group syntax; anchors).
_NOT_PORTABLE = re.compile(r"\\[dDwWsSbBAZ]|\(\?P|\(\?[aiLmsux]")


def _in_scope(cp: int) -> bool:
    return cp < 0x10000 and not 0xD800 <= cp <= 0xDFFF and not any(a <= cp <= b for a, b in _LEFT_OUT)


def _fold(text: str) -> str:
    """What ``normalise`` does to ``text`` before its regexes: NFKC, then the table."""
    folded = unicodedata.normalize("NFKC", text).translate(normaliser.TABLE)
    # Python's lowercase is the full mapping (``İ`` → ``i̇``), Lucene's the simple one (``İ`` → ``i``):
    # where they differ, lowercase here so the ``lowercase`` filter has nothing left to disagree on.
    if any(len(ch.lower()) > 1 for ch in folded):
        folded = folded.lower()
    return folded


def fold_rules() -> dict[str, str]:
    """``{source: replacement}`` for the ``sanad_fold`` mapping char filter."""
    singles = {}
    for cp in range(0x10000):
        if _in_scope(cp):
            ch = chr(cp)
            if _fold(ch) != ch:
                singles[ch] = _fold(ch)
    rules = dict(singles)
    for cp in range(0x10000):
        ch = chr(cp)
        if not _in_scope(cp) or unicodedata.normalize("NFD", ch) == ch:
            continue
        decomposed = {unicodedata.normalize("NFD", ch)}
        canonical = unicodedata.decomposition(ch)
        if canonical and not canonical.startswith("<"):
            decomposed.add("".join(chr(int(h, 16)) for h in canonical.split()))
        for source in decomposed:
            char_by_char = "".join(singles.get(c, c) for c in source)
            # Only sequences NFKC really composes, and only where composing changes the outcome.
            if len(source) > 1 and _fold(source) == _fold(ch) and char_by_char != _fold(ch):
                rules[source] = _fold(ch)
    return rules


def _escape(text: str) -> str:
    # Every character escaped: Elasticsearch trims each side of a rule, which would eat a mapped space.
    return "".join(f"\\u{ord(ch):04X}" for ch in text)


def mapping_rule(source: str, replacement: str) -> str:
    return f"{_escape(source)}=>{_escape(replacement)}"


def java_regex(pattern: re.Pattern[str]) -> str:
    """The pattern's source, after checking it means the same to ``java.util.regex``."""
    if pattern.flags & ~re.UNICODE or _NOT_PORTABLE.search(pattern.pattern):
        raise ValueError(f"regex not portable to Elasticsearch's pattern_replace: {pattern.pattern!r}")
    return pattern.pattern


def char_filter_settings() -> dict[str, dict[str, Any]]:
    """The char filters in ``CHAR_FILTERS`` order, as they go under ``analysis.char_filter``."""
    return {
        "sanad_fold": {
            "type": "mapping",
            "mappings": [mapping_rule(s, r) for s, r in sorted(fold_rules().items())],
        },
        "sanad_join_suffixes": {
            "type": "pattern_replace",
            "pattern": java_regex(normaliser._SUFFIX_RE),
            "replacement": REGEX_REPLACEMENT,
        },
        "sanad_join_prefixes": {
            "type": "pattern_replace",
            "pattern": java_regex(normaliser._PREFIX_RE),
            "replacement": REGEX_REPLACEMENT,
        },
        "sanad_zwnj_to_space": {
            "type": "mapping",
            "mappings": [mapping_rule(normaliser.ZWNJ, normaliser.ZWNJ_REPLACEMENT)],
        },
    }


def _analyzer(*filters: str) -> dict[str, Any]:
    return {
        "type": "custom",
        "char_filter": list(CHAR_FILTERS),
        "tokenizer": "standard",
        "filter": ["lowercase", *filters],
    }


def analysis_settings() -> dict[str, Any]:
    """The ``analysis`` block: the text, query and autocomplete analyzers, and the defaults."""
    text = _analyzer()
    return {
        "char_filter": char_filter_settings(),
        "filter": {
            EDGENGRAM_FILTER: {"type": "edge_ngram", "min_gram": EDGENGRAM_MIN, "max_gram": EDGENGRAM_MAX},
        },
        "analyzer": {
            TEXT_ANALYZER: text,
            # The same chain: a query is normalised exactly as the documents are, never stemmed.
            QUERY_ANALYZER: _analyzer(),
            EDGENGRAM_ANALYZER: _analyzer(EDGENGRAM_FILTER),
            # Any text field a mapping leaves without an analyzer still folds like the normaliser.
            "default": text,
            "default_search": _analyzer(),
        },
    }


def index_settings() -> dict[str, Any]:
    """The body modelsearch sends on index creation (``indices.create(index=…, **settings)``)."""
    return {
        "settings": {
            "analysis": analysis_settings(),
            "index": {"max_ngram_diff": EDGENGRAM_MAX - EDGENGRAM_MIN},
        }
    }
