"""The dashboard's charts: the same server-drawn SVG bars as the report pages, each shown
beside a table with the same numbers (the table is the accessible alternative)."""

from decimal import Decimal

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from giaoban.reports.charts import bar_chart, short_label


def trend_charts(trend: list[tuple[str, int, int]]) -> tuple[SafeString, SafeString]:
    opened = [(short_label(label), Decimal(given), False) for label, given, _done in trend]
    closed = [(short_label(label), Decimal(done), False) for label, _given, done in trend]
    return (bar_chart(opened, str, _("Chỉ đạo được giao theo quý")),
            bar_chart(closed, str, _("Chỉ đạo hoàn thành theo quý")))


def completion_chart(rates) -> SafeString:
    points = [(rate.name[:14], Decimal(rate.percent), False) for rate in rates]
    return bar_chart(points, lambda value: f"{value}%", _("Tỷ lệ hoàn thành theo đơn vị chủ trì"))
