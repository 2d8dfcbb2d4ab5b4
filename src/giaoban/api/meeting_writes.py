"""Writing meetings: create, edit the details, replace the chairs, attendance or agenda, change the state.

Each write is the meeting page's own form submitted (meetings.forms.meeting_forms and
save_meeting): the same checks of who may host, the same duplicate warning, the same
parts locked by the meeting's state (meetings.locking), the same hooks afterwards. A
change to a locked part answers 409 instead of being silently dropped as on the page.

The endpoints join the meetings router: a path's reads and writes must share one router to share one URL.
"""

import datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Body, Field, Path, Schema, Status

from giaoban.api.errors import WRITE_ERRORS, ApiError, errors, refused, wrong_state
from giaoban.api.etags import expected_version
from giaoban.api.fields import PLAIN_TEXT
from giaoban.api.formdata import current_formset_data, form_data, formset_data, plain
from giaoban.api.meetings import MeetingDetailOut, meeting_detail, router
from giaoban.api.paging import MAX_ID
from giaoban.meetings import states
from giaoban.meetings.forms import meeting_forms, save_meeting
from giaoban.meetings.models import AgendaKind, Meeting, MeetingKind, Presence
from giaoban.meetings.rules import can_lead_meeting
from giaoban.meetings.states import Part
from giaoban.meetings.views import can_record_meetings, state_refusal, visible_bloc, visible_meeting_or_404
from giaoban.periods.models import Period


class AgendaItemIn(Schema):
    kind: AgendaKind = AgendaKind.REPORT
    title: str = Field(..., min_length=1, max_length=500, pattern=PLAIN_TEXT)
    organization_id: int | None = Field(None, ge=1, le=MAX_ID, description="Đơn vị trình bày.")
    notes: str = Field("", max_length=5000, pattern=PLAIN_TEXT)


class AttendanceIn(Schema):
    organization_id: int = Field(..., ge=1, le=MAX_ID)
    person_name: str = Field("", max_length=150, pattern=PLAIN_TEXT, description="Người được mời (nếu mời đích danh).")
    presence: Presence = Presence.PRESENT
    delegate_name: str = Field("", max_length=255, pattern=PLAIN_TEXT)
    reason: str = Field("", max_length=255, pattern=PLAIN_TEXT)


class ChairIn(Schema):
    name: str = Field(..., min_length=1, max_length=150, pattern=PLAIN_TEXT)
    title: str = Field("", max_length=255, pattern=PLAIN_TEXT)


class StateIn(Schema):
    action: Literal["invite", "hold", "close", "postpone", "cancel"]
    reason: str = Field("", max_length=2000, pattern=PLAIN_TEXT, description="Bắt buộc khi hoãn hoặc hủy.")


class MeetingPatch(Schema):
    """The meeting's own fields; those not sent keep their value."""

    kind: MeetingKind | None = None
    title: str | None = Field(None, max_length=300, pattern=PLAIN_TEXT,
                              description="Để trống: đặt theo loại và kỳ (như trên trang).")
    bloc_id: int | None = Field(None, ge=1, le=MAX_ID)
    host_id: int | None = Field(None, ge=1, le=MAX_ID)
    date: datetime.date | None = None
    start_time: datetime.time | None = None
    place: str | None = Field(None, max_length=255, pattern=PLAIN_TEXT)
    is_public: bool | None = None
    minutes: str | None = Field(None, max_length=200_000, pattern=PLAIN_TEXT, description="HTML đơn giản.")
    period_id: int | None = Field(None, ge=1, le=MAX_ID, description="Kỳ đánh giá (mã số), hoặc gửi period_label.")
    period_label: str | None = Field(None, max_length=60, pattern=PLAIN_TEXT, description="Ví dụ “Quý I/2022”.")
    next_period_id: int | None = Field(None, ge=1, le=MAX_ID)
    next_period_label: str | None = Field(None, max_length=60, pattern=PLAIN_TEXT)
    secretary_name: str | None = Field(None, max_length=150, pattern=PLAIN_TEXT)
    confirm_duplicate: bool = Field(False, description="Vẫn lưu dù đã có cuộc họp cùng cơ quan, cùng ngày.")


class MeetingIn(MeetingPatch):
    host_id: int = Field(..., ge=1, le=MAX_ID)
    date: datetime.date
    chairs: list[ChairIn] = Field([], max_length=20)
    attendance: list[AttendanceIn] = Field([], max_length=200)
    agenda: list[AgendaItemIn] = Field([], max_length=100)


# The bodies of the PUTs: a JSON array, at most as many rows as the page's formsets take.
CHAIRS, ATTENDANCE, AGENDA = Body(..., max_length=20), Body(..., max_length=200), Body(..., max_length=100)
# API field → the web form's field.
_FORM_NAMES = {"bloc_id": "bloc", "host_id": "host", "period_id": "period_label",
               "next_period_id": "next_period_label"}
_ROWS = ("chairs", "attendance", "agenda")


def _period_label(pk: int | None) -> str:
    if pk is None:
        return ""
    period = Period.objects.filter(pk=pk).first()
    if period is None:
        raise ApiError(400, "invalid", _("Không có kỳ mã số %(id)s.") % {"id": pk}, details={"period_id": [pk]})
    return period.label


def _form_values(changes: dict[str, Any]) -> dict[str, Any]:
    """The sent fields under the web form's names (a label wins over an id for the same period)."""
    values = {}
    for name, value in changes.items():
        if name in _ROWS:
            continue
        if name in ("period_id", "next_period_id"):
            if name.replace("_id", "_label") in changes:
                continue
            value = _period_label(value)
        if isinstance(value, datetime.time):
            value = value.isoformat()  # as typed on the page: an offset ("08:00+07:00") is refused by the form
        values[_FORM_NAMES.get(name, name)] = "" if value is None else value
    return values


def _rows(rows: list[dict]) -> list[dict]:
    """API rows in the formset's field names."""
    return [{("organization" if k == "organization_id" else k): v for k, v in row.items()} for row in rows]


def _refuse_locked(form, values: dict[str, Any]) -> None:
    """409 for a sent value that differs from the stored one in a part the state keeps fixed."""
    for name, value in values.items():
        field = form.fields.get(name)
        if field is not None and field.disabled and str(plain(value)) != str(plain(form[name].initial)):
            raise wrong_state(state_refusal(form.instance))


def _submit(request: HttpRequest, meeting: Meeting | None, data: dict[str, Any]) -> Meeting:
    """Validate `data` with the page's forms and save it; 400 with the forms' own messages."""
    bloc = meeting.bloc if meeting else visible_bloc(request.user, data.get("bloc"))
    form, chairs, attendance, agenda = meeting_forms(request.user, meeting, bloc, data)
    if meeting is not None:
        _refuse_locked(form, {name: data[name] for name in data if name in form.fields})
    valid = [part.is_valid() for part in (form, chairs, attendance, agenda)]
    if not all(valid):
        raise refused(**{"": form, "chairs": chairs, "attendance": attendance, "agenda": agenda})
    saved, _notes = save_meeting(request.user, form, chairs, attendance, agenda)
    return saved


def _page_data(request: HttpRequest, meeting: Meeting | None) -> dict[str, Any]:
    """What the edit page would post unchanged (the create page's defaults for a new meeting)."""
    form, *rows = meeting_forms(request.user, meeting, meeting.bloc if meeting else None)
    data = form_data(form)
    for formset in rows:
        data.update(current_formset_data(formset) if meeting else formset_data(formset.prefix, []))
    return data


@router.post("/meetings/", response={201: MeetingDetailOut, **errors()},
             summary="Ghi một cuộc họp mới (biên tập viên của cơ quan tổ chức hoặc cơ quan chủ trì khối)")
def create_meeting(request, response: HttpResponse, body: MeetingIn):
    if not can_record_meetings(request.user):
        raise PermissionDenied
    sent = body.dict(exclude_unset=True)
    data = {**_page_data(request, None), **_form_values(sent)}
    for name in _ROWS:  # whole rows: a row's defaults are part of it
        data.update(formset_data(name, _rows([row.dict() for row in getattr(body, name)])))
    meeting = _submit(request, None, data)
    return Status(201, meeting_detail(request, response, meeting.pk))


def _edit(request: HttpRequest, meeting_id: int, part: str | None, overlay: dict[str, Any]) -> Meeting:
    meeting = visible_meeting_or_404(request, meeting_id, edit=True)
    version = expected_version(request, meeting)
    if part is not None and not meeting.may_edit(part):
        raise wrong_state(state_refusal(meeting))
    data = {**_page_data(request, meeting), **overlay, "version": version}
    return _submit(request, meeting, data)


@router.patch("/meetings/{meeting_id}/", response={200: MeetingDetailOut, **errors(*WRITE_ERRORS)},
              summary="Sửa thông tin cuộc họp (cần If-Match; phần trạng thái đã khóa trả 409)")
def edit_meeting(request, response: HttpResponse, changes: MeetingPatch,
                 meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    meeting = _edit(request, meeting_id, None, _form_values(changes.dict(exclude_unset=True)))
    return meeting_detail(request, response, meeting.pk)


def _replace_rows(request, response, meeting_id: int, name: str, part: str, rows: list[Schema]) -> Meeting:
    overlay = formset_data(name, _rows([row.dict() for row in rows]))
    meeting = _edit(request, meeting_id, part, overlay)
    return meeting_detail(request, response, meeting.pk)


@router.put("/meetings/{meeting_id}/chairs", response={200: MeetingDetailOut, **errors(*WRITE_ERRORS)},
            summary="Thay danh sách người chủ trì (cần If-Match)")
def replace_chairs(request, response: HttpResponse, rows: list[ChairIn] = CHAIRS,
                   meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    return _replace_rows(request, response, meeting_id, "chairs", Part.PARTICIPANTS, rows)


@router.put("/meetings/{meeting_id}/attendance", response={200: MeetingDetailOut, **errors(*WRITE_ERRORS)},
            summary="Thay thành phần dự họp (cần If-Match)")
def replace_attendance(request, response: HttpResponse, rows: list[AttendanceIn] = ATTENDANCE,
                       meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    return _replace_rows(request, response, meeting_id, "attendance", Part.PARTICIPANTS, rows)


@router.put("/meetings/{meeting_id}/agenda", response={200: MeetingDetailOut, **errors(*WRITE_ERRORS)},
            summary="Thay chương trình cuộc họp (cần If-Match)")
def replace_agenda(request, response: HttpResponse, rows: list[AgendaItemIn] = AGENDA,
                   meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    return _replace_rows(request, response, meeting_id, "agenda", Part.AGENDA, rows)


@router.post("/meetings/{meeting_id}/state", response={200: MeetingDetailOut, **errors(*WRITE_ERRORS)},
             summary="Chuyển trạng thái: đã mời, đã họp, kết thúc (lãnh đạo cơ quan chủ trì), hoãn, hủy (cần If-Match)")
def change_state(request, response: HttpResponse, body: StateIn, meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    """The meeting page's state buttons (meetings.state_views): the state machine is the model's."""
    meeting = visible_meeting_or_404(request, meeting_id, edit=True)
    if body.action in states.LEADER_ONLY and not can_lead_meeting(request.user, meeting):
        raise PermissionDenied
    version = expected_version(request, meeting)
    try:
        meeting.transition(body.action, by=request.user, reason=body.reason, expected_version=version)
    except ValidationError as error:
        if states.allowed(Meeting.objects.values_list("state", flat=True).get(pk=meeting.pk), body.action):
            raise  # what was sent is wrong (a missing reason): 400
        raise wrong_state(" ".join(error.messages)) from error
    return meeting_detail(request, response, meeting.pk)
