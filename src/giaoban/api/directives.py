"""Directives: lists, detail with ETag, progress, history; edits and closing with If-Match.

Every check is the web pages' own: the visible_to queryset, the rules
predicates and the same forms, so the API never disagrees with the site.
"""

import datetime
from decimal import Decimal
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from giaoban.api.errors import errors, form_refused
from giaoban.api.etags import expected_version, tag_response
from giaoban.api.fields import PLAIN_TEXT
from giaoban.api.lists import plain_page
from giaoban.api.paging import MAX_ID, CursorPage, Keyset
from giaoban.core.history import history_entries
from giaoban.directives import listcache
from giaoban.directives import views as directive_pages
from giaoban.directives.forms import SORTS, CloseForm, ProgressForm
from giaoban.directives.listing import apply_filters, read_in_parts
from giaoban.directives.models import DeadlinePrecision, Directive, DirectiveStatus, Priority, visible_parts
from giaoban.directives.rules import can_close_directive, can_edit_directive, can_report_progress, reporting_bodies

router = Router(tags=["Chỉ đạo"])


class DirectiveOut(Schema):
    id: int
    meeting_id: int
    order: int
    text: str
    assignees_text: str
    lead_id: int | None
    coordinating: list[int]
    deadline: datetime.date | None
    deadline_precision: DeadlinePrecision
    deadline_label: str
    target_text: str
    target_value: Decimal | None
    target_value_max: Decimal | None
    target_unit: str
    priority: Priority
    status: DirectiveStatus
    overdue: bool
    closed_reason: str
    closed_at: datetime.datetime | None
    carried_to: list[int]
    version: int

    @staticmethod
    def resolve_coordinating(directive: Directive) -> list[int]:
        links = getattr(directive, "link_ids", None)  # a list page reads them for all its rows (with_link_ids)
        return links["coordinating"] if links else [body.pk for body in directive.coordinating.all()]

    @staticmethod
    def resolve_carried_to(directive: Directive) -> list[int]:
        links = getattr(directive, "link_ids", None)
        return links["carried_to"] if links else [meeting.pk for meeting in directive.carried_to.all()]

    @staticmethod
    def resolve_deadline_label(directive: Directive) -> str:
        return directive.deadline_label()

    @staticmethod
    def resolve_overdue(directive: Directive) -> bool:
        return directive.is_overdue()


class ProgressOut(Schema):
    id: int
    note: str
    percent: int | None
    organization_id: int | None
    author: str | None = Field(None, alias="author.username")
    created_at: datetime.datetime


class ProgressIn(Schema):
    note: str = Field(..., min_length=1, max_length=5000, pattern=PLAIN_TEXT)
    percent: int | None = Field(None, ge=0, le=100)
    organization_id: int | None = Field(None, ge=1, le=MAX_ID,
                                        description="Đơn vị báo cáo; mặc định đơn vị chủ trì hoặc phối hợp đầu tiên.")


class CloseIn(Schema):
    status: Literal["done", "cancelled"]
    reason: str = Field(..., min_length=1, max_length=2000, pattern=PLAIN_TEXT)


class DirectivePatch(Schema):
    text: str | None = Field(None, min_length=1, max_length=5000, pattern=PLAIN_TEXT)
    deadline: datetime.date | None = None
    deadline_precision: DeadlinePrecision | None = None
    target_text: str | None = Field(None, max_length=255, pattern=PLAIN_TEXT)
    priority: Priority | None = None


class HistoryChangeOut(Schema):
    field: str
    old: str
    new: str


class HistoryOut(Schema):
    when: datetime.datetime
    who: str | None
    type: str
    changes: list[HistoryChangeOut]
    reason: str

    @staticmethod
    def resolve_who(entry: dict) -> str | None:
        return entry["who"].username if entry["who"] else None

    @staticmethod
    def resolve_type(entry: dict) -> str:
        return str(entry["type"])


class DirectiveFilter(Schema):
    status: Literal["open", "new", "in_progress", "done", "cancelled", "carried_over"] | None = None
    overdue: bool = False
    lead: int | None = Field(None, ge=1, le=MAX_ID)
    meeting: int | None = Field(None, ge=1, le=MAX_ID)
    priority: Priority | None = None
    deadline_from: datetime.date | None = None
    deadline_to: datetime.date | None = None
    q: str | None = Field(None, max_length=100, pattern=PLAIN_TEXT)


def with_link_ids(directives: list[Directive]) -> None:
    """Give each directive of a page the ids of its coordinating bodies and of the meetings it is carried to, read
    from the two link tables (ids only, in the order the relations list them), as `link_ids`: prefetching the
    records cost a related manager and a queryset per row, several times the rows' own reading."""
    ids = [directive.pk for directive in directives]
    links = {pk: {"coordinating": [], "carried_to": []} for pk in ids}
    coordinating = (Directive.coordinating.through.objects.filter(directive_id__in=ids)
                    .order_by("organization__tree_path").values_list("directive_id", "organization_id"))
    carried = (Directive.carried_to.through.objects.filter(directive_id__in=ids)
               .order_by("-meeting__date", "-meeting_id").values_list("directive_id", "meeting_id"))
    for name, rows in (("coordinating", coordinating), ("carried_to", carried)):
        for directive_id, other in rows:
            links[directive_id][name].append(other)
    for directive in directives:
        directive.link_ids = links[directive.pk]


def _detail(request, response: HttpResponse, directive_id: int) -> Directive:
    directive = directive_pages.visible_directive_or_404(request, directive_id)
    tag_response(response, directive)
    return directive


@router.get("/directives/", response={200: list[DirectiveOut], **errors()}, summary="Danh sách chỉ đạo")
@plain_page(DirectiveOut, CursorPage, listcache.version_names)
@paginate(CursorPage)
def list_directives(request, filters: Query[DirectiveFilter],
                    ordering: Literal[tuple(SORTS)] = "deadline"):  # type: ignore[valid-type]
    return directive_listing(request.user, filters, ordering)


def directive_listing(user, filters: DirectiveFilter, ordering: str) -> Keyset:
    """The web list's query: its filters, its order and the user's visibility read part by part (visible_parts)."""
    directives = Directive.objects.all()
    if filters.meeting:
        directives = directives.filter(meeting_id=filters.meeting)
    data = {**filters.dict(), "sort": ordering}
    directives = apply_filters(directives, data, timezone.localdate())
    order = directives.query.order_by
    if ordering == "lead":
        directives = directives.select_related("lead")  # the cursor holds the lead's name
    directives, parts = read_in_parts(directives, visible_parts(user), ordering)
    return Keyset(directives, order, f"directives:{ordering}", parts, rows=with_link_ids)


@router.get("/directives/{directive_id}/", response={200: DirectiveOut, **errors()}, summary="Một chỉ đạo")
def get_directive(request, response: HttpResponse, directive_id: int = Path(..., ge=1, le=MAX_ID)):
    return _detail(request, response, directive_id)


@router.patch("/directives/{directive_id}/", response={200: DirectiveOut, **errors(412, 428)},
              summary="Sửa chỉ đạo (cần If-Match)")
def edit_directive(request, response: HttpResponse, changes: DirectivePatch,
                   directive_id: int = Path(..., ge=1, le=MAX_ID)):
    directive = directive_pages.visible_directive_or_404(request, directive_id)
    if not can_edit_directive(request.user, directive):
        raise PermissionDenied
    version = expected_version(request, directive)
    for name, value in changes.dict(exclude_unset=True).items():
        setattr(directive, name, value)
    directive.full_clean(exclude=["meeting", "lead"])
    directive.save_versioned(version)
    tag_response(response, directive)
    return directive


@router.post("/directives/{directive_id}/close", response={200: DirectiveOut, **errors(412, 428)},
             summary="Đóng chỉ đạo: hoàn thành hoặc hủy (cần If-Match)")
def close_directive(request, response: HttpResponse, body: CloseIn, directive_id: int = Path(..., ge=1, le=MAX_ID)):
    directive = directive_pages.visible_directive_or_404(request, directive_id)
    if not can_close_directive(request.user, directive):
        raise PermissionDenied
    form = CloseForm({**body.dict(), "version": expected_version(request, directive)})
    if not form.is_valid():
        raise form_refused(form)
    directive.close(user=request.user, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"],
                    expected_version=form.cleaned_data["version"])
    tag_response(response, directive)
    return directive


@router.get("/directives/{directive_id}/progress", response={200: list[ProgressOut], **errors()},
            summary="Các lần báo cáo tiến độ")
def list_progress(request, directive_id: int = Path(..., ge=1, le=MAX_ID)):
    directive = directive_pages.visible_directive_or_404(request, directive_id)
    return directive.updates.select_related("author").order_by("created_at", "pk")


@router.post("/directives/{directive_id}/progress", response={201: ProgressOut, **errors()},
             summary="Báo cáo tiến độ (biên tập viên đơn vị chủ trì hoặc phối hợp)")
def report_progress(request, body: ProgressIn, directive_id: int = Path(..., ge=1, le=MAX_ID)):
    directive = directive_pages.visible_directive_or_404(request, directive_id)
    if not can_report_progress(request.user, directive):
        raise PermissionDenied
    bodies = reporting_bodies(request.user, directive)
    organization = body.organization_id or bodies[0].pk
    form = ProgressForm({"note": body.note, "percent": body.percent, "organization": organization}, bodies=bodies)
    if not form.is_valid():
        raise form_refused(form)
    with transaction.atomic():
        update = directive.record_progress(user=request.user, organization=form.cleaned_data["organization"],
                                           note=form.cleaned_data["note"], percent=form.cleaned_data["percent"])
    return Status(201, update)


@router.get("/directives/{directive_id}/history", response={200: list[HistoryOut], **errors()},
            summary="Lịch sử thay đổi")
def directive_history(request, directive_id: int = Path(..., ge=1, le=MAX_ID)):
    return history_entries(directive_pages.visible_directive_or_404(request, directive_id))
