"""Indicator figures of one period for an organisation's tree, for upward reporting (CSV or XLSX).

One row per body and indicator, from the reports that count (submitted or
accepted); the column layout is fixed and documented in docs/upward-reporting.md.
"""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook

from giaoban.interchange.keys import organization_key, period_key
from giaoban.organisations.models import Organization
from giaoban.periods.models import Period
from giaoban.reports.models import COUNTED_STATUSES, IndicatorValue

COLUMNS = ["period", "period_label", "organization_key", "organization", "admin_unit_code", "parent_key",
           "indicator_code", "indicator", "unit", "value", "report_status", "submitted_at"]
TEXT_COLUMNS = {"period_label", "organization", "indicator", "unit"}
# A spreadsheet would run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows(root: Organization, period: Period) -> list[dict]:
    values = (IndicatorValue.objects.filter(report__period=period, report__status__in=COUNTED_STATUSES,
                                            report__organization__in=root.subtree(), value__isnull=False)
              .select_related("indicator", "report__organization__locality", "report__organization__parent__locality")
              .order_by("report__organization__tree_path", "indicator__position", "indicator__code"))
    return [_row(value, period) for value in values]


def _row(value: IndicatorValue, period: Period) -> dict:
    org, report = value.report.organization, value.report
    return {"period": period_key(period), "period_label": period.label, "organization_key": organization_key(org),
            "organization": org.name, "admin_unit_code": org.locality.code if org.locality_id else "",
            "parent_key": organization_key(org.parent) if org.parent_id else "",
            "indicator_code": value.indicator.code, "indicator": value.indicator.name, "unit": value.indicator.unit,
            "value": _plain(value.value), "report_status": report.status,
            "submitted_at": report.submitted_at.isoformat() if report.submitted_at else ""}


def _plain(value: Decimal) -> str:
    """Dot decimal, no thousands separator, no trailing zeros: "1234.5"."""
    return f"{value.normalize():f}"


def safe_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(data: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in data:
        writer.writerow({k: safe_text(v) if k in TEXT_COLUMNS else v for k, v in row.items()})
    # BOM: Excel opens UTF-8 CSV with Vietnamese names correctly only with it.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(data: list[dict]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "chi-tieu"
    sheet.append(COLUMNS)
    for row in data:
        sheet.append([Decimal(row[c]) if c == "value" else row[c] for c in COLUMNS])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a name such as "=…" stays text, never a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
