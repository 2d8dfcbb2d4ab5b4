"""Conclusions: read within the meetings' reach, written as the conclusion page writes them.

Writing follows recording's conclusion page: the meeting's editors, while its state
allows the conclusion and its notice is not issued (after that a change is an
amendment of each directive). The directives themselves are written through
/directives/.
"""

from typing import Annotated, Literal

from django.db import IntegrityError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, FilterLookup, FilterSchema, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from giaoban.api.errors import WRITE_ERRORS, ApiError, errors, form_refused, wrong_state
from giaoban.api.etags import expected_version, tag_response
from giaoban.api.fields import PLAIN_TEXT
from giaoban.api.meetings import ConclusionOut
from giaoban.api.paging import MAX_ID, Page, ordered
from giaoban.meetings.forms import ConclusionForm
from giaoban.meetings.models import Conclusion, Meeting
from giaoban.meetings.states import Part
from giaoban.meetings.views import state_refusal, visible_meeting_or_404
from giaoban.recording.saving import save_conclusion
from giaoban.recording.views import ISSUED_REFUSAL

router = Router(tags=["Kết luận"])


class ConclusionIn(Schema):
    text: str = Field("", max_length=50_000, pattern=PLAIN_TEXT)
    concluded_by_name: str = Field("", max_length=150, pattern=PLAIN_TEXT, description="Người kết luận.")
    concluded_by_title: str = Field("", max_length=255, pattern=PLAIN_TEXT)


class ConclusionFilter(FilterSchema):
    meeting: Annotated[int | None, FilterLookup("meeting_id"), Field(ge=1, le=MAX_ID)] = None
    issued: bool | None = Field(None, description="true: đã ban hành thông báo kết luận; false: chưa.")

    def filter_issued(self, value: bool | None) -> Q:
        return Q() if value is None else Q(issued_at__isnull=not value)


@router.get("/conclusions/", response={200: list[ConclusionOut], **errors()}, summary="Danh sách kết luận")
@paginate(Page)
def list_conclusions(request, filters: Query[ConclusionFilter],
                     ordering: Literal["id", "-id"] = "-id"):
    visible = Meeting.objects.visible_to(request.user).values("pk")
    return ordered(filters.filter(Conclusion.objects.filter(meeting__in=visible).select_related("concluded_by")),
                   ordering)


@router.get("/meetings/{meeting_id}/conclusion", response={200: ConclusionOut, **errors()},
            summary="Kết luận của một cuộc họp")
def get_conclusion(request, response: HttpResponse, meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    meeting = visible_meeting_or_404(request, meeting_id)
    conclusion = Conclusion.objects.filter(meeting=meeting).select_related("concluded_by").first()
    if conclusion is None:
        raise Http404
    tag_response(response, conclusion)
    return conclusion


@router.put("/meetings/{meeting_id}/conclusion", response={200: ConclusionOut, 201: ConclusionOut,
                                                            **errors(*WRITE_ERRORS)},
            summary="Ghi kết luận (cần If-Match khi đã có kết luận)")
def write_conclusion(request, response: HttpResponse, body: ConclusionIn,
                     meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    meeting = visible_meeting_or_404(request, meeting_id, edit=True)
    if meeting.record_is_issued():
        raise wrong_state(ISSUED_REFUSAL)
    if not meeting.may_edit(Part.CONCLUSION):
        raise wrong_state(state_refusal(meeting))
    conclusion = Conclusion.objects.filter(meeting=meeting).first()
    # The first conclusion has no version to name; every later write must name the one it read.
    version = expected_version(request, conclusion) if conclusion else None
    form = ConclusionForm({**body.dict(), "version": version}, instance=conclusion or Conclusion(meeting=meeting))
    if not form.is_valid():
        raise form_refused(form)
    try:
        save_conclusion(meeting, form, None, request.user)
    except IntegrityError as error:  # another client wrote the first conclusion meanwhile
        raise ApiError(412, "stale_version", _("Cuộc họp vừa có kết luận do người khác ghi; hãy đọc lại rồi "
                                               "gửi kèm If-Match.")) from error
    saved = Conclusion.objects.select_related("concluded_by").get(meeting=meeting)
    tag_response(response, saved)
    return Status(200 if conclusion else 201, saved)
