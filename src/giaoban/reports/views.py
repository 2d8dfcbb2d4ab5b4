"""Pages for period reports: my reports, the editor, review, Excel, consolidation.

Views stay thin: permissions come from access.py, rules from the models, the
figures from consolidation.py.  Anything outside the user's reach is a 404.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from giaoban.accounts.access import has_role, home_organizations
from giaoban.accounts.models import Role
from giaoban.core.paging import paginate
from giaoban.core.versioning import ConcurrentEditError
from giaoban.organisations.models import Bloc, Organization
from giaoban.organisations.views import visible_organization_or_404
from giaoban.periods.logic import MONTH, QUARTER, PeriodKey, PeriodLabelError, parse_label
from giaoban.periods.models import Period
from giaoban.reports import access, caching, excel
from giaoban.reports.charts import bar_chart, short_label
from giaoban.reports.consolidation import consolidate, consolidate_tree, consolidate_with_series
from giaoban.reports.forms import AttachmentForm, PeriodReportForm, ReturnForm, UploadForm
from giaoban.reports.models import (
    PeriodReport,
    ReportAttachment,
    ReportTemplate,
    WorkflowError,
    indicators_for,
    sections_for,
)
from giaoban.reports.reminders import remind_missing

STALE_MESSAGE = gettext_lazy("Báo cáo vừa được người khác lưu sau khi bạn mở trang, nên bản của bạn CHƯA được lưu. "
                  "Nội dung bạn đã gõ vẫn còn trên trang: hãy sao chép phần cần giữ, tải lại trang rồi dán vào.")


def _report_or_404(request: HttpRequest, pk: int) -> PeriodReport:
    report = get_object_or_404(PeriodReport.objects.select_related("organization", "period"), pk=pk)
    if not access.can_view_report(request.user, report):
        raise Http404
    return report


def _period_types(organization: Organization) -> list[str]:
    types = list(ReportTemplate.objects.filter(bloc__members=organization).values_list("period_type", flat=True)
                 .distinct())
    return types or [QUARTER]


def _recent_periods(types: list[str], today: datetime.date, count: int = 4) -> list[Period]:
    """The current period of each type and the few before it, newest first."""
    keys = []
    for period_type in types:
        if period_type not in (MONTH, QUARTER, "half", "nine_months", "year"):
            continue
        number = {MONTH: today.month, QUARTER: (today.month - 1) // 3 + 1,
                  "half": 1 if today.month <= 6 else 2}.get(period_type, 0)
        key = PeriodKey(period_type, today.year, number)
        for _i in range(count):
            keys.append(key)
            key = key.previous()
    periods = {p.key: p for p in Period.objects.get_many(keys)}  # unsaved periods have no pk to hash
    return sorted(periods.values(), key=lambda p: (p.end, p.start), reverse=True)


@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    organizations = [org for org in home_organizations(request.user) if has_role(request.user, org)]
    today = timezone.localdate()
    boards = []
    for org in organizations:
        periods = _recent_periods(_period_types(org), today)
        stored = [p for p in periods if p.pk]
        reports = {r.period_id: r for r in PeriodReport.objects.filter(organization=org, period__in=stored)}
        older = (PeriodReport.objects.filter(organization=org).exclude(period__in=stored).select_related("period")
                 .order_by("-period__end", "pk"))
        param = f"truoc-{org.pk}"  # one page number per body: each board pages its own older reports
        boards.append({"organization": org, "can_edit": has_role(request.user, org, Role.EDITOR),
                       "rows": [(p, reports.get(p.pk)) for p in periods], "older": paginate(request, older, 20, param),
                       "param": param, "open": param in request.GET})
    return render(request, "reports/mine.html", {"boards": boards,
                                                 "convened": access.convened_blocs(request.user)})


@login_required
@require_POST
def report_create(request: HttpRequest, organization_pk: int, period: PeriodKey) -> HttpResponse:
    organization = visible_organization_or_404(request, organization_pk, Role.EDITOR)
    period = Period.objects.get_for(period)  # the first report of a period stores it
    report, created = PeriodReport.objects.get_or_create(organization=organization, period=period)
    if created:
        messages.success(request, _("Đã lập báo cáo %(period)s.") % {"period": period.label})
    return redirect("reports:edit", report.pk)


def _editor_context(request: HttpRequest, report: PeriodReport, form: PeriodReportForm) -> dict:
    return {"report": report, "form": form, "upload_form": UploadForm(initial={"version": report.version}),
            "attachment_form": AttachmentForm(), "attachments": report.attachments.all(),
            "deadline": _deadline(report)}


def _deadline(report: PeriodReport) -> datetime.date | None:
    templates = ReportTemplate.objects.filter(bloc__members=report.organization, period_type=report.period.type)
    deadlines = [template.deadline_for(report.period) for template in templates]
    return min(deadlines) if deadlines else None


def _form(report: PeriodReport, data=None) -> PeriodReportForm:
    return PeriodReportForm(data, instance=report, indicators=indicators_for(report.organization, report.period),
                            sections=sections_for(report.organization, report.period))


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_404(request, pk)
    if not access.can_edit_report(request.user, report):
        if has_role(request.user, report.organization, Role.EDITOR):
            messages.info(request, _("Báo cáo đã nộp nên không sửa được nữa."))
        return redirect("reports:detail", report.pk)
    if request.method != "POST":
        return render(request, "reports/edit.html", _editor_context(request, report, _form(report)))
    form = _form(report, request.POST)
    submit = request.POST.get("action") == "submit"
    if not form.is_valid():
        messages.error(request, _("Chưa lưu: có ô nhập sai, xem các dòng tô đỏ bên dưới."))
        return render(request, "reports/edit.html", _editor_context(request, report, form), status=200)
    try:
        form.save_draft()
        if submit:
            report.submit(request.user)
    except ConcurrentEditError:
        messages.error(request, STALE_MESSAGE)
        return render(request, "reports/edit.html", _editor_context(request, report, form), status=409)
    except WorkflowError as error:
        messages.error(request, str(error))  # the draft itself was saved: show what is stored now
        fresh = _fresh(report)
        return render(request, "reports/edit.html", _editor_context(request, fresh, _form(fresh)))
    if submit:
        messages.success(request, _("Đã nộp báo cáo %(period)s.") % {"period": report.period.label})
        return redirect("reports:detail", report.pk)
    messages.success(request, _("Đã lưu nháp."))
    return redirect("reports:edit", report.pk)


def _fresh(report: PeriodReport) -> PeriodReport:
    return PeriodReport.objects.select_related("organization", "period").get(pk=report.pk)


@login_required
@require_POST
def report_autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: save the draft as the user types; a stale version is refused and the page keeps the text."""
    report = _report_or_404(request, pk)
    if not access.can_edit_report(request.user, report):
        return render(request, "reports/edit.html#autosave", {
            "error": _("Báo cáo không còn ở trạng thái soạn thảo; nháp không được lưu.")})
    form = _form(report, request.POST)
    if not form.is_valid():
        return render(request, "reports/edit.html#autosave", {
            "error": _("Chưa lưu nháp: có ô nhập sai (%(fields)s).") % {
                "fields": ", ".join(str(form.fields[name].label) for name in form.errors if name in form.fields)}})
    try:
        form.save_draft()
    except ConcurrentEditError:
        return render(request, "reports/edit.html#autosave", {"error": STALE_MESSAGE})
    return render(request, "reports/edit.html#autosave", {"saved_at": timezone.localtime(), "report": report})


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_404(request, pk)
    indicators = indicators_for(report.organization, report.period)
    values = {v.indicator_id: v for v in report.values.all()}
    return render(request, "reports/detail.html", {
        "report": report,
        "figures": [(indicator, values.get(indicator.pk)) for indicator in indicators],
        "sections": report.section_texts(sections_for(report.organization, report.period)),
        "attachments": report.attachments.all(),
        "history": report.history.select_related("history_user").order_by("-history_date")[:30],
        "can_edit": access.can_edit_report(request.user, report),
        "can_review": access.can_review_report(request.user, report),
        "return_form": ReturnForm(initial={"version": report.version}),
        "deadline": _deadline(report),
    })


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Accept (tiếp nhận) or return (trả lại, with a reason): the convening body's editors and leaders."""
    if action not in ("accept", "return"):
        raise Http404
    report = _report_or_404(request, pk)
    if not access.can_review_report(request.user, report):
        raise PermissionDenied
    try:
        if action == "accept":
            report.accept(request.user, request.POST.get("version"))
            messages.success(request, _("Đã tiếp nhận báo cáo."))
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                raise WorkflowError(_("Hãy ghi lý do trả lại báo cáo."))
            report.send_back(request.user, form.cleaned_data["reason"], form.cleaned_data["version"])
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
    except ConcurrentEditError:
        messages.error(request, _("Báo cáo vừa thay đổi; hãy xem lại rồi thao tác lại."))
    except (WorkflowError, ValueError) as error:
        messages.error(request, str(error))
    return redirect("reports:detail", report.pk)


@login_required
def report_xlsx_template(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_404(request, pk)
    if not has_role(request.user, report.organization, Role.EDITOR):
        raise Http404
    name = f"bao-cao-{slugify(report.organization.short_name or report.organization.name)}-" \
           f"{slugify(report.period.label)}.xlsx"
    response = HttpResponse(excel.build_template(report), content_type=excel.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def report_xlsx_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_404(request, pk)
    if not access.can_edit_report(request.user, report):
        raise Http404 if not has_role(request.user, report.organization, Role.EDITOR) else PermissionDenied
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tệp Excel để tải lên."))
        return redirect("reports:edit", report.pk)
    result = excel.read_upload(report, form.cleaned_data["file"].read())
    if not result.ok:
        messages.error(request, _("Không nhập được số liệu, chưa có gì được lưu:"))
        for error in result.errors:
            messages.error(request, error)
        return redirect("reports:edit", report.pk)
    try:
        count = excel.apply_upload(report, result, form.cleaned_data["version"])
    except ConcurrentEditError:
        messages.error(request, STALE_MESSAGE)
        return redirect("reports:edit", report.pk)
    messages.success(request, _("Đã nhập %(n)d chỉ tiêu từ tệp Excel.") % {"n": count})
    return redirect("reports:edit", report.pk)


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_404(request, pk)
    if not access.can_edit_report(request.user, report):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        ReportAttachment.objects.create(report=report, file=upload, name=upload.name[:255], uploaded_by=request.user)
        messages.success(request, _("Đã đính kèm “%(name)s”.") % {"name": upload.name})
    else:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    return redirect("reports:edit", report.pk)


@login_required
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report__organization"), pk=pk)
    if not access.can_view_report(request.user, attachment.report):
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@login_required
def consolidation_index(request: HttpRequest) -> HttpResponse:
    blocs = access.convened_blocs(request.user)
    label = request.GET.get("ky", "").strip()
    if label and request.GET.get("khoi"):
        return _consolidation_for_label(request, blocs, label)
    today = timezone.localdate()
    page = paginate(request, blocs, 20)
    rows = []
    for bloc in page:
        types = list(bloc.report_templates.values_list("period_type", flat=True)) or [QUARTER]
        rows.append((bloc, _with_reported_periods(bloc, _recent_periods(types, today, 4))))
    localities = [org for org in home_organizations(request.user) if has_role(request.user, org)]
    return render(request, "reports/consolidation_index.html", {
        "rows": rows, "page": page, "localities": localities,
        "periods": _recent_periods([QUARTER, "half", "year"], today, 2)})


def _with_reported_periods(bloc: Bloc, recent: list[Period], limit: int = 8) -> list[Period]:
    """Recent periods plus the latest ones the bloc's members really reported on, newest first."""
    reported = Period.objects.filter(period_reports__organization__blocs=bloc).distinct().order_by("-end")[:limit]
    merged = {p.key: p for p in [*recent, *reported]}
    return sorted(merged.values(), key=lambda p: (p.end, p.start), reverse=True)


def _consolidation_for_label(request: HttpRequest, blocs, label: str) -> HttpResponse:
    """The period picker: any label offices write ("Quý I/2022", "6 tháng đầu năm 2023")."""
    bloc = next((b for b in blocs if str(b.pk) == request.GET["khoi"]), None)
    if bloc is None:
        raise Http404
    try:
        key = parse_label(label)
    except PeriodLabelError as error:
        messages.error(request, str(error))
        return redirect("reports:consolidation_index")
    return redirect("reports:bloc_consolidation", bloc.pk, key)


def _bloc_or_404(request: HttpRequest, pk: int) -> Bloc:
    bloc = get_object_or_404(Bloc.objects.select_related("convening"), pk=pk)
    if not access.can_view_bloc_consolidation(request.user, bloc):
        raise Http404
    return bloc


@login_required
def bloc_consolidation(request: HttpRequest, bloc_pk: int, period: PeriodKey) -> HttpResponse:
    bloc = _bloc_or_404(request, bloc_pk)
    top, rest, missing = caching.shared(bloc, period,
                                        lambda: _consolidation_parts(bloc, Period.objects.for_key(period)))
    return render(request, "reports/consolidation.html", {
        "bloc": bloc, "period": period, "top": top, "rest": rest,
        "can_remind": missing and has_role(request.user, bloc.convening, Role.EDITOR)})


def _consolidation_parts(bloc: Bloc, period: Period) -> tuple[SafeString, SafeString, bool]:
    """The page as everyone allowed sees it, in two parts around the reminder button (per user), and
    whether a report is missing (the button shows only then)."""
    result, series = consolidate_with_series(bloc, period, count=6)
    charts = {}
    for row in result.rows:
        points = [(short_label(key.label), total, incomplete) for key, total, incomplete in series.get(
            row.indicator.pk, [])]
        charts[row.indicator.pk] = bar_chart(points, row.indicator.format_short, row.indicator.name)
    template = result.template
    context = {
        "c": result, "bloc": bloc, "period": period,
        "table": [(row, row.value_list(result.organizations), charts[row.indicator.pk]) for row in result.rows],
        "status_rows": [(org, result.reports.get(org.pk), org in result.missing) for org in result.organizations],
        "section_blocks": _section_blocks(result),
        "deadline": template.deadline_for(period) if template else None,
        "previous": period.key.previous(), "next": period.key.next(),  # keys: links need no stored period
    }
    return (SafeString(render_to_string("reports/_consolidation_top.html", context)),
            SafeString(render_to_string("reports/_consolidation_rest.html", context)), bool(result.missing))


def _section_blocks(result) -> list[tuple[str, list]]:
    from giaoban.reports.models import Section

    labels = dict(Section.choices)
    return [(labels[key], entries) for key, entries in result.sections.items()]


@login_required
def bloc_consolidation_xlsx(request: HttpRequest, bloc_pk: int, period: PeriodKey) -> HttpResponse:
    bloc = _bloc_or_404(request, bloc_pk)
    period = Period.objects.for_key(period)
    data = excel.export_consolidation(consolidate(bloc, period))
    response = HttpResponse(data, content_type=excel.XLSX_CONTENT_TYPE)
    name = f"tong-hop-{slugify(bloc.name)}-{slugify(period.label)}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def bloc_remind(request: HttpRequest, bloc_pk: int, period: PeriodKey) -> HttpResponse:
    bloc = _bloc_or_404(request, bloc_pk)
    if not has_role(request.user, bloc.convening, Role.EDITOR):
        raise PermissionDenied
    period = Period.objects.get_for(period)  # reminders are written for a stored period
    result = remind_missing(bloc, period, timezone.localdate())
    messages.success(request, _("Đã nhắc %(bodies)d đơn vị chưa nộp; gửi tới %(n)d người (mỗi người nhận tối đa "
                                "một lời nhắc mỗi ngày).") % {"bodies": len(result.reached), "n": result.sent})
    if result.unreachable:
        messages.warning(request, _("Chưa có ai được giao cập nhật cho: %(names)s.")
                         % {"names": ", ".join(org.name for org in result.unreachable)})
    return redirect("reports:bloc_consolidation", bloc.pk, period)


@login_required
def tree_consolidation(request: HttpRequest, organization_pk: int, period: PeriodKey) -> HttpResponse:
    root = visible_organization_or_404(request, organization_pk)
    period = Period.objects.for_key(period)
    result = consolidate_tree(root, period)
    if request.GET.get("xlsx"):
        response = HttpResponse(excel.export_consolidation(result), content_type=excel.XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = (f'attachment; filename="tong-hop-{slugify(root.name)}-'
                                           f'{slugify(period.label)}.xlsx"')
        return response
    return render(request, "reports/tree.html", {
        "c": result, "root": root, "period": period,
        "table": [(row, row.value_list(result.organizations)) for row in result.rows],
        "previous": period.previous(), "next": period.next(),
    })
