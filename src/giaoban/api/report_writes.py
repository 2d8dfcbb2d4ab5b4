"""Writing period reports: open one, save sections and figures, submit; accept or return it.

The rules are the reports app's: who may (reports.access), which figures and
sections a body reports (indicators_for, sections_for), how a figure is checked
(PeriodReportForm and Indicator.clean_value), what each status allows (the
model's submit/accept/send_back, whose refusals answer 409).

The endpoints join the reports router: a path's reads and writes must share one router to share one URL.
"""

from decimal import Decimal
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Path, Schema, Status

from giaoban.accounts.access import has_role
from giaoban.accounts.models import Role
from giaoban.api.errors import WRITE_ERRORS, ApiError, errors, form_refused, wrong_state
from giaoban.api.etags import expected_version, tag_response
from giaoban.api.fields import PLAIN_TEXT
from giaoban.api.formdata import form_data
from giaoban.api.paging import MAX_ID
from giaoban.api.reports import ReportDetailOut, router, visible_report_or_404
from giaoban.organisations.views import visible_organization_or_404
from giaoban.periods.models import Period
from giaoban.reports.access import can_edit_report, can_review_report
from giaoban.reports.forms import PeriodReportForm, ReturnForm
from giaoban.reports.models import SECTION_KEYS, PeriodReport, indicators_for, sections_for

Section = Annotated[str | None, Field(max_length=50_000, pattern=PLAIN_TEXT)]
# Bounded so that no figure a client sends overflows the stored 18 digits; the indicator's own rules
# (whole counts, no negative money, percent ≤ 100…) answer 400 with their Vietnamese messages.
Figure = Annotated[Decimal | None, Field(ge=-(10**16), le=10**16)]


class ReportOpen(Schema):
    organization_id: int = Field(..., ge=1, le=MAX_ID)
    period_id: int | None = Field(None, ge=1, le=MAX_ID)
    period_label: str | None = Field(None, max_length=60, pattern=PLAIN_TEXT, description="Ví dụ “Quý I/2022”.")


class ReportPatch(Schema):
    results: Section = None
    strengths: Section = None
    limitations: Section = None
    causes: Section = None
    plan: Section = None
    proposals: Section = None
    values: dict[Annotated[str, Field(max_length=40)], Figure] = Field(
        {}, max_length=500, description="Mã chỉ tiêu → số liệu (dấu chấm thập phân); null để xóa.")


class ReturnIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000, pattern=PLAIN_TEXT)


def _period(body: ReportOpen) -> Period:
    if body.period_label:
        return Period.objects.from_label(body.period_label)  # a Vietnamese ValidationError answers 400
    period = Period.objects.filter(pk=body.period_id).first() if body.period_id else None
    if period is None:
        raise ApiError(400, "invalid", _("Hãy ghi kỳ báo cáo (period_label, ví dụ “Quý I/2022”, hoặc period_id)."),
                       details={"period_label": ["required"]})
    return period


def _answer(request, response: HttpResponse, report_id: int) -> PeriodReport:
    report = visible_report_or_404(request, report_id)
    tag_response(response, report)
    return report


@router.post("/reports/", response={200: ReportDetailOut, 201: ReportDetailOut, **errors()},
             summary="Lập báo cáo kỳ của một đơn vị (đã có thì trả lại báo cáo đó)")
def open_report(request, response: HttpResponse, body: ReportOpen):
    organization = visible_organization_or_404(request, body.organization_id, Role.EDITOR)
    report, created = PeriodReport.objects.get_or_create(organization=organization, period=_period(body))
    return Status(201 if created else 200, _answer(request, response, report.pk))


def _editable(request, report_id: int) -> PeriodReport:
    """The report if the user may change it now: 403 without the role, 409 once it was sent."""
    report = visible_report_or_404(request, report_id)
    if not can_edit_report(request.user, report):
        if has_role(request.user, report.organization, Role.EDITOR):
            raise wrong_state(_("Báo cáo đã nộp nên không sửa được nữa."))
        raise PermissionDenied
    return report


def _figure(value: Decimal | None) -> str:
    """A figure as the form reads it: a comma before the decimals, never a thousands dot."""
    return "" if value is None else f"{value:f}".replace(".", ",")


def _overlay(form: PeriodReportForm, changes: dict[str, Any]) -> dict[str, Any]:
    """The sent sections and figures under the form's field names; 400 for one this report does not have."""
    data, unknown = {}, {}
    for key in SECTION_KEYS:
        if changes.get(key) is not None:
            if key not in form.fields:
                unknown[key] = [_("Mẫu báo cáo của đơn vị không có phần này.")]
            data[key] = changes[key]
    asked = {indicator.code: indicator for indicator in form.indicators}
    for code, value in (changes.get("values") or {}).items():
        if code not in asked:
            unknown[f"values.{code}"] = [_("Chỉ tiêu “%(code)s” không có trong báo cáo này.") % {"code": code}]
            continue
        data[form.value_field(asked[code])] = _figure(value)
    if unknown:
        raise ApiError(400, "invalid", " ".join(m for messages in unknown.values() for m in messages), details=unknown)
    return data


@router.patch("/reports/{report_id}/", response={200: ReportDetailOut, **errors(*WRITE_ERRORS)},
              summary="Lưu nháp báo cáo: các phần và số liệu chỉ tiêu (cần If-Match)")
def edit_report(request, response: HttpResponse, changes: ReportPatch, report_id: int = Path(..., ge=1, le=MAX_ID)):
    report = _editable(request, report_id)
    version = expected_version(request, report)
    indicators, sections = indicators_for(report.organization, report.period), sections_for(report.organization,
                                                                                          report.period)
    shown = PeriodReportForm(instance=report, indicators=indicators, sections=sections)
    data = {**form_data(shown), **_overlay(shown, changes.dict(exclude_unset=True)), "version": version}
    form = PeriodReportForm(data, instance=report, indicators=indicators, sections=sections)
    if not form.is_valid():
        raise form_refused(form)
    form.save_draft()
    return _answer(request, response, report.pk)


@router.post("/reports/{report_id}/submit", response={200: ReportDetailOut, **errors(*WRITE_ERRORS)},
             summary="Nộp báo cáo (cần If-Match)")
def submit_report(request, response: HttpResponse, report_id: int = Path(..., ge=1, le=MAX_ID)):
    report = _editable(request, report_id)
    report.submit(request.user, expected_version(request, report))
    return _answer(request, response, report.pk)


def _reviewable(request, report_id: int) -> PeriodReport:
    report = visible_report_or_404(request, report_id)
    if not can_review_report(request.user, report):
        raise PermissionDenied
    return report


@router.post("/reports/{report_id}/accept", response={200: ReportDetailOut, **errors(*WRITE_ERRORS)},
             summary="Tiếp nhận báo cáo đã nộp (cơ quan chủ trì khối; cần If-Match)")
def accept_report(request, response: HttpResponse, report_id: int = Path(..., ge=1, le=MAX_ID)):
    report = _reviewable(request, report_id)
    report.accept(request.user, expected_version(request, report))
    return _answer(request, response, report.pk)


@router.post("/reports/{report_id}/return", response={200: ReportDetailOut, **errors(*WRITE_ERRORS)},
             summary="Trả lại báo cáo kèm lý do (cơ quan chủ trì khối; cần If-Match)")
def return_report(request, response: HttpResponse, body: ReturnIn, report_id: int = Path(..., ge=1, le=MAX_ID)):
    report = _reviewable(request, report_id)
    form = ReturnForm({"reason": body.reason, "version": expected_version(request, report)})
    if not form.is_valid():
        raise form_refused(form)
    report.send_back(request.user, form.cleaned_data["reason"], form.cleaned_data["version"])
    return _answer(request, response, report.pk)
