"""Directive pages: the list with filters, "việc của đơn vị tôi", a directive with its updates and history."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.accounts.access import home_organizations
from giaoban.core.editing import conflict, with_versions
from giaoban.core.history import history_entries
from giaoban.core.keyset import keyset_page
from giaoban.core.versioning import ConcurrentEditError
from giaoban.directives import listcache, pagecache, pages
from giaoban.directives.forms import (
    AmendmentForm,
    CloseForm,
    DirectiveForm,
    FilterForm,
    ProgressForm,
    blank_close_form,
    blank_progress_form,
)
from giaoban.directives.listing import TEXT_SORTS, apply_filters, lead_options
from giaoban.directives.models import Directive, DirectiveUpdate, amend, any_of, visible_parts
from giaoban.directives.rules import (
    can_close_directive,
    can_edit_directive,
    can_report_progress,
    can_view_directive,
    reporting_bodies,
)
from giaoban.meetings.models import Meeting
from giaoban.meetings.resolve import meeting_bodies
from giaoban.meetings.rules import can_lead_meeting, can_view_meeting
from giaoban.organisations.models import Organization
from giaoban.periods.models import Period

PAGE_SIZE = 50


def visible_directive_or_404(request: HttpRequest, pk: int) -> Directive:
    # The coordinating bodies are read once, for the permission checks and the page.
    directive = get_object_or_404(
        Directive.objects.select_related("meeting__bloc__convening", "meeting__host", "lead", "closed_by")
        .prefetch_related("coordinating"), pk=pk)
    if not can_view_directive(request.user, directive):
        raise Http404
    return directive


def _list_context(request: HttpRequest, directives, *, default_status: str = "", parts=None) -> dict:
    """The filtered page of `directives`; `parts` (see `visible_parts`) narrow it, read one by one where they can."""
    data = request.GET.copy()
    if default_status and "status" not in data:
        data["status"] = default_status
    # Any body may be chosen (the rows stay those the user may see); only a few are offered.
    form = FilterForm(data, leads=Organization.objects.all(), lead_options=lead_options(request.user, data.get("lead")))
    today = timezone.localdate()
    filtered = apply_filters(directives, form.cleaned_data, today) if form.is_valid() else directives.none()
    filtered = filtered.select_related("lead", "meeting").prefetch_related("places").with_latest_update()
    order = filtered.query.order_by or ("pk",)  # an invalid form: no rows, still a well-formed page
    if parts is not None and (len(parts) < 2 or (form.is_valid() and form.cleaned_data.get("sort") in TEXT_SORTS)):
        # One part, or an order by names (collated by the database): one query on their union.
        filtered, parts = filtered.filter(any_of(parts)), None
    page = keyset_page(request, filtered, order, PAGE_SIZE, parts=parts)
    return {"form": form, "page": page, "today": today, "query": page.query, "list_path": request.path,
            "period_labels": [p.label for p in Period.objects.order_by("-start")[:40]]}


def _fragments(request: HttpRequest, template: str, context: dict) -> dict[str, str]:
    """The filters and the results of a list, rendered without the request (they go to the shared cache)."""
    return {"filters": render_to_string("directives/_filters.html", context),
            "results": render_to_string(f"{template}#results", context)}


def _list_page(request: HttpRequest, template: str, fragments: dict[str, str], **context) -> HttpResponse:
    if request.htmx:
        return HttpResponse(fragments["results"])
    return render(request, template, {**context, **{name: mark_safe(html) for name, html in fragments.items()}})


@login_required
def directive_list(request: HttpRequest) -> HttpResponse:
    def build() -> dict[str, str]:
        context = _list_context(request, Directive.objects.all(), parts=visible_parts(request.user))
        return _fragments(request, "directives/list.html", context)

    fragments = listcache.fragments(request, "list", timezone.localdate(), build)
    return _list_page(request, "directives/list.html", fragments)


@login_required
def my_directives(request: HttpRequest) -> HttpResponse:
    """Directives led or coordinated by the user's own bodies, unfinished ones by default."""
    homes = home_organizations(request.user)

    def build() -> dict[str, str]:
        directives = Directive.objects.of_organizations(homes) if homes else Directive.objects.none()
        context = _list_context(request, directives.prefetch_related("coordinating"), default_status="open")
        for directive in context["page"]:
            directive.can_report = can_report_progress(request.user, directive)
        return _fragments(request, "directives/mine.html", context)

    fragments = listcache.fragments(request, "mine", timezone.localdate(), build)
    return _list_page(request, "directives/mine.html", fragments, homes=homes)


@login_required
def directive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    directive = visible_directive_or_404(request, pk)
    today = timezone.localdate()
    shared = pagecache.page_parts(request, directive, today, lambda: _shared_parts(directive, today))
    bodies = reporting_bodies(request.user, directive)
    can_close = can_close_directive(request.user, directive)
    return render(request, "directives/detail.html", {
        "directive": directive,
        "shared": {name: mark_safe(shared[name]) for name in SHARED_PARTS},  # rendered by us, escaped then
        "is_issued": shared["is_issued"],
        "can_report": can_report_progress(request.user, directive),
        "can_close": can_close and directive.is_open,
        "can_edit": can_edit_directive(request.user, directive),
        "progress_form": blank_progress_form(bodies) if bodies else None,
        "close_form": blank_close_form(directive.version),
        "carry_targets": shared["carry_targets"] if can_close and directive.is_open else [],
    })


SHARED_PARTS = ("head", "updates", "history")


def _shared_parts(directive: Directive, today) -> dict:
    """The record, amendments, updates and history, rendered without the request (no CSRF token)."""
    context = {
        "directive": directive,
        "updates": directive.updates.select_related("author", "organization"),
        "history": history_entries(directive),
        "amendments": directive.amendments.select_related("by"),
        "is_issued": directive.is_issued,
        "today": today,
    }
    parts = {name: render_to_string(f"directives/detail.html#{name}", context) for name in SHARED_PARTS}
    # The later briefings it may be carried to are shared too; the forms offering them are not.
    targets = [{"pk": m.pk, "title": m.title} for m in _carry_targets(directive)] if directive.is_open else []
    return {**parts, "is_issued": bool(directive.is_issued), "carry_targets": targets}


@login_required
def meeting_pending(request: HttpRequest, pk: int) -> HttpResponse:
    """The next rows of a briefing's unfinished earlier directives (its page's "Xem tiếp", in place)."""
    meeting = get_object_or_404(Meeting.objects.select_related("bloc__convening", "host"), pk=pk)
    if not can_view_meeting(request.user, meeting):
        raise Http404
    return render(request, "meetings/detail.html#pending-rows", {
        "meeting": meeting, "can_lead": can_lead_meeting(request.user, meeting),
        **pages.pending_context(request, meeting)})


def _carry_targets(directive: Directive) -> list[Meeting]:
    """Later briefings of the same bloc it is not yet carried to."""
    meeting = directive.meeting
    if not meeting.bloc_id:
        return []
    return list(Meeting.objects.briefings_of(meeting.bloc).filter(date__gte=meeting.date).exclude(pk=meeting.pk)
                .exclude(pk__in=directive.carried_to.values("pk")).order_by("date")[:5])


@login_required
def directive_edit(request: HttpRequest, pk: int) -> HttpResponse:
    directive = visible_directive_or_404(request, pk)
    if not can_edit_directive(request.user, directive):
        raise PermissionDenied
    meeting = directive.meeting
    bodies = meeting_bodies(request.user, meeting.host, meeting.bloc)
    near = meeting.host.locality
    form = DirectiveForm(request.POST or None, instance=directive, bodies=bodies, near=near)
    clash = None
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                edited = form.save(commit=False)
                edited.save_versioned(form.cleaned_data.get("version") or edited.version)
                form.save_m2m()
                form.save_places(edited)
        except ConcurrentEditError as error:
            clash = conflict(error)
            fresh = Directive.objects.get(pk=pk)
            form = DirectiveForm(with_versions(request.POST, {"version": fresh.version}), instance=fresh,
                                 bodies=bodies, near=near)
            form.is_valid()
        else:
            messages.success(request, _("Đã lưu chỉ đạo."))
            return redirect("directives:detail", directive.pk)
    return render(request, "directives/form.html", {"form": form, "directive": directive, "conflict": clash},
                  status=409 if clash else 200)


@login_required
def directive_amend(request: HttpRequest, pk: int) -> HttpResponse:
    """Đính chính / điều chỉnh of a directive whose conclusion notice was issued."""
    directive = visible_directive_or_404(request, pk)
    if not can_edit_directive(request.user, directive):
        raise PermissionDenied
    if not directive.is_issued:  # before the notice is issued, the directive is simply edited
        return redirect("directives:edit", directive.pk)
    meeting = directive.meeting
    bodies = meeting_bodies(request.user, meeting.host, meeting.bloc)
    form = AmendmentForm(request.POST or None, instance=directive, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        try:
            amend(directive, user=request.user, kind=form.cleaned_data["kind"], reason=form.cleaned_data["reason"],
                  changes=form.changes(), expected_version=form.cleaned_data.get("version") or directive.version)
        except ConcurrentEditError as error:
            return render(request, "directives/form.html", {"directive": directive, "conflict": conflict(error),
                                                            "form": None}, status=409)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã ghi đính chính, điều chỉnh chỉ đạo."))
            return redirect("directives:detail", directive.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "directives/amend_form.html", {"form": form, "directive": directive}, status=status)


@login_required
def progress_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Report progress; from "việc của đơn vị tôi" it works in place (htmx) and returns the updated row."""
    directive = visible_directive_or_404(request, pk)
    if not can_report_progress(request.user, directive):
        raise PermissionDenied
    bodies = reporting_bodies(request.user, directive)
    form = ProgressForm(request.POST or None, request.FILES or None, bodies=bodies)
    inline = request.htmx and request.GET.get("row") == "1"
    if request.method == "POST" and form.is_valid():
        try:
            directive.record_progress(user=request.user, organization=form.cleaned_data["organization"],
                                      note=form.cleaned_data["note"], percent=form.cleaned_data.get("percent"),
                                      evidence=form.cleaned_data.get("evidence"))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if inline:
                row = Directive.objects.select_related("lead", "meeting").with_latest_update().get(pk=pk)
                row.can_report = can_report_progress(request.user, row)
                return render(request, "directives/mine.html#row", {"d": row, "today": timezone.localdate(),
                                                                    "reported": True})
            messages.success(request, _("Đã ghi báo cáo tiến độ."))
            return redirect("directives:detail", directive.pk)
    template = "directives/progress_form.html#inline" if inline else "directives/progress_form.html"
    # htmx swaps only 2xx answers: the inline form comes back with its errors as 200.
    status = 400 if request.method == "POST" and not inline else 200
    return render(request, template, {"form": form, "directive": directive}, status=status)


@login_required
@require_POST
def directive_close(request: HttpRequest, pk: int) -> HttpResponse:
    directive = visible_directive_or_404(request, pk)
    if not can_close_directive(request.user, directive):
        raise PermissionDenied
    form = CloseForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(request, directive)
    try:
        directive.close(user=request.user, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"],
                        expected_version=form.cleaned_data.get("version") or directive.version)
    except ConcurrentEditError as error:
        return render(request, "directives/form.html", {
            "directive": directive, "conflict": conflict(error), "form": None}, status=409)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã đóng chỉ đạo: %(status)s.") % {"status": directive.get_status_display()})
    return _back(request, directive)


@login_required
@require_POST
def directive_carry(request: HttpRequest, pk: int) -> HttpResponse:
    directive = visible_directive_or_404(request, pk)
    if not can_close_directive(request.user, directive):
        raise PermissionDenied
    target = Meeting.objects.filter(pk=request.POST.get("meeting") or 0, bloc=directive.meeting.bloc_id).first()
    if target is None or not directive.meeting.bloc_id:
        messages.error(request, _("Hãy chọn cuộc giao ban kỳ sau của cùng khối."))
        return _back(request, directive)
    try:
        directive.carry_over(to=target, user=request.user)
    except (ValidationError, ConcurrentEditError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Đã chuyển sang “%(meeting)s”.") % {"meeting": target.title})
        from giaoban.directives.carryover import propose_agenda

        propose_agenda(target)
    return _back(request, directive)


def _back(request: HttpRequest, directive: Directive) -> HttpResponse:
    """Back to the page the action came from (a meeting's carry-over list), or the directive."""
    meeting_pk = request.POST.get("back_meeting")
    if meeting_pk and meeting_pk.isdigit():
        return redirect("meetings:detail", int(meeting_pk))
    return redirect("directives:detail", directive.pk)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    update = get_object_or_404(DirectiveUpdate.objects.select_related("directive"), pk=pk)
    if not can_view_directive(request.user, update.directive) or not update.evidence:
        raise Http404
    try:
        handle = update.evidence.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    name = update.evidence.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name,
                        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")

