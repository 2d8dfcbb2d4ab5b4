"""Meetings with their agenda, attendance, conclusion and attachments (read-only in the API)."""

import datetime
from typing import Annotated, Literal

from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from ninja import Field, FilterLookup, FilterSchema, Path, Query, Router, Schema
from ninja.pagination import paginate

from giaoban.api.errors import errors
from giaoban.api.etags import tag_response
from giaoban.api.lists import plain_page
from giaoban.api.paging import MAX_ID, CursorPage, Keyset, ordered
from giaoban.directives import listcache
from giaoban.meetings import views as meeting_pages
from giaoban.meetings.models import AgendaKind, Meeting, MeetingKind, Presence
from giaoban.meetings.states import MeetingState, Part, editable

router = Router(tags=["Cuộc họp"])


class MeetingOut(Schema):
    id: int
    kind: MeetingKind
    title: str
    bloc_id: int | None
    host_id: int
    period_id: int | None
    next_period_id: int | None
    date: datetime.date
    start_time: datetime.time | None
    place: str
    is_public: bool
    state: MeetingState
    version: int


class AgendaItemOut(Schema):
    order: int
    kind: AgendaKind
    title: str
    organization_id: int | None
    notes: str


class AttendanceOut(Schema):
    organization_id: int
    person_name: str | None = Field(None, alias="person.name")
    presence: Presence
    delegate_name: str
    reason: str


class ChairOut(Schema):
    name: str = Field(..., alias="person.name")
    title: str


class ConclusionOut(Schema):
    id: int
    meeting_id: int
    text: str
    concluded_by: str | None = Field(None, alias="concluded_by.name")
    concluded_by_title: str
    issued_at: datetime.datetime | None
    version: int


class AttachmentOut(Schema):
    id: int
    name: str
    size: int
    uploaded_at: datetime.datetime


class MeetingDetailOut(MeetingOut):
    minutes: str
    secretary: str | None = Field(None, alias="secretary.name")
    # What the meeting's state still lets an editor change (meetings/states.py).
    editable_parts: list[Part]
    chairs: list[ChairOut]
    agenda: list[AgendaItemOut] = Field(..., alias="agenda_items")
    attendance: list[AttendanceOut] = Field(..., alias="attendances")
    conclusion: ConclusionOut | None
    attachments: list[AttachmentOut]

    @staticmethod
    def resolve_editable_parts(meeting: Meeting) -> list[str]:
        return sorted(editable(meeting.state))

    @staticmethod
    def resolve_conclusion(meeting: Meeting):
        return getattr(meeting, "conclusion", None)


class MeetingFilter(FilterSchema):
    bloc: Annotated[int | None, FilterLookup("bloc_id"), Field(ge=1, le=MAX_ID)] = None
    host: Annotated[int | None, FilterLookup("host_id"), Field(ge=1, le=MAX_ID)] = None
    period: Annotated[int | None, FilterLookup("period_id"), Field(ge=1, le=MAX_ID)] = None
    kind: Annotated[MeetingKind | None, FilterLookup("kind")] = None
    date_from: Annotated[datetime.date | None, FilterLookup("date__gte")] = None
    date_to: Annotated[datetime.date | None, FilterLookup("date__lte")] = None


@router.get("/meetings/", response={200: list[MeetingOut], **errors()}, summary="Danh sách cuộc họp")
@plain_page(MeetingOut, CursorPage, listcache.version_names)
@paginate(CursorPage)
def list_meetings(request, filters: Query[MeetingFilter],
                  ordering: Literal["date", "-date", "title", "-title", "id", "-id"] = "-date"):
    meetings = filters.filter(Meeting.objects.visible_to(request.user))
    return Keyset(meetings, ordered(meetings, ordering).query.order_by, f"meetings:{ordering}")


@router.get("/meetings/{meeting_id}/", response={200: MeetingDetailOut, **errors()},
            summary="Một cuộc họp: chương trình, thành phần dự, kết luận, tệp đính kèm")
def get_meeting(request, response: HttpResponse, meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    return meeting_detail(request, response, meeting_id)


def meeting_detail(request, response: HttpResponse, meeting_id: int) -> Meeting:
    """The meeting with its rows read in a few queries, and its version as ETag (404 if not visible)."""
    meeting = meeting_pages.visible_meeting_or_404(request, meeting_id)
    prefetch_related_objects([meeting], "agenda_items", "attendances__person", "chairs__person", "attachments")
    tag_response(response, meeting)
    return meeting


@router.get("/meetings/{meeting_id}/attachments/{attachment_id}/file", response={200: None, **errors()},
            summary="Tải tệp đính kèm", openapi_extra={"responses": {200: {
                "description": "Tệp", "content": {"*/*": {"schema": {
                    "type": "string", "format": "binary"}}}}}})
def download_attachment(request, meeting_id: int = Path(..., ge=1, le=MAX_ID),
                        attachment_id: int = Path(..., ge=1, le=MAX_ID)):
    # The web page's own view: the same check of who may see the meeting.
    return meeting_pages.attachment_download(request, meeting_id, attachment_id)
