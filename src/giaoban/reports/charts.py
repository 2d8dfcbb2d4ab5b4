"""Small bar charts as inline SVG, drawn on the server.

No JavaScript library (the CSP forbids inline scripts and CDNs) and no inline
style attributes: only SVG presentation attributes, readable on an old PC.
"""

from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 360, 150
TOP, BOTTOM, LEFT = 18, 34, 8
BAR_COLOUR, INCOMPLETE_COLOUR, TEXT_COLOUR = "#0b5394", "#9fb8d3", "#1b1b1b"


def bar_chart(points: list[tuple[str, Decimal | None, bool]], formatter, title: str, width: int = WIDTH
              ) -> SafeString:
    """Bars for (label, value, incomplete) points; incomplete bars are paler and starred."""
    values = [value for _label, value, _inc in points if value is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    slot = (width - LEFT * 2) / max(len(points), 1)
    bar_width = slot * 0.6
    plot_height = HEIGHT - TOP - BOTTOM
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {HEIGHT}" '
             f'width="{width}" height="{HEIGHT}" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">',
             f"<title>{escape(title)}</title>",
             f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{width - LEFT}" y2="{HEIGHT - BOTTOM}" '
             f'stroke="#999" stroke-width="1"/>']
    for index, (label, value, incomplete) in enumerate(points):
        x = LEFT + index * slot + (slot - bar_width) / 2
        centre = x + bar_width / 2
        if value is not None:
            height = float(value / top) * plot_height if top else 0
            y = HEIGHT - BOTTOM - height
            colour = INCOMPLETE_COLOUR if incomplete else BAR_COLOUR
            shown = escape(formatter(value)) + ("*" if incomplete else "")
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{max(height, 0.5):.1f}" '
                         f'fill="{colour}"><title>{escape(label)}: {shown}</title></rect>')
            parts.append(f'<text x="{centre:.1f}" y="{max(y - 3, 10):.1f}" font-size="10" text-anchor="middle" '
                         f'fill="{TEXT_COLOUR}">{shown}</text>')
        else:
            parts.append(f'<text x="{centre:.1f}" y="{HEIGHT - BOTTOM - 4}" font-size="10" text-anchor="middle" '
                         f'fill="#777">–</text>')
        parts.append(f'<text x="{centre:.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="10" text-anchor="middle" '
                     f'fill="{TEXT_COLOUR}">{escape(label)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every text piece above is escaped


def short_label(label: str) -> str:
    """"Quý I/2022" → "QI/22", "Tháng 6/2018" → "T6/18", "Năm 2022" → "2022" (fits under a bar)."""
    text = label.replace("Quý ", "Q").replace("Tháng ", "T").replace("6 tháng đầu năm ", "6T đầu ")
    text = text.replace("6 tháng cuối năm ", "6T cuối ").replace("9 tháng năm ", "9T ").replace("Năm ", "")
    if "/" in text:
        head, _sep, year = text.rpartition("/")
        text = f"{head}/{year[-2:]}"
    return text


def trend_chart(indicator, points, title: str) -> SafeString:
    """One indicator's bars over the periods of `points` (reports.consolidation.TrendPoint), paler when incomplete."""
    # "1,25 tỷ đồng" above a bar 90 units wide; the table below has every digit.
    return bar_chart([(short_label(point.key.label), point.total, not point.complete) for point in points],
                     indicator.format_short, title, width=max(WIDTH, 90 * len(points)))
