"""Server-rendered SVG charts (no JavaScript, nothing fetched from elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .queries import FUNNEL_STAGES, FunnelWeek

# One colour per funnel stage, dark to light so the order reads without the legend too.
COLOURS = ("#1f3b73", "#2f5fa7", "#4a86c5", "#7fb0dc", "#b9d4ee")


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


def funnel_svg(weeks: list[FunnelWeek], width: int = 900, height: int = 320) -> str:
    """Grouped bars: for each week, one bar per funnel stage; a legend and a y axis."""
    left, right, top, bottom = 48, 12, 16, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([w.counts["conversations"] for w in weeks] + [1])
    step = _nice_step(peak)
    y_max = step * -(-peak // step)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="funnel-title">',
        '<title id="funnel-title">Screening funnel per week</title>',
    ]
    for tick in range(0, y_max + 1, step):
        y = top + plot_h - plot_h * tick / y_max
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="11" fill="#444">{tick}</text>'
        )
    group_w = plot_w / max(len(weeks), 1)
    bar_w = group_w * 0.8 / len(FUNNEL_STAGES)
    for i, week in enumerate(weeks):
        x0 = left + i * group_w + group_w * 0.1
        for j, (key, label) in enumerate(FUNNEL_STAGES):
            value = week.counts[key]
            h = plot_h * value / y_max
            tip = escape(f"Week of {week.week_start:%d %b %Y}: {label} {value}")
            parts.append(
                f'<rect x="{x0 + j * bar_w:.1f}" y="{top + plot_h - h:.1f}" '
                f'width="{max(bar_w - 1, 1):.1f}" height="{h:.1f}" fill="{COLOURS[j]}">'
                f'<title>{tip}</title></rect>'
            )
        parts.append(
            f'<text x="{x0 + group_w * 0.4:.1f}" y="{top + plot_h + 16}" '
            f'text-anchor="middle" font-size="11" fill="#444">'
            f'{week.week_start:%d %b}</text>'
        )
    legend_y = height - 18
    for j, (_key, label) in enumerate(FUNNEL_STAGES):
        x = left + j * 170
        parts.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" ' f'fill="{COLOURS[j]}"/>'
        )
        parts.append(
            f'<text x="{x + 16}" y="{legend_y}" font-size="12" fill="#222">'
            f'{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def totals_svg(totals: dict[str, int], width: int = 900) -> str:
    """The overall funnel as horizontal bars with counts and the share of conversations."""
    row_h, label_w = 30, 190
    height = row_h * len(FUNNEL_STAGES) + 8
    base = max(totals.get("conversations", 0), 1)
    bar_space = width - label_w - 150
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="totals-title">',
        '<title id="totals-title">Screening funnel, all conversations</title>',
    ]
    for j, (key, label) in enumerate(FUNNEL_STAGES):
        value = totals.get(key, 0)
        y = 4 + j * row_h
        w = bar_space * value / base
        share = 100 * value / base if totals.get("conversations") else 0
        parts.append(f'<text x="0" y="{y + 19}" font-size="13" fill="#222">{escape(label)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{max(w, 1):.1f}" height="20" '
            f'fill="{COLOURS[j]}"/>'
        )
        parts.append(
            f'<text x="{label_w + w + 8:.1f}" y="{y + 19}" font-size="13" '
            f'fill="#222">{value} ({share:.0f}%)</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if peak / step <= 6:
            return step
    return 10 ** len(str(peak))
