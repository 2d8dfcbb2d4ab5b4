"""The consolidated period report (báo cáo tổng hợp) of a bloc, from the reports app's consolidation.

Sections quote each body's own text under the section's heading; the
indicator table gives the bloc's total, the same period a year earlier and the
change, marking totals that lack some body's figure.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal

from giaoban.core.text import nfc
from giaoban.documents.content import Content, frame
from giaoban.documents.models import Document, DocumentType
from giaoban.documents.service import issue
from giaoban.documents.wording import lower_first
from giaoban.organisations.models import Bloc
from giaoban.periods.models import Period
from giaoban.reports.consolidation import Consolidation, consolidate, same_period_last_year
from giaoban.reports.formatting import format_number
from giaoban.reports.models import COUNTED_STATUSES, IndicatorKind, PeriodReport, Section

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _value(value: Decimal | None, kind: str) -> str:
    if value is None:
        return "—"
    if kind == IndicatorKind.PERCENT:
        return f"{format_number(value, 2)}%"
    return format_number(value, 0 if kind == IndicatorKind.MONEY else 2)


def _change(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format_number(value, 1)
    return f"+{text}" if value > 0 else text


def _text(value: str) -> str:
    return " ".join(nfc(line) for line in value.replace("\r\n", "\n").split("\n") if nfc(line))


def report_content(bloc: Bloc, period: Period, *, number: int | None = None,
                   issued_on: datetime.date | None = None, signer_name: str = "", signer_title: str = "",
                   consolidation: Consolidation | None = None) -> Content:
    result = consolidation or consolidate(bloc, period)
    issuer = bloc.convening
    label = lower_first(period.label)
    recipients = ([issuer.parent.name] if issuer.parent_id else []) + [o.name for o in result.organizations]
    content = frame(issuer, "report", number=number, issued_on=issued_on,
                    subject=f"Kết quả công tác {label} của {lower_first(bloc.name)}", signer_name=signer_name,
                    signer_title=signer_title, recipients=recipients)
    reporting = len(result.organizations) - len(result.missing)
    intro = (f"{issuer.name} tổng hợp kết quả công tác {label} của {lower_first(bloc.name)} từ báo cáo của "
             f"{reporting}/{len(result.organizations)} cơ quan, đơn vị, như sau:")
    labels = dict(Section.choices)
    sections, index = [], 0
    for key, entries in result.sections.items():
        if not entries:
            continue
        sections.append({"heading": f"{ROMAN[index]}. {str(labels.get(key, key)).upper()}",
                         "entries": [{"organization": org.name, "text": _text(text)} for org, text in entries]})
        index += 1
    rows = [{"no": str(i), "name": row.indicator.name, "unit": row.indicator.unit,
             "total": _value(row.total, row.indicator.kind), "previous": _value(row.previous_total, row.indicator.kind),
             "change": _change(row.change_percent), "incomplete": row.incomplete}
            for i, row in enumerate(result.rows, start=1)]
    previous = same_period_last_year(period.key)
    missing = ""
    if result.missing:
        missing = "Các cơ quan, đơn vị chưa gửi báo cáo: " + ", ".join(o.name for o in result.missing) + "."
    content.update({
        "title": f"Báo cáo kết quả công tác {label} của {lower_first(bloc.name)}",
        "intro": [intro],
        "sections": sections,
        "table_heading": f"{ROMAN[min(index, len(ROMAN) - 1)]}. MỘT SỐ CHỈ TIÊU CHỦ YẾU",
        "rows": rows,
        "any_incomplete": any(r["incomplete"] for r in rows),
        "column_current": period.label,
        "column_previous": f"Cùng kỳ ({previous.label})",
        "missing": missing,
        "closing": f"Trên đây là báo cáo tổng hợp kết quả công tác {label} của {lower_first(bloc.name)}"
                   + ("." if content["party_style"] else "./."),
    })
    return content


def issue_report(bloc: Bloc, period: Period, *, issued_on: datetime.date, user=None, render: bool = True,
                 **options) -> Document:
    return issue(DocumentType.REPORT, bloc.convening,
                 lambda number, day: report_content(bloc, period, number=number, issued_on=day, **options),
                 issued_on=issued_on, bloc=bloc, period=period, user=user, render=render)


def demo_reports(blocs: Iterable[Bloc], per_bloc: int = 2) -> Iterator[tuple[Bloc, Period]]:
    """(bloc, period) pairs that have counted member reports, latest first: what is worth previewing."""
    for bloc in blocs:
        members = bloc.members.exclude(pk=bloc.convening_id)
        period_ids = (PeriodReport.objects.filter(organization__in=members, status__in=COUNTED_STATUSES)
                      .order_by("-period__start").values_list("period_id", flat=True).distinct())
        seen: list[int] = []
        for pk in period_ids:
            if pk not in seen:
                seen.append(pk)
            if len(seen) == per_bloc:
                break
        for period in Period.objects.filter(pk__in=seen):
            yield bloc, period
