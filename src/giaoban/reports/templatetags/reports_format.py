from decimal import Decimal

from django import template

from giaoban.reports.formatting import format_number
from giaoban.reports.models import Indicator

register = template.Library()


@register.filter
def fmt(value: Decimal | None, indicator: Indicator) -> str:
    """A figure as its indicator shows it: "4.000.000.000 đ", "9.365", "92,5 %"."""
    return indicator.format(value)


@register.filter
def fmt_short(value: Decimal | None, indicator: Indicator) -> str:
    """As a report sentence writes it: "4 tỷ đồng"."""
    return indicator.format_short(value)


@register.filter
def percent_change(value: Decimal | None) -> str:
    if value is None:
        return ""
    sign = "+" if value > 0 else ""
    return f"{sign}{format_number(value, 1)} %"
