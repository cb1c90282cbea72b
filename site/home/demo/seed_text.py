"""Reading the seed documents shipped in ``seeds/``: the demo content is made from them, not retyped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "seeds"


@cache
def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _between(text: str, start: str, end: str) -> str:
    head = text.index(start) + len(start)
    return text[head : text.index(end, head)].strip()


def procedure_activity_rows() -> list[dict]:
    """Seed 000 §5 as rows, as written (step ۱۱ twice, «"» ditto cells kept)."""
    table = _between(seed("000_procedure.txt"), "فلوچارت\n", "پایان")
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 6 or not cells[0]:
            continue
        number, description, responsible, collaborator, related, flow = cells[:6]
        rows.append(
            {
                "number": number,
                "description": description,
                "responsible": responsible,
                "collaborator": collaborator,
                "related_records": related,
                "flowchart_step": flow,
            }
        )
    # The table closes with a row that holds only the flowchart's end.
    rows.append(
        dict.fromkeys(("number", "description", "responsible", "collaborator", "related_records"), "")
        | {"flowchart_step": "پایان"}
    )
    return rows


def procedure_sections() -> dict[str, str]:
    text = seed("000_procedure.txt")
    return {
        "purpose": _between(text, "۱- هدف:", "۲- دامنه کاربرد:"),
        "scope": _between(text, "۲- دامنه کاربرد:", "۳- تعاریف"),
        "execution": _between(text, "۴-۱- مسئولیت اجرا:", "۴-۲-"),
        "supervision": _between(text, "مسئولیت نظارت بر مسن اجرا:", "عنوان سند:"),
    }


def statement_sections() -> dict[str, object]:
    """Seed 001: introduction, purpose, responsibility, ten steps, commitments, costs, validity, termination."""
    text = seed("001_service_statement.txt")
    steps = re.findall(r"^- [۰-۹]+- (.+)$", _between(text, "مراحل انجام خدمت:", "تعهدات:"), re.M)
    commitments = [
        line.removeprefix("- ✓").strip()
        for line in _between(text, "تعهدات:", "هزینه ها و پرداختها").splitlines()
        if line.strip()
    ]
    return {
        "title": text.strip().splitlines()[0].strip(),
        "introduction": _between(text, "مقدمه", "هدف"),
        "purpose": _between(text, "\nهدف\n", "مسئولیت:"),
        "responsibility": _between(text, "مسئولیت:", "مراحل انجام خدمت:"),
        "steps": steps,
        "commitments": commitments,
        "costs": _between(text, "هزینه ها و پرداختها", "دوره عملکرد"),
        "validity": _between(text, "دوره عملکرد", "خاتمه توافقنامه"),
        "termination": text[text.index("خاتمه توافقنامه") + len("خاتمه توافقنامه") :].strip(),
    }


def circular_text() -> tuple[str, str]:
    """Seed 002: (title line, full body) as published, Arabic letter forms and all."""
    text = seed("002_circular.txt").strip()
    title, _, body = text.partition("\n")
    return title.strip(), body.strip()


@dataclass(frozen=True)
class NewsItem:
    date: str  # as the source prints it: «22 شهریور 1393»
    number: str
    title: str
    source: str
    paragraphs: list[str]
    headings: frozenset[str]  # the paragraphs that are the item's own sub-headings


def news_item() -> NewsItem:
    """Seed 004 as published: date, number, title, source, and the body's paragraphs and sub-headings.

    The title is printed twice (above and below the source line); the page's comment form that follows
    the text («ارسال نظر», name, e-mail, captcha) is the source site's furniture, not the news, and is left out.
    """
    lines = [line.strip() for line in seed("004_news.txt").splitlines()]
    date = lines[0]
    number = lines[1].partition(":")[2].strip()
    rest = [line for line in lines[2:] if line]
    title, source = rest[0], rest[1]
    body = rest[2:]
    if body and body[0] == title:
        body = body[1:]
    body = body[: body.index("ارسال نظر")] if "ارسال نظر" in body else body
    # A sub-heading is a short line with no sentence end; paragraphs end with a full stop.
    headings = frozenset(line for line in body if len(line) < 60 and not line.endswith((".", ":", "؛")))
    return NewsItem(date, number, title, source.replace(":", " —", 1), body, headings)
