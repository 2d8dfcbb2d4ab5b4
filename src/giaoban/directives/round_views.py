"""Bulk progress round pages: the list of rounds, one body's page (htmx, one save), its Excel file and upload."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from giaoban.core.paging import paginate
from giaoban.core.spreadsheets import XLSX_CONTENT_TYPE, line_label
from giaoban.core.uploads import validate_upload
from giaoban.directives import round_excel, rounds
from giaoban.directives.models import DirectiveStatus, ProgressRound
from giaoban.directives.rules import can_follow_round, can_open_round
from giaoban.meetings.models import Meeting, MeetingKind
from giaoban.meetings.rules import can_view_meeting

SESSION_KEY = "progress-round-upload-%d"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp Excel đã điền"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload, ["xlsx"])
        return upload


class OpenRoundForm(forms.Form):
    due_on = forms.DateField(
        label=gettext_lazy("Hạn báo cáo"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
        error_messages={"invalid": gettext_lazy("Hạn báo cáo không hợp lệ; ghi dạng ngày/tháng/năm.")})


def _round_or_404(request: HttpRequest, pk: int) -> ProgressRound:
    """A round whose briefing the user may see, or in which one of the user's bodies has directives."""
    progress_round = get_object_or_404(ProgressRound.objects.select_related(
        "meeting__bloc__convening", "meeting__host"), pk=pk)
    if not (can_view_meeting(request.user, progress_round.meeting) or rounds.mine(request.user, progress_round)):
        raise Http404
    return progress_round


@login_required
def round_index(request: HttpRequest) -> HttpResponse:
    visible = Meeting.objects.visible_to(request.user)
    since = timezone.localdate() - datetime.timedelta(days=31)
    openable = [m for m in visible.filter(kind=MeetingKind.BRIEFING, bloc__isnull=False, date__gte=since,
                                          progress_round__isnull=True).select_related("bloc__convening", "host")
                .order_by("date")[:30] if can_open_round(request.user, m)]
    return render(request, "directives/round_index.html", {
        "page": paginate(request, ProgressRound.objects.filter(meeting__in=visible.values("pk")).select_related(
            "meeting"), 30),
        "openable": openable, "form": OpenRoundForm()})


@login_required
@require_POST
def round_open(request: HttpRequest) -> HttpResponse:
    pk = request.POST.get("meeting", "")
    meeting = Meeting.objects.visible_to(request.user).filter(pk=int(pk)).first() if pk.isdigit() else None
    if meeting is None:
        raise Http404
    if not can_open_round(request.user, meeting):
        raise PermissionDenied
    form = OpenRoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["due_on"]))
        return redirect("directives:rounds")
    progress_round, created = ProgressRound.objects.get_or_create(
        meeting=meeting, defaults={"opened_by": request.user, "due_on": form.cleaned_data["due_on"]})
    if created:
        messages.success(request, _("Đã mở đợt báo cáo tiến độ trước “%(m)s”.") % {"m": meeting.title})
    return redirect(progress_round)


def _page_rows(data, directives) -> list[rounds.RowInput]:
    """The page's rows in their order, numbered as shown ("Dòng 3" is the third row of the table)."""
    return [rounds.RowInput(line=line_label(index), directive_id=pk, version=data.get(f"version-{pk}"),
                            note=data.get(f"note-{pk}"), percent=data.get(f"percent-{pk}"),
                            status=data.get(f"status-{pk}"))
            for index, pk in enumerate(data.getlist("row"), start=1)]


def _save(request: HttpRequest, progress_round: ProgressRound, items: list[rounds.RowInput]) -> rounds.Preview:
    """Check and, when every row is right, apply; messages say what happened. Returns the final check."""
    preview = rounds.check(request.user, progress_round, items)
    if not preview.rows:
        messages.info(request, _("Chưa nhập dòng nào; chưa có gì thay đổi."))
    elif preview.ok:
        try:
            count = rounds.apply(request.user, progress_round, preview)
        except rounds.StaleRoundError:
            preview = rounds.check(request.user, progress_round, items)
        else:
            messages.success(request, _("Đã ghi %(n)d báo cáo tiến độ.") % {"n": count})
            return preview
    if preview.problems:
        messages.error(request, _("Chưa có gì được lưu; hãy sửa các dòng có lỗi rồi lưu lại."))
    return preview


def _page_context(request: HttpRequest, progress_round: ProgressRound, preview=None, data=None) -> dict:
    errors: dict[int, list[str]] = {}
    for row in preview.rows if preview else []:
        if row.directive is not None:
            errors.setdefault(row.directive.pk, []).extend(row.errors)
    keep = data if preview is not None and preview.problems else None  # a refused save keeps what was typed
    rows = [{"number": i, "d": d, "errors": errors.get(d.pk, []),
             "note": keep.get(f"note-{d.pk}", "") if keep else "",
             "percent": keep.get(f"percent-{d.pk}", "") if keep else "",
             "status": keep.get(f"status-{d.pk}", "") if keep else ""}
            for i, d in enumerate(rounds.directives_for(request.user, progress_round), start=1)]
    follow = can_follow_round(request.user, progress_round)
    return {"round": progress_round, "rows": rows, "upload_form": UploadForm(),
            "problems": preview.problems if preview else [],
            "statuses": [DirectiveStatus.IN_PROGRESS, DirectiveStatus.DONE],
            "answers": rounds.answers(progress_round) if follow else None}


@login_required
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    progress_round = _round_or_404(request, pk)
    preview = None
    if request.method == "POST":
        preview = _save(request, progress_round, _page_rows(request.POST, rounds.directives_for(
            request.user, progress_round)))
    context = _page_context(request, progress_round, preview, request.POST)
    template = "directives/round.html#form" if request.htmx else "directives/round.html"
    return render(request, template, context)


@login_required
def round_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    progress_round = _round_or_404(request, pk)
    response = HttpResponse(round_excel.build(request.user, progress_round), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="tien-do-dot-{progress_round.pk}.xlsx"'
    return response


@login_required
@require_POST
def round_upload(request: HttpRequest, pk: int) -> HttpResponse:
    progress_round = _round_or_404(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, error)
        return redirect(progress_round)
    preview, items = round_excel.read(request.user, progress_round, form.cleaned_data["file"].read())
    request.session[SESSION_KEY % progress_round.pk] = [item.as_dict() for item in items]
    return render(request, "directives/round_preview.html", {"round": progress_round, "preview": preview})


@login_required
@require_POST
def round_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply the previewed upload: checked again now, so a row gone stale since the preview is refused."""
    progress_round = _round_or_404(request, pk)
    stored = request.session.get(SESSION_KEY % progress_round.pk)
    if not stored:
        messages.error(request, _("Không còn tệp đang chờ xác nhận; hãy tải tệp lên lại."))
        return redirect(progress_round)
    preview = _save(request, progress_round, [rounds.RowInput(**item) for item in stored])
    if preview.problems or not preview.rows:
        return render(request, "directives/round_preview.html", {"round": progress_round, "preview": preview})
    del request.session[SESSION_KEY % progress_round.pk]
    return redirect(progress_round)
