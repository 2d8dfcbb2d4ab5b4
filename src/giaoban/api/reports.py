"""Indicators and period reports with their values (read-only), within the reports app's own reach."""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.http import Http404, HttpResponse
from ninja import Field, FilterLookup, FilterSchema, Path, Query, Router, Schema
from ninja.pagination import paginate

from giaoban.api.errors import errors
from giaoban.api.etags import tag_response
from giaoban.api.paging import MAX_ID, Page, ordered
from giaoban.reports.access import can_view_report, visible_reports
from giaoban.reports.models import Aggregation, Indicator, IndicatorKind, PeriodReport, ReportStatus

router = Router(tags=["Báo cáo, chỉ tiêu"])


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    unit: str
    kind: IndicatorKind
    tree_aggregation: Aggregation
    time_aggregation: Aggregation
    area: str
    position: int


class ValueOut(Schema):
    indicator_code: str = Field(..., alias="indicator.code")
    value: Decimal | None
    note: str


class ReportOut(Schema):
    id: int
    organization_id: int
    period_id: int
    status: ReportStatus
    submitted_at: datetime.datetime | None
    reviewed_at: datetime.datetime | None
    version: int


class ReportDetailOut(ReportOut):
    results: str
    strengths: str
    limitations: str
    causes: str
    plan: str
    proposals: str
    return_reason: str
    values: list[ValueOut]


class ReportFilter(FilterSchema):
    organization: Annotated[int | None, FilterLookup("organization_id"), Field(ge=1, le=MAX_ID)] = None
    period: Annotated[int | None, FilterLookup("period_id"), Field(ge=1, le=MAX_ID)] = None
    status: Annotated[ReportStatus | None, FilterLookup("status")] = None


@router.get("/indicators/", response={200: list[IndicatorOut], **errors()}, summary="Danh mục chỉ tiêu")
@paginate(Page)
def list_indicators(request, ordering: Literal["position", "code"] = "position"):
    # The catalogue is shared by every body, like the periods.
    return ordered(Indicator.objects.all(), ordering)


@router.get("/reports/", response={200: list[ReportOut], **errors()}, summary="Danh sách báo cáo kỳ")
@paginate(Page)
def list_reports(request, filters: Query[ReportFilter], ordering: Literal["id", "-id", "submitted_at"] = "-id"):
    return ordered(filters.filter(visible_reports(request.user)), ordering)


def visible_report_or_404(request, report_id: int) -> PeriodReport:
    """The report with its values, if the reports app lets the user see it (404 otherwise, as on the site)."""
    report = (PeriodReport.objects.select_related("organization", "period").prefetch_related("values__indicator")
              .filter(pk=report_id).first())
    if report is None or not can_view_report(request.user, report):
        raise Http404
    return report


@router.get("/reports/{report_id}/", response={200: ReportDetailOut, **errors()},
            summary="Một báo cáo kỳ với số liệu chỉ tiêu")
def get_report(request, response: HttpResponse, report_id: int = Path(..., ge=1, le=MAX_ID)):
    report = visible_report_or_404(request, report_id)
    tag_response(response, report)
    return report
