"""Charts drawn on the server as inline SVG: no script, no CDN, printable, readable without colour.

Every bar carries its number as text, and each chart has a <title> and a table beside it on the page,
so the chart adds a picture to the numbers rather than replacing them. Bars grow from the right, as
Persian reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits
from records.evaluation.rules import format_score

FONT = "Vazirmatn, Tahoma, sans-serif"
COLOURS = {
    "maximum": "#e3e7ee",
    "current": "#1f5f8b",
    "previous": "#9bbad3",
    "complete": "#2e7d32",
    "partial": "#f2a900",
    "missing": "#9e9e9e",
    "late": "#c62828",
    "phase": "#9bbad3",
    "phase-current": "#1f5f8b",
    "phase-done": "#cfd8dc",
}


def _fa(value) -> str:
    return to_persian_digits(str(value))


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = 12,
    anchor: str = "start",
    weight: str = "normal",
    fill: str = "#222",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" '
        f'direction="rtl" text-anchor="{anchor}" fill="{fill}">{escape(content)}</text>'
    )


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    return mark_safe(  # noqa: S308 - every piece of text above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="evaluation-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMidYMin meet" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


@dataclass(frozen=True)
class ScoreBar:
    label: str
    maximum: Decimal
    current: Decimal | None
    previous: Decimal | None = None


def scorecard_chart(bars: list[ScoreBar], *, current_label: str, previous_label: str | None) -> SafeString:
    """Score against maximum by indicator, with the previous year beside it."""
    width, label_w, row_h, top = 720, 150, 40, 46
    plot_w = width - label_w - 70
    scale_max = max([b.maximum for b in bars] + [Decimal(1)])
    height = top + row_h * len(bars) + 12
    right = width - label_w
    body = []
    legend = [("maximum", "حداکثر امتیاز"), ("current", current_label)]
    if previous_label:
        legend.append(("previous", previous_label))
    x = width - 10
    for key, name in legend:
        body.append(
            f'<rect x="{x - 14}" y="10" width="14" height="12" fill="{COLOURS[key]}" stroke="#607d8b" stroke-width="0.5"/>'
        )
        body.append(_text(x - 20, 21, name, size=12))
        x -= 30 + 9 * len(name)
    for n, bar in enumerate(bars):
        y = top + n * row_h
        body.append(_text(width - 6, y + 17, bar.label, size=12, weight="bold"))
        w_max = float(bar.maximum / scale_max) * plot_w
        body.append(
            f'<rect x="{right - w_max:.1f}" y="{y + 2}" width="{w_max:.1f}" height="26" fill="{COLOURS["maximum"]}"/>'
        )
        body.append(_text(right - w_max - 4, y + 12, _fa(format_score(bar.maximum)), size=10, fill="#607d8b"))
        if bar.current is not None:
            w = float(bar.current / scale_max) * plot_w
            body.append(
                f'<rect x="{right - w:.1f}" y="{y + 4}" width="{w:.1f}" height="11" fill="{COLOURS["current"]}"/>'
            )
            body.append(
                _text(
                    right - w - 4,
                    y + 25 if previous_label else y + 14,
                    _fa(format_score(bar.current)),
                    size=11,
                    weight="bold",
                    fill=COLOURS["current"],
                )
            )
        if previous_label:
            if bar.previous is not None:
                w = float(bar.previous / scale_max) * plot_w
                body.append(
                    f'<rect x="{right - w:.1f}" y="{y + 16}" width="{w:.1f}" height="10" fill="{COLOURS["previous"]}"/>'
                )
            else:
                body.append(_text(right - 4, y + 25, "سال پیش: —", size=10, anchor="start", fill="#607d8b"))
    return _svg(width, height, "نمودار امتیاز در برابر حداکثر امتیاز به تفکیک شاخص", body)


def progress_chart(counts: list[tuple[str, str, int]]) -> SafeString:
    """One stacked bar of agencies by progress (complete, partial, missing, late), with the counts."""
    width, height = 720, 90
    total = sum(c for _, _, c in counts) or 1
    body, x = [], width - 10
    bar_w = width - 20
    for key, _label, count in counts:
        w = bar_w * count / total
        if w:
            body.append(f'<rect x="{x - w:.1f}" y="10" width="{w:.1f}" height="34" fill="{COLOURS[key]}"/>')
            if w > 24:
                body.append(
                    _text(x - w / 2, 32, _fa(count), size=14, anchor="middle", weight="bold", fill="#fff")
                )
        x -= w
    lx = width - 10
    for key, label, count in counts:
        body.append(f'<rect x="{lx - 14}" y="60" width="14" height="12" fill="{COLOURS[key]}"/>')
        text = f"{label}: {_fa(count)}"
        body.append(_text(lx - 20, 71, text, size=12))
        lx -= 34 + 8 * len(text)
    return _svg(width, height, "پیشرفت خودارزیابی دستگاه‌ها", body)


@dataclass(frozen=True)
class PhaseBar:
    label: str
    start: dt.date
    end: dt.date


def timeline_chart(phases: list[PhaseBar], today: dt.date) -> SafeString:
    """The timetable as bars on a calendar, today marked, days left written beside each open phase."""
    if not phases:
        return mark_safe("")
    width, label_w, row_h, top = 720, 190, 24, 30
    plot_w = width - label_w - 20
    first = min(p.start for p in phases)
    last = max(p.end for p in phases)
    # today widens the calendar only when it is near the cycle; a past cycle keeps its own scale
    margin = dt.timedelta(days=max((last - first).days // 4, 30))
    show_today = first - margin <= today <= last + margin
    if show_today:
        first, last = min(first, today), max(last, today)
    span = max((last - first).days, 1)
    right = width - label_w

    def x_of(day: dt.date) -> float:
        return right - plot_w * (day - first).days / span

    body = [
        _text(right, 16, format_jalali(first), size=10, anchor="start", fill="#607d8b"),
        _text(right - plot_w, 16, format_jalali(last), size=10, anchor="end", fill="#607d8b"),
    ]
    for n, phase in enumerate(phases):
        y = top + n * row_h
        body.append(_text(width - 6, y + 14, phase.label, size=11))
        x1, x2 = x_of(phase.start), x_of(phase.end + dt.timedelta(days=1))
        if phase.end < today:
            colour = COLOURS["phase-done"]
        elif phase.start <= today:
            colour = COLOURS["phase-current"]
        else:
            colour = COLOURS["phase"]
        body.append(
            f'<rect x="{x2:.1f}" y="{y + 3}" width="{max(x1 - x2, 2):.1f}" height="14" fill="{colour}"/>'
        )
        if phase.start <= today <= phase.end:
            left = (phase.end - today).days
            body.append(
                _text(
                    x2 - 4,
                    y + 14,
                    f"{_fa(left)} روز مانده",
                    size=10,
                    weight="bold",
                    fill=COLOURS["phase-current"],
                )
            )
    height = top + row_h * len(phases) + 10
    if show_today:
        tx = x_of(today)
        body.append(
            f'<line x1="{tx:.1f}" y1="22" x2="{tx:.1f}" y2="{height - 4}" stroke="#c62828" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
        body.append(_text(tx, height, "امروز", size=10, anchor="middle", fill="#c62828"))
    return _svg(width, height + 4, "زمان‌بندی مراحل دوره و روزهای باقی‌مانده", body)
