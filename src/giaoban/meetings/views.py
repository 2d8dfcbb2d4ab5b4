"""Meeting pages: the bloc's meetings, a meeting, entering and editing one, its files."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.accounts.access import visible_organizations
from giaoban.accounts.models import Role
from giaoban.core.editing import conflict, with_versions
from giaoban.core.formsets import row_response
from giaoban.core.history import history_entries
from giaoban.core.keyset import keyset_page
from giaoban.core.versioning import ConcurrentEditError
from giaoban.meetings import attendance, hooks, listing, pagecache
from giaoban.meetings.forms import (
    AttachmentForm,
    datalists,
    meeting_forms,
    posted_host,
    save_meeting,
)
from giaoban.meetings.locking import edits_anything
from giaoban.meetings.models import Attachment, Conclusion, Meeting, MeetingKind
from giaoban.meetings.rules import can_edit_meeting, can_lead_meeting, can_view_meeting
from giaoban.meetings.states import LEADER_ONLY, Action, Part
from giaoban.organisations.models import Bloc


def visible_meeting_or_404(request: HttpRequest, pk: int, edit: bool = False) -> Meeting:
    """A meeting the user may see (404 otherwise, so others' meetings do not leak); 403 to edit without right."""
    meeting = get_object_or_404(Meeting.objects.select_related("bloc__convening", "host", "period", "next_period",
                                                               "series"), pk=pk)
    if not can_view_meeting(request.user, meeting):
        raise Http404
    if edit and not can_edit_meeting(request.user, meeting):
        raise PermissionDenied
    return meeting


def can_record_meetings(user) -> bool:
    return visible_organizations(user, Role.EDITOR).exists()


def visible_blocs(user):
    """The blocs the user's bodies convene or belong to, by name."""
    visible = visible_organizations(user)
    return Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible)).distinct().order_by("name")


def visible_bloc(user, pk: str | None) -> Bloc | None:
    """A bloc named in the request, only if the user can see it."""
    if not pk or not str(pk).isdigit():
        return None
    return visible_blocs(user).filter(pk=int(pk)).first()


@login_required
def meeting_list(request: HttpRequest, bloc_pk: int | None = None) -> HttpResponse:
    shared = pagecache.list_parts(request, bloc_pk, lambda: _list_parts(request, bloc_pk))
    if request.htmx:
        return HttpResponse(shared["results"])
    return render(request, "meetings/list.html", {"shared": {name: mark_safe(html) for name, html in shared.items()}})


def _list_parts(request: HttpRequest, bloc_pk: int | None) -> dict[str, str]:
    """The title, the filters with the rows, and the rows alone (htmx), rendered without the request."""
    blocs = visible_blocs(request.user)
    bloc_pk = bloc_pk or request.GET.get("bloc") or None
    try:
        bloc = blocs.get(pk=int(bloc_pk)) if bloc_pk else None
    except (Bloc.DoesNotExist, ValueError) as error:
        raise Http404 from error
    kind, query = request.GET.get("kind", ""), request.GET.get("q", "").strip()
    meetings = listing.filtered(Meeting.objects.visible_to(request.user), bloc=bloc, kind=kind, query=query)
    page = keyset_page(request, meetings.select_related("bloc", "host", "period"), listing.ORDER, listing.PER_PAGE)
    context = {"page": page, "bloc": bloc, "blocs": blocs, "kind": kind, "q": query, "kinds": MeetingKind.choices,
               "can_add": can_record_meetings(request.user)}
    return {name: render_to_string(f"meetings/list.html#{name}", context) for name in ("title", "content", "results")}


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk)
    shared = pagecache.page_parts(request, meeting, timezone.localdate(), lambda: _shared_parts(request, meeting))
    return render(request, "meetings/detail.html", {
        "meeting": meeting,
        "shared": {name: mark_safe(shared[name]) for name in SHARED_PARTS},  # rendered by us, escaped then
        "pending": shared["pending"],
        # Rendered by us into the cache, each form's CSRF token left as a mark put in here.
        "pending_rows": mark_safe(shared["pending_rows"].replace(CSRF_MARK, get_token(request))),
        "can_edit": can_edit_meeting(request.user, meeting),
        "can_lead": can_lead_meeting(request.user, meeting),
        "attachment_form": AttachmentForm(),
        **_state_context(meeting, request.user),
    })


SHARED_PARTS = ("head", "parts", "record", "history")


def _shared_parts(request: HttpRequest, meeting: Meeting) -> dict:
    """What every user with these memberships sees on the page, rendered without the request (no CSRF token)."""
    attendances = attendance.all_rows(meeting)  # read once for the table and the counts
    added = hooks.meeting_page(request, meeting)  # directives, carry-over (apps above meetings)
    context = {
        "meeting": meeting,
        "chairs": meeting.chairs.select_related("person"),
        "attendances": attendances,
        "attendance": attendance.summarise(meeting, attendances),
        "agenda": meeting.agenda_items.select_related("organization"),
        "conclusion": Conclusion.objects.filter(meeting=meeting).select_related("concluded_by").first(),
        "attachments": meeting.attachments.all(),
        "history": history_entries(meeting, limit=30),
        **added,
    }
    parts = {name: render_to_string(f"meetings/detail.html#{name}", context) for name in SHARED_PARTS}
    pending = added.get("pending", [])
    # The leader's forms on each earlier directive cost more to render than the rest of a cached page: they are
    # rendered here too (who may decide follows from the memberships the key holds), the token put in per request.
    rows = render_to_string("meetings/detail.html#pending-rows", {
        "meeting": meeting, "can_lead": can_lead_meeting(request.user, meeting), "csrf_token": CSRF_MARK,
        "pending": [{**row, "cells": mark_safe(row["cells"])} for row in pending],
        "pending_page": added.get("pending_page")})
    return {**parts, "pending": bool(pending), "pending_rows": rows}


# Stands for the request's CSRF token in the cached rows: a NUL no stored text holds (forms refuse it).
CSRF_MARK = "\x00csrf\x00"


def _state_context(meeting: Meeting, user) -> dict:
    """What the state lets the page offer: which edit links, and the state buttons."""
    actions = [(a, Action(a).label) for a in meeting.available_actions()
               if a not in LEADER_ONLY or can_lead_meeting(user, meeting)]
    return {"can_edit_meeting": edits_anything(meeting), "can_edit_conclusion": meeting.may_edit(Part.CONCLUSION),
            "can_attach": meeting.may_edit(Part.ATTACHMENTS), "actions": actions}


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    if not can_record_meetings(request.user):
        raise PermissionDenied
    bloc = visible_bloc(request.user, request.POST.get("bloc") or request.GET.get("bloc"))
    initial = {"meeting": {"bloc": bloc.pk, "host": bloc.convening_id} if bloc else {}}
    form, chairs, attendance, agenda = meeting_forms(request.user, None, bloc, request.POST or None, initial)
    if request.method == "POST" and all(f.is_valid() for f in (form, chairs, attendance, agenda)):
        meeting, notes = save_meeting(request.user, form, chairs, attendance, agenda)
        messages.success(request, _("Đã lưu cuộc họp “%(title)s”.") % {"title": meeting.title})
        for note in notes:
            messages.info(request, note)
        return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/form.html", datalists(
        form=form, chairs=chairs, attendance=attendance, agenda=agenda, creating=True))


def state_refusal(meeting: Meeting) -> str:
    """Why a part of the meeting can no longer be changed (the page's message and the API's)."""
    return _("Cuộc họp đang ở trạng thái “%(state)s”: phần này không sửa được nữa.") % {
        "state": meeting.get_state_display()}


def refused_by_state(request: HttpRequest, meeting: Meeting, part: str) -> HttpResponse | None:
    """A redirect with the reason when the meeting's state keeps `part` fixed (None when it may change)."""
    if (edits_anything(meeting) if part == "meeting" else meeting.may_edit(part)):
        return None
    messages.error(request, state_refusal(meeting))
    return redirect("meetings:detail", meeting.pk)


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk, edit=True)
    if refused := refused_by_state(request, meeting, "meeting"):
        return refused
    data = request.POST or None
    form, chairs, attendance, agenda = meeting_forms(request.user, meeting, meeting.bloc, data)
    clash = None
    if request.method == "POST" and all(f.is_valid() for f in (form, chairs, attendance, agenda)):
        try:
            save_meeting(request.user, form, chairs, attendance, agenda)
        except ConcurrentEditError as error:
            clash = conflict(error)
            fresh = Meeting.objects.get(pk=pk)
            form, chairs, attendance, agenda = meeting_forms(request.user, fresh, fresh.bloc,
                                                             with_versions(request.POST, {"version": fresh.version}))
            for f in (form, chairs, attendance, agenda):
                f.is_valid()
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/form.html", datalists(
        form=form, chairs=chairs, attendance=attendance, agenda=agenda, meeting=meeting, conflict=clash),
        status=409 if clash else 200)


@login_required
@require_POST
def formset_row(request: HttpRequest, prefix: str, action: str) -> HttpResponse:
    """Add, remove or restore a chairs/attendance/agenda row in place (htmx); stores nothing."""
    if not can_record_meetings(request.user):
        raise PermissionDenied
    meeting = Meeting(host=posted_host(request.user, request.POST.get("host")))
    formsets = dict(zip(("chairs", "attendance", "agenda"), meeting_forms(
        request.user, meeting, visible_bloc(request.user, request.POST.get("bloc")), request.POST)[1:], strict=True))
    if prefix not in formsets:
        raise Http404
    return row_response(request, formsets[prefix], action, "meetings/_formset_row.html")


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk, edit=True)
    if refused := refused_by_state(request, meeting, Part.ATTACHMENTS):
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
