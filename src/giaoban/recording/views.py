"""A meeting's conclusion with its directives, and "Nhập từ văn bản" (paste or upload → review → save)."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from giaoban.core.editing import conflict, with_versions
from giaoban.core.formsets import row_response
from giaoban.core.text import control_characters
from giaoban.core.validators import MESSAGE as CONTROL_MESSAGE
from giaoban.core.versioning import ConcurrentEditError
from giaoban.directives.models import Directive
from giaoban.meetings.forms import ConclusionForm, datalists, meeting_forms, posted_host
from giaoban.meetings.models import Conclusion, Meeting
from giaoban.meetings.states import Part
from giaoban.meetings.views import can_record_meetings, refused_by_state, visible_bloc, visible_meeting_or_404
from giaoban.recording import duplicates, proposal
from giaoban.recording.forms import ImportForm
from giaoban.recording.saving import directive_rows, save_conclusion, save_import

# Shown on the page, and answered by the API, when an issued conclusion is edited.
ISSUED_REFUSAL = gettext_lazy("Kết luận đã ban hành thông báo, không sửa trực tiếp được; hãy mở từng chỉ đạo và ghi "
                              "đính chính hoặc điều chỉnh.")


def _conclusion_forms(request: HttpRequest, meeting: Meeting, data=None):
    conclusion = Conclusion.objects.filter(meeting=meeting).first() or Conclusion(meeting=meeting)
    return (ConclusionForm(data, instance=conclusion, prefix="conclusion"),
            directive_rows(request.user, meeting, data))


def _current_versions(meeting: Meeting, formset) -> dict[str, int]:
    """The stored versions of the conclusion and of each row, to resubmit a refused form deliberately."""
    conclusion = Conclusion.objects.filter(meeting=meeting).first()
    versions = {"conclusion-version": getattr(conclusion, "version", 1)}
    for i, row in enumerate(formset.forms):
        if row.instance.pk:
            current = Directive.objects.filter(pk=row.instance.pk).values_list("version", flat=True).first()
            versions[f"directives-{i}-version"] = current or 1
    return versions


@login_required
def conclusion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk, edit=True)
    if meeting.record_is_issued():
        messages.warning(request, ISSUED_REFUSAL)
        return redirect("meetings:detail", meeting.pk)
    if refused := refused_by_state(request, meeting, Part.CONCLUSION):
        return refused
    form, formset = _conclusion_forms(request, meeting, request.POST or None)
    clash = None
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            save_conclusion(meeting, form, formset, request.user)
        except ConcurrentEditError as error:
            clash = conflict(error)
            form, formset = _conclusion_forms(request, meeting, with_versions(request.POST,
                                                                              _current_versions(meeting, formset)))
            form.is_valid()
            formset.is_valid()
        else:
            messages.success(request, _("Đã lưu kết luận và các chỉ đạo."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "recording/conclusion_form.html", datalists(
        meeting=meeting, form=form, formset=formset, rows=[(f, "") for f in formset.forms], conflict=clash),
        status=409 if clash else 200)


@login_required
@require_POST
def directive_row(request: HttpRequest, action: str) -> HttpResponse:
    """Add, remove or restore a directive row in place (htmx) on the conclusion or import page; stores nothing."""
    if not can_record_meetings(request.user):
        raise PermissionDenied
    pk = request.POST.get("meeting", "")
    if pk.isdigit():
        meeting = visible_meeting_or_404(request, int(pk), edit=True)
    else:
        meeting = Meeting(host=posted_host(request.user, request.POST.get("host")),
                          bloc=visible_bloc(request.user, request.POST.get("bloc")))
    formset = directive_rows(request.user, meeting, request.POST, extra=0)
    return row_response(request, formset, action, "recording/_directive_row.html", hint="")


@login_required
def import_text(request: HttpRequest) -> HttpResponse:
    """Step 1: paste or upload; the extractor proposes a record that nothing stores yet."""
    if not can_record_meetings(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            record = proposal.run_extractor(form.cleaned_data.get("text") or "", upload)
        except proposal.ImportError_ as error:
            form.add_error(None, str(error))
        else:
            source = form.cleaned_data.get("text") or (_read_upload_text(upload) if upload else "")
            return _review(request, proposal.build_proposal(record, request.user), source)
    return render(request, "recording/import.html", {"form": form})


def _read_upload_text(upload) -> str:
    try:
        from giaoban.extract import read_text
    except ImportError:
        return ""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"vanban{Path(upload.name).suffix.lower()}"
        upload.seek(0)
        path.write_bytes(upload.read())
        try:
            return read_text(path)[0]
        except Exception:  # noqa: BLE001 — the source copy is a convenience, the record already exists
            return ""


def _review(request: HttpRequest, found: proposal.Proposal, source: str) -> HttpResponse:
    meeting = Meeting(host=found.host, bloc=found.bloc, date=found.meeting.get("date"))
    form, chairs, attendance, _agenda = meeting_forms(request.user, None, found.bloc, None,
                                                      {"meeting": found.meeting, "chairs": found.chairs})
    conclusion = ConclusionForm(prefix="conclusion", initial=found.conclusion)
    formset = directive_rows(request.user, meeting, initial=found.directives, extra=2)
    hints = found.hints + [""] * (len(formset.forms) - len(found.hints))
    repeats = duplicates.warnings(request.user, found.host, meeting.date, [d["text"] for d in found.directives])
    if repeats:
        form.offer_duplicate_choice()
    return render(request, "recording/import_review.html", datalists(
        form=form, chairs=chairs, attendance=attendance, conclusion=conclusion, formset=formset,
        rows=list(zip(formset.forms, hints, strict=False)), warnings=found.warnings, duplicates=repeats,
        source=source))


def _flag_same_directives(request: HttpRequest, form, formset) -> None:
    """The same directives as a recorded meeting: refused until the user confirms (host + date: the form)."""
    if form.cleaned_data.get("confirm_duplicate"):
        return
    texts = [f.cleaned_data.get("text") or "" for f in formset.forms if hasattr(f, "cleaned_data")]
    for meeting in duplicates.same_directives(request.user, texts)[:1]:
        form.flag_duplicate(_("Cuộc họp “%(title)s” ngày %(date)s đã có các chỉ đạo này. Nếu đây là một cuộc họp "
                              "khác, hãy đánh dấu ô này rồi lưu lại.")
                            % {"title": meeting.title, "date": meeting.date.strftime("%d/%m/%Y")})


def _source_text_ok(request: HttpRequest) -> bool:
    """The hidden copy of the imported text is outside the forms: refuse control characters here."""
    found = control_characters(request.POST.get("source_text", ""))
    if found:
        messages.error(request, CONTROL_MESSAGE % {"chars": ", ".join(found)})
    return not found


@login_required
@require_POST
def import_save(request: HttpRequest) -> HttpResponse:
    """Step 2: the reviewed form; all of it is stored in one transaction, or nothing."""
    if not can_record_meetings(request.user):
        raise PermissionDenied
    bloc = visible_bloc(request.user, request.POST.get("bloc"))
    form, chairs, attendance, _agenda = meeting_forms(request.user, None, bloc, request.POST)
    valid = form.is_valid()
    host, date = (form.cleaned_data.get("host"), form.cleaned_data.get("date")) if valid else (None, None)
    conclusion = ConclusionForm(request.POST, prefix="conclusion")
    formset = directive_rows(request.user, Meeting(host=host, bloc=bloc, date=date), request.POST, extra=0)
    others_valid = all([f.is_valid() for f in (chairs, attendance, conclusion, formset)] + [_source_text_ok(request)])
    if valid and others_valid:
        _flag_same_directives(request, form, formset)  # may add an error to the meeting form
    if form.is_valid() and others_valid:
        meeting = save_import(request.user, form, chairs, attendance, conclusion, formset,
                              request.POST.get("source_text", ""))
        messages.success(request, _("Đã lưu cuộc họp và %(n)d chỉ đạo từ văn bản.") % {"n": meeting.directives.count()})
        return redirect("meetings:detail", meeting.pk)
    return render(request, "recording/import_review.html", datalists(
        form=form, chairs=chairs, attendance=attendance, conclusion=conclusion, formset=formset,
        rows=[(f, "") for f in formset.forms], warnings=[], source=request.POST.get("source_text", "")))
