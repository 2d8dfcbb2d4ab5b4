"""Meeting pages: the bloc's meetings, a meeting, entering and editing one, its conclusion and files."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.accounts.access import visible_organizations
from giaoban.accounts.models import Role
from giaoban.core import textsearch
from giaoban.core.editing import conflict, with_versions
from giaoban.core.history import history_entries
from giaoban.core.text import control_characters, fold
from giaoban.core.validators import MESSAGE as CONTROL_MESSAGE
from giaoban.core.versioning import ConcurrentEditError
from giaoban.directives.carryover import pending_directives, propose_agenda
from giaoban.directives.forms import directive_formset
from giaoban.directives.models import Directive
from giaoban.meetings import attendance, importing
from giaoban.meetings.forms import (
    AgendaFormSet,
    AttachmentForm,
    AttendanceFormSet,
    ChairFormSet,
    ConclusionForm,
    ImportForm,
    MeetingForm,
    agenda_initial,
    attendance_initial,
    chairs_initial,
    save_agenda,
    save_attendances,
    save_chairs,
)
from giaoban.meetings.locking import edits_anything, lock_parts
from giaoban.meetings.models import Attachment, Conclusion, Meeting, MeetingKind
from giaoban.meetings.resolve import meeting_bodies
from giaoban.meetings.rules import can_edit_meeting, can_lead_meeting, can_view_meeting
from giaoban.meetings.states import LEADER_ONLY, Action, Part
from giaoban.organisations.models import Bloc
from giaoban.periods.models import Period


def visible_meeting_or_404(request: HttpRequest, pk: int, edit: bool = False) -> Meeting:
    """A meeting the user may see (404 otherwise, so others' meetings do not leak); 403 to edit without right."""
    meeting = get_object_or_404(Meeting.objects.select_related("bloc__convening", "host", "period", "next_period",
                                                               "series"), pk=pk)
    if not can_view_meeting(request.user, meeting):
        raise Http404
    if edit and not can_edit_meeting(request.user, meeting):
        raise PermissionDenied
    return meeting


def _can_record_meetings(user) -> bool:
    return visible_organizations(user, Role.EDITOR).exists()


def _visible_bloc(user, pk: str | None) -> Bloc | None:
    """A bloc named in the request, only if the user can see it."""
    if not pk or not str(pk).isdigit():
        return None
    visible = visible_organizations(user)
    return Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible)).filter(pk=int(pk)).first()


@login_required
def meeting_list(request: HttpRequest, bloc_pk: int | None = None) -> HttpResponse:
    meetings = Meeting.objects.visible_to(request.user).select_related("bloc", "host", "period")
    bloc = None
    visible = visible_organizations(request.user)
    blocs = Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible)).distinct().order_by("name")
    bloc_pk = bloc_pk or request.GET.get("bloc") or None
    if bloc_pk:
        try:
            bloc = blocs.get(pk=int(bloc_pk))
        except (Bloc.DoesNotExist, ValueError) as error:
            raise Http404 from error
        meetings = meetings.filter(bloc=bloc)
    kind = request.GET.get("kind", "")
    if kind in MeetingKind.values:
        meetings = meetings.filter(kind=kind)
    query = request.GET.get("q", "").strip()
    if query:
        matched = textsearch.matching(Meeting.objects.all(), query, "title").values("pk")
        meetings = meetings.filter(Q(pk__in=matched) | Q(host__name_folded__contains=fold(query)))
    page = Paginator(meetings.order_by("-date", "-pk"), 30).get_page(request.GET.get("page"))
    template = "meetings/list.html#results" if request.htmx else "meetings/list.html"
    return render(request, template, {"page": page, "bloc": bloc, "blocs": blocs, "kind": kind, "q": query,
                                      "kinds": MeetingKind.choices, "can_add": _can_record_meetings(request.user)})


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk)
    directives = (Directive.objects.filter(meeting=meeting).select_related("lead").prefetch_related("places")
                  .with_latest_update().order_by("order", "pk"))
    pending = list(pending_directives(meeting))
    carried_here = set(meeting.carried_directives.values_list("pk", flat=True))
    conclusion = Conclusion.objects.filter(meeting=meeting).select_related("concluded_by").first()
    return render(request, "meetings/detail.html", {
        "meeting": meeting,
        "chairs": meeting.chairs.select_related("person"),
        "attendances": meeting.attendances.select_related("organization", "person").order_by("organization__tree_path"),
        "attendance": attendance.summarise(meeting),
        "agenda": meeting.agenda_items.select_related("organization"),
        "conclusion": conclusion,
        "directives": directives,
        "pending": [(d, d.pk in carried_here) for d in pending],
        "attachments": meeting.attachments.all(),
        "history": history_entries(meeting, limit=30),
        "can_edit": can_edit_meeting(request.user, meeting),
        "can_lead": can_lead_meeting(request.user, meeting),
        "attachment_form": AttachmentForm(),
        **_state_context(meeting, request.user),
    })


def _state_context(meeting: Meeting, user) -> dict:
    """What the state lets the page offer: which edit links, and the state buttons."""
    actions = [(a, Action(a).label) for a in meeting.available_actions()
               if a not in LEADER_ONLY or can_lead_meeting(user, meeting)]
    return {"can_edit_meeting": edits_anything(meeting), "can_edit_conclusion": meeting.may_edit(Part.CONCLUSION),
            "can_attach": meeting.may_edit(Part.ATTACHMENTS), "actions": actions}


def _bundle(request: HttpRequest, meeting: Meeting | None, bloc: Bloc | None, data=None, initial=None):
    """The meeting form with its chairs, attendance and agenda formsets."""
    initial = initial or {}
    meeting = meeting or Meeting()
    bodies = meeting_bodies(request.user, meeting.host if meeting.host_id else None, bloc or meeting.bloc)
    form = MeetingForm(data, instance=meeting, user=request.user, initial=initial.get("meeting"))
    chairs = ChairFormSet(data, prefix="chairs", initial=initial.get("chairs") or
                          (chairs_initial(meeting) if meeting.pk else None))
    attendance = AttendanceFormSet(data, prefix="attendance", bodies=bodies,
                                   initial=attendance_initial(meeting if meeting.pk else None, bloc))
    agenda = AgendaFormSet(data, prefix="agenda", bodies=bodies,
                           initial=agenda_initial(meeting) if meeting.pk else None)
    if meeting.pk:
        lock_parts(meeting, form, [(Part.PARTICIPANTS, chairs), (Part.PARTICIPANTS, attendance),
                                   (Part.AGENDA, agenda)])
    return form, chairs, attendance, agenda


def _form_context(request: HttpRequest, **extra) -> dict:
    # The people datalist starts empty and is filled as the user types (people.suggest), with
    # only the officials of bodies the user may see.
    return {"period_labels": [p.label for p in Period.objects.order_by("-start")[:40]], **extra}


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    if not _can_record_meetings(request.user):
        raise PermissionDenied
    bloc = _visible_bloc(request.user, request.POST.get("bloc") or request.GET.get("bloc"))
    initial = {"meeting": {"bloc": bloc.pk, "host": bloc.convening_id} if bloc else {}}
    form, chairs, attendance, agenda = _bundle(request, None, bloc, request.POST or None, initial)
    if request.method == "POST" and all(f.is_valid() for f in (form, chairs, attendance, agenda)):
        with transaction.atomic():
            meeting = form.save(commit=False)
            meeting.created_by = request.user
            meeting.save()
            save_chairs(meeting, chairs)
            save_attendances(meeting, attendance)
            save_agenda(meeting, agenda)
            item = propose_agenda(meeting)
        messages.success(request, _("Đã lưu cuộc họp “%(title)s”.") % {"title": meeting.title})
        if item is not None:
            messages.info(request, _("Đã đưa các việc chưa hoàn thành kỳ trước vào chương trình họp."))
        return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/form.html", _form_context(
        request, form=form, chairs=chairs, attendance=attendance, agenda=agenda, creating=True))


def _refused(request: HttpRequest, meeting: Meeting, part: str) -> HttpResponse | None:
    """A redirect with the reason when the meeting's state keeps `part` fixed (None when it may change)."""
    if (edits_anything(meeting) if part == "meeting" else meeting.may_edit(part)):
        return None
    messages.error(request, _("Cuộc họp đang ở trạng thái “%(state)s”: phần này không sửa được nữa.")
                   % {"state": meeting.get_state_display()})
    return redirect("meetings:detail", meeting.pk)


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk, edit=True)
    if refused := _refused(request, meeting, "meeting"):
        return refused
    data = request.POST or None
    form, chairs, attendance, agenda = _bundle(request, meeting, meeting.bloc, data)
    clash = None
    if request.method == "POST" and all(f.is_valid() for f in (form, chairs, attendance, agenda)):
        try:
            with transaction.atomic():
                edited = form.save(commit=False)
                edited.save_versioned(form.cleaned_data.get("version") or edited.version)
                save_chairs(edited, chairs)
                save_attendances(edited, attendance)
                save_agenda(edited, agenda)
                propose_agenda(edited)
        except ConcurrentEditError as error:
            clash = conflict(error)
            fresh = Meeting.objects.get(pk=pk)
            form, chairs, attendance, agenda = _bundle(request, fresh, fresh.bloc,
                                                       with_versions(request.POST, {"version": fresh.version}))
            for f in (form, chairs, attendance, agenda):
                f.is_valid()
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/form.html", _form_context(
        request, form=form, chairs=chairs, attendance=attendance, agenda=agenda, meeting=meeting, conflict=clash),
        status=409 if clash else 200)


def _directive_formset(request: HttpRequest, meeting: Meeting, data=None, initial=None, extra: int = 3):
    bodies = meeting_bodies(request.user, meeting.host if meeting.host_id else None, meeting.bloc)
    queryset = (Directive.objects.filter(meeting=meeting).prefetch_related("places", "coordinating")
                if meeting.pk else Directive.objects.none())
    FormSet = directive_formset(extra=len(initial or []) + extra)
    return FormSet(data, queryset=queryset, prefix="directives", bodies=bodies, initial=initial,
                   near=meeting.host.locality if meeting.host_id else None)


def _save_directives(meeting: Meeting, formset) -> None:
    """Save the rows with their own version check; raises ConcurrentEditError on a stale row."""
    order = meeting.directives.count()
    for form in formset.forms:
        if not form.has_changed() and not form.instance.pk:
            continue
        if form in formset.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
            continue
        if not form.cleaned_data.get("text"):
            continue
        directive = form.save(commit=False)
        directive.meeting = meeting
        if directive.pk:
            directive.save_versioned(form.cleaned_data.get("version") or directive.version)
        else:
            directive.order = order
            order += 1
            directive.save()
        form.save_m2m()
        form.save_places(directive)


def _conclusion_forms(request: HttpRequest, meeting: Meeting, data=None):
    conclusion = Conclusion.objects.filter(meeting=meeting).first() or Conclusion(meeting=meeting)
    return ConclusionForm(data, instance=conclusion, prefix="conclusion"), _directive_formset(request, meeting, data)


@login_required
def conclusion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk, edit=True)
    if refused := _refused(request, meeting, Part.CONCLUSION):
        return refused
    form, formset = _conclusion_forms(request, meeting, request.POST or None)
    clash = None
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            with transaction.atomic():
                conclusion = form.apply(meeting)
                conclusion.save_versioned(form.cleaned_data.get("version") or conclusion.version)
                _save_directives(meeting, formset)
                if conclusion.text or meeting.directives.exists():
                    meeting.mark_concluded(by=request.user)
        except ConcurrentEditError as error:
            clash = conflict(error)
            versions = {"conclusion-version": getattr(Conclusion.objects.filter(meeting=meeting).first(),
                                                      "version", 1)}
            for i, row in enumerate(formset.forms):
                if row.instance.pk:
                    current = Directive.objects.filter(pk=row.instance.pk).values_list("version", flat=True).first()
                    versions[f"directives-{i}-version"] = current or 1
            form, formset = _conclusion_forms(request, meeting, with_versions(request.POST, versions))
            form.is_valid()
            formset.is_valid()
        else:
            messages.success(request, _("Đã lưu kết luận và các chỉ đạo."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/conclusion_form.html", _form_context(
        request, meeting=meeting, form=form, formset=formset, rows=[(f, "") for f in formset.forms],
        conflict=clash), status=409 if clash else 200)


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk, edit=True)
    if refused := _refused(request, meeting, Part.ATTACHMENTS):
        return refused
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        Attachment.objects.create(meeting=meeting, file=upload, name=upload.name[:255], size=upload.size,
                                  uploaded_by=request.user)
        messages.success(request, _("Đã tải lên “%(name)s”.") % {"name": upload.name})
    else:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    return redirect("meetings:detail", meeting.pk)


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Files are never under a public URL: each download checks that the user may see the meeting."""
    meeting = visible_meeting_or_404(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, meeting=meeting)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(attachment.name)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=attachment.name, content_type=content_type)


# --- "Nhập từ văn bản" -------------------------------------------------------------------------


@login_required
def import_text(request: HttpRequest) -> HttpResponse:
    """Step 1: paste or upload; the extractor proposes a record that nothing stores yet."""
    if not _can_record_meetings(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = importing.run_extractor(form.cleaned_data.get("text") or "", form.cleaned_data.get("file"))
        except importing.ImportError_ as error:
            form.add_error(None, str(error))
        else:
            source = form.cleaned_data.get("text") or ""
            if not source and form.cleaned_data.get("file"):
                source = _read_upload_text(form.cleaned_data["file"])
            return _review(request, importing.build_proposal(record, request.user), source)
    return render(request, "meetings/import.html", {"form": form})


def _read_upload_text(upload) -> str:
    try:
        from giaoban.extract import read_text
    except ImportError:
        return ""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"vanban{Path(upload.name).suffix.lower()}"
        upload.seek(0)
        path.write_bytes(upload.read())
        try:
            return read_text(path)[0]
        except Exception:  # noqa: BLE001 — the source copy is a convenience, the record already exists
            return ""


def _review(request: HttpRequest, proposal: importing.Proposal, source: str) -> HttpResponse:
    meeting = Meeting(host=proposal.host, bloc=proposal.bloc)
    form, chairs, attendance, agenda = _bundle(request, None, proposal.bloc, None,
                                               {"meeting": proposal.meeting, "chairs": proposal.chairs})
    conclusion = ConclusionForm(prefix="conclusion", initial=proposal.conclusion)
    formset = _directive_formset(request, meeting, initial=proposal.directives, extra=2)
    rows = list(zip(formset.forms, proposal.hints + [""] * (len(formset.forms) - len(proposal.hints)), strict=False))
    return render(request, "meetings/import_review.html", _form_context(
        request, form=form, chairs=chairs, attendance=attendance, conclusion=conclusion, formset=formset,
        rows=rows, warnings=proposal.warnings, source=source))


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
    if not _can_record_meetings(request.user):
        raise PermissionDenied
    bloc = _visible_bloc(request.user, request.POST.get("bloc"))
    form, chairs, attendance, agenda = _bundle(request, None, bloc, request.POST)
    host = None
    if form.is_valid():
        host = form.cleaned_data["host"]
    conclusion = ConclusionForm(request.POST, prefix="conclusion")
    formset = _directive_formset(request, Meeting(host=host, bloc=bloc), request.POST, extra=0)
    forms_ok = [f.is_valid() for f in (form, chairs, attendance, conclusion, formset)]
    forms_ok.append(_source_text_ok(request))
    if all(forms_ok):
        with transaction.atomic():
            meeting = form.save(commit=False)
            meeting.created_by = request.user
            meeting.source_text = request.POST.get("source_text", "")[:200_000]
            meeting.save()
            save_chairs(meeting, chairs)
            save_attendances(meeting, attendance)
            conclusion.apply(meeting).save()
            _save_directives(meeting, formset)
            propose_agenda(meeting)
            meeting.mark_concluded(by=request.user)
        messages.success(request, _("Đã lưu cuộc họp và %(n)d chỉ đạo từ văn bản.") % {"n": meeting.directives.count()})
        return redirect("meetings:detail", meeting.pk)
    rows = [(f, "") for f in formset.forms]
    return render(request, "meetings/import_review.html", _form_context(
        request, form=form, chairs=chairs, attendance=attendance, conclusion=conclusion, formset=formset,
        rows=rows, warnings=[], source=request.POST.get("source_text", "")))

