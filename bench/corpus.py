"""A realistic Persian corpus for the search benchmarks: 10k, 100k or 1M documents, streamed.

Titles and bodies are built from the seed documents' running text (``bench.vocabulary``) with the
variation real documents have (``bench.variants``): Arabic ي/ك in some documents, ZWNJ kept, lost or
typed as a space, Persian/Arabic-Indic/ASCII digits, act numbers and Jalali dates.

Two query terms are placed in a controlled share of documents and nowhere else:
``COMMON_TERM`` («ارزیابی», 20% of documents by default: 20,000 in 100k) and ``SELECTIVE_TERM``
(«شاخص‌های», 0.1%). Each is placed once in every stretch of 1/share documents, at a random position
in it, so the count is exact (``ceil(size × share)``) and spread over the whole table.

Deterministic: the same size and seed give the same documents. Nothing is kept in memory but the
vocabulary: ``generate`` yields one document at a time (≈ 7,000 documents/s on one core).

    python -m bench.corpus --size 100000 --sample 3          # statistics and three documents
    python -m bench.corpus --size 1000000 --jsonl /tmp/c.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import variants, vocabulary
from bench.variants import Digits, Zwnj
from search.normalise import PREFIXES, SUFFIXES

COMMON_TERM = "ارزیابی"
SELECTIVE_TERM = "شاخص\u200cهای"
DEFAULT_COMMON_SHARE = 0.2
DEFAULT_SELECTIVE_SHARE = 0.001
DEFAULT_SEED = 3  # issue 3

KINDS = (
    "بخشنامه",
    "دستورالعمل",
    "آیین\u200cنامه",
    "قانون",
    "مصوبه",
    "نامه",
    "ابلاغیه",
    "شیوه\u200cنامه",
    "روش اجرایی",
    "اطلاعیه",
    "تصویب\u200cنامه",
    "گزارش",
)
AUTHORITIES = (
    "معاونت توسعه مدیریت و سرمایه انسانی رئیس\u200cجمهور",
    "سازمان مدیریت و برنامه\u200cریزی استان لرستان",
    "سازمان مدیریت و برنامه\u200cریزی استان اصفهان",
    "هیئت وزیران",
    "سازمان اداری و استخدامی کشور",
    "وزارت آموزش و پرورش",
    "شهرداری تهران",
    "شورای عالی اداری",
)
SUFFIX_WORDS = frozenset(SUFFIXES)
PREFIX_WORDS = frozenset(PREFIXES)
SEPARATORS = ("، ", ". ", " ", " ")
BODY_WORDS_MEDIAN = 110  # lognormal body length, words (the seeds' paragraphs to short circulars)


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    body: str
    common: bool  # carries COMMON_TERM
    selective: bool  # carries SELECTIVE_TERM
    zwnj: str
    arabic_forms: bool


@dataclass(frozen=True)
class CorpusSpec:
    size: int
    seed: int = DEFAULT_SEED
    common_share: float = DEFAULT_COMMON_SHARE
    selective_share: float = DEFAULT_SELECTIVE_SHARE

    def expected(self, share: float) -> int:
        """How many documents carry a term placed in ``share`` of them."""
        return 0 if share <= 0 else min(self.size, math.ceil(self.size * share - 1e-9))


class Stratified:
    """Exactly one chosen document in each stretch of ``1/share`` documents, at a random place in it."""

    def __init__(self, share: float, size: int, rng: random.Random) -> None:
        self.share = share
        self.size = size
        self.rng = rng
        self.window = -1
        self.position = -1

    def chosen(self, index: int) -> bool:
        if self.share <= 0:
            return False
        window = math.floor(index * self.share + 1e-9)
        if window != self.window:
            self.window = window
            start = math.ceil(window / self.share - 1e-9)
            end = min(math.ceil((window + 1) / self.share - 1e-9), self.size)
            self.position = self.rng.randrange(start, max(end, start + 1))
        return index == self.position


class Writer:
    """Builds documents; one instance per corpus, fed one random stream."""

    def __init__(self, spec: CorpusSpec) -> None:
        self.spec = spec
        blocked = vocabulary.blocked_forms((COMMON_TERM, SELECTIVE_TERM))
        self.vocab = vocabulary.load(blocked)
        self.kinds = [kind for kind in KINDS if not vocabulary._blocked(kind, blocked)]
        self.authorities = [
            name
            for name in AUTHORITIES
            if not any(vocabulary._blocked(word, blocked) for word in name.split())
        ]
        self.rng = random.Random(spec.seed)  # noqa: S311 - a reproducible corpus, not secrets
        placement = random.Random(spec.seed * 7919 + 1)  # noqa: S311
        self.common = Stratified(spec.common_share, spec.size, placement)
        self.selective = Stratified(spec.selective_share, spec.size, placement)

    def number(self, digits: Digits) -> str:
        return variants.write_digits(variants.act_number(self.rng), digits)

    def date(self, digits: Digits) -> str:
        return variants.write_digits(variants.jalali_date(self.rng), digits)

    def span(self, length: int) -> str:
        """``length`` running words of the seeds, trimmed so that no affix can join a neighbour to it.

        The seeds write some suffixes and «می» detached; at the edge of a span one would join the word
        placed beside it («ارزیابی ها» → «ارزیابیها»), and a placed term would no longer match.
        """
        words = self.vocab.words
        start = int(self.rng.random() * (len(words) - length))
        end = start + length
        if words[start] in SUFFIX_WORDS:
            start += 1
        if words[end - 1] in PREFIX_WORDS:
            end -= 1
        return " ".join(words[start:end])

    def citation(self, digits: Digits) -> str:
        kind = self.rng.choice(self.kinds)
        return f"{kind} شماره {self.number(digits)} مورخ {self.date(digits)}"

    def title(self, kind: str, digits: Digits) -> str:
        topic_words = self.rng.choice(self.vocab.headings)[: self.rng.randint(3, 9)]
        if topic_words[-1] in PREFIX_WORDS:  # a term may follow the title's last word
            topic_words = topic_words[:-1]
        topic = " ".join(topic_words)
        if self.rng.random() < 0.6:
            return f"{kind} شماره {self.number(digits)} مورخ {self.date(digits)} {topic}"
        return f"{kind} {topic}"

    def body(self, kind: str, digits: Digits, terms: list[str]) -> str:
        rng = self.rng
        target = min(1500, max(20, int(rng.lognormvariate(math.log(BODY_WORDS_MEDIAN), 0.6))))
        parts = [f"{kind} {rng.choice(self.authorities)}", self.citation(digits)]
        written = 8
        random_ = rng.random  # random() is the cheap draw: the loop below runs ~8 times a document
        while written < target:
            length = 5 + int(random_() * 21)
            parts.append(self.span(length))
            written += length
            if random_() < 0.12:
                parts.append(self.citation(variants.digit_script(rng)))
        for term in terms:  # each placed term goes between two phrases, somewhere in the body
            parts.insert(1 + int(random_() * len(parts)), term)
        return "".join(part + SEPARATORS[int(random_() * len(SEPARATORS))] for part in parts).strip() + "."

    def document(self, index: int) -> Document:
        rng = self.rng
        common = self.common.chosen(index)
        selective = self.selective.chosen(index)
        kind = rng.choice(self.kinds)
        digits = variants.digit_script(rng)
        title = self.title(kind, digits)
        terms: list[str] = []
        for chosen, term in ((common, COMMON_TERM), (selective, SELECTIVE_TERM)):
            if not chosen:
                continue
            if rng.random() < 0.25:
                title = f"{title} {term}"
            count = 1
            while count < 5 and rng.random() < 0.45:
                count += 1
            terms.extend([term] * count)
        body = self.body(kind, digits, terms)
        zwnj: Zwnj = variants.pick(rng, variants.ZWNJ_WEIGHTS)  # type: ignore[assignment]
        arabic = rng.random() < variants.ARABIC_FORMS_SHARE
        title = variants.apply_letter_forms(variants.apply_zwnj(title, zwnj), arabic)
        body = variants.apply_letter_forms(variants.apply_zwnj(body, zwnj), arabic)
        return Document(index + 1, title, body, common, selective, zwnj.value, arabic)


def generate(spec: CorpusSpec) -> Iterator[Document]:
    """The corpus's documents in id order (ids 1…size), one at a time."""
    writer = Writer(spec)
    for index in range(spec.size):
        yield writer.document(index)


def rows(spec: CorpusSpec) -> Iterator[tuple[int, str, str]]:
    """``(id, title, body)`` rows, for bulk inserts."""
    for doc in generate(spec):
        yield doc.id, doc.title, doc.body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--common-share", type=float, default=DEFAULT_COMMON_SHARE)
    parser.add_argument("--selective-share", type=float, default=DEFAULT_SELECTIVE_SHARE)
    parser.add_argument("--sample", type=int, default=0, help="print this many documents")
    parser.add_argument("--jsonl", type=Path, help="write the documents to this file, one JSON object a line")
    args = parser.parse_args(argv)
    spec = CorpusSpec(args.size, args.seed, args.common_share, args.selective_share)

    out = args.jsonl.open("w", encoding="utf-8") if args.jsonl else None
    counts = {"common": 0, "selective": 0, "arabic forms": 0, **{mode.value: 0 for mode in Zwnj}}
    words = 0
    started = time.perf_counter()
    for doc in generate(spec):
        counts["common"] += doc.common
        counts["selective"] += doc.selective
        counts["arabic forms"] += doc.arabic_forms
        counts[doc.zwnj] += 1
        words += doc.body.count(" ") + 1
        if doc.id <= args.sample:
            print(f"— {doc.id} [{doc.zwnj}{', ي/ك' if doc.arabic_forms else ''}]\n{doc.title}\n{doc.body}\n")
        if out:
            out.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    if out:
        out.close()
    print(
        f"{spec.size:,} documents in {elapsed:.1f} s ({spec.size / elapsed:,.0f} documents/s), "
        f"{words / max(1, spec.size):.0f} body words on average"
    )
    for name, count in counts.items():
        print(f"  {name:<13} {count:>9,}  {count / max(1, spec.size):6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
