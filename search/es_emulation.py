"""Run generated Elasticsearch analysis settings in Python, the way Elasticsearch would.

This reads the *generated* settings back (the escaped mapping rules, the Java regexes) rather than the
normaliser's tables, so a test comparing its output with ``normalise`` checks the artefact that is sent
to the server. Only what Sanad's analyzers use is emulated: ``mapping`` and ``pattern_replace`` char
filters, the ``standard`` tokenizer for letters and digits (Unicode word-break rules WB4–WB13b, without
the rules for ideographs, kana, Hebrew, emoji and regional indicators), ``lowercase`` and ``edge_ngram``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
_JAVA_GROUP_REF = re.compile(r"\$(\d)")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def parse_mapping(rules: list[str]) -> dict[str, str]:
    """``{source: replacement}`` from Elasticsearch mapping rules (``a=>b``, ``\\uXXXX`` escapes)."""
    parsed = {}
    for rule in rules:
        source, _, replacement = rule.partition("=>")
        parsed[_unescape(source.strip())] = _unescape(replacement.strip())
    return parsed


def apply_mapping(text: str, table: dict[str, str]) -> str:
    """Lucene's MappingCharFilter: longest source at each position, output never rescanned."""
    longest = max(map(len, table), default=1)
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            replacement = table.get(text[i : i + size])
            if replacement is not None:
                out.append(replacement)
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def apply_char_filter(text: str, definition: dict[str, Any]) -> str:
    if definition["type"] == "mapping":
        return apply_mapping(text, parse_mapping(definition["mappings"]))
    if definition["type"] == "pattern_replace":
        # Lucene's PatternReplaceCharFilter reads the whole input and runs Matcher.replaceAll over it.
        replacement = _JAVA_GROUP_REF.sub(r"\\\1", definition.get("replacement", ""))
        return re.sub(definition["pattern"], replacement, text)
    raise NotImplementedError(definition["type"])


# Word-break property values (Unicode UAX #29) for the characters Persian and Latin text meet.
_MID_LETTER = set(":\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a")
_MID_NUM = set(",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b")
_MID_NUM_LET = set(".\u2018\u2019\u2024\ufe52\uff07\uff0e")
_EXTEND_NUM_LET = set("_\u202f\u203f\u2040\u2054\ufe33\ufe34\ufe4d\ufe4e\ufe4f\uff3f")


def _word_break_class(ch: str) -> str:
    if ch in _MID_LETTER:
        return "MidLetter"
    if ch in _MID_NUM:
        return "MidNum"
    if ch in _MID_NUM_LET:
        return "MidNumLet"
    if ch == "'":
        return "Single_Quote"
    if ch in _EXTEND_NUM_LET:
        return "ExtendNumLet"
    if ch == "\u066b":  # Arabic decimal separator
        return "Numeric"
    category = unicodedata.category(ch)
    if ch in "\u200c\u200d" or category in ("Mn", "Me", "Mc"):
        return "Extend"
    if category == "Cf":
        return "Format"
    if category == "Nd":
        return "Numeric"
    if category.startswith("L"):
        return "ALetter"
    return "Other"


_WORD = ("ALetter", "Numeric")
_NEWLINES = set("\r\n\x0b\x0c\x85\u2028\u2029")
_MIDS = {
    "ALetter": ("MidLetter", "MidNumLet", "Single_Quote"),
    "Numeric": ("MidNum", "MidNumLet", "Single_Quote"),
}


def _units(text: str) -> list[tuple[str, str]]:
    """Characters with their word-break class; WB4 folds Extend and Format into what precedes them."""
    units: list[tuple[str, str]] = []
    for ch in text:
        kind = _word_break_class(ch)
        if kind in ("Extend", "Format") and units and units[-1][1][-1] not in _NEWLINES:
            units[-1] = (units[-1][0], units[-1][1] + ch)
        else:
            units.append((kind, ch))
    return units


def _joined(kinds: list[str], i: int) -> bool:
    """Whether there is no word boundary before unit ``i`` (rules WB5–WB13b)."""
    before, here = kinds[i - 1], kinds[i]
    after = kinds[i + 1] if i + 1 < len(kinds) else None
    two_before = kinds[i - 2] if i >= 2 else None
    if before in _WORD and here in _WORD:  # WB5, WB8, WB9, WB10
        return True
    if before in _WORD and here in _MIDS[before] and after == before:  # WB6, WB12
        return True
    if here in _WORD and before in _MIDS[here] and two_before == here:  # WB7, WB11
        return True
    if here == "ExtendNumLet" and before in (*_WORD, "ExtendNumLet"):  # WB13a
        return True
    return before == "ExtendNumLet" and here in _WORD  # WB13b


def standard_tokens(text: str) -> list[str]:
    """Words as the ``standard`` tokenizer segments ``text``: segments holding a letter or a digit."""
    units = _units(text)
    kinds = [kind for kind, _ in units]
    segments: list[list[int]] = []
    for i in range(len(units)):
        if i and _joined(kinds, i):
            segments[-1].append(i)
        else:
            segments.append([i])
    return [
        "".join(units[i][1] for i in segment)
        for segment in segments
        if any(kinds[i] in _WORD for i in segment)
    ]


def _java_lowercase(token: str) -> str:
    # Lucene lowercases code point by code point with Java's simple case mapping.
    return "".join(ch.lower()[0] for ch in token)


def analyze(text: str, analysis: dict[str, Any], analyzer: str) -> list[str]:
    """Tokens the named custom analyzer of ``analysis`` gives for ``text``."""
    definition = analysis["analyzer"][analyzer]
    if definition.get("tokenizer") != "standard":
        raise NotImplementedError(definition.get("tokenizer"))
    for name in definition.get("char_filter", []):
        text = apply_char_filter(text, analysis["char_filter"][name])
    tokens = standard_tokens(text)
    for name in definition.get("filter", []):
        if name == "lowercase":
            tokens = [_java_lowercase(t) for t in tokens]
        elif analysis.get("filter", {}).get(name, {}).get("type") == "edge_ngram":
            spec = analysis["filter"][name]
            tokens = [
                t[:n] for t in tokens for n in range(spec["min_gram"], min(len(t), spec["max_gram"]) + 1)
            ]
        else:
            raise NotImplementedError(name)
    return tokens
