"""A meeting's life: draft → invited → held → concluded → notice issued → closed, or postponed/cancelled.

The tables here are the rule; the model applies them (`Meeting.transition`,
`Meeting.may_edit`) and the views and templates only ask.  Issuing an
invitation or a conclusion notice moves the meeting on by itself; the other
steps are buttons on the meeting page.  Postponing and cancelling need a
reason, which is kept with the meeting and shown on its page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingState(models.TextChoices):
    DRAFT = "draft", _("Dự kiến")
    INVITED = "invited", _("Đã mời họp")
    HELD = "held", _("Đã họp")
    CONCLUDED = "concluded", _("Đã kết luận")
    NOTICE_ISSUED = "notice_issued", _("Đã ban hành thông báo")
    CLOSED = "closed", _("Đã kết thúc")
    POSTPONED = "postponed", _("Hoãn")
    CANCELLED = "cancelled", _("Hủy")


class Part(models.TextChoices):
    """What an editor can change on a meeting, grouped as the pages group it."""

    DETAILS = "details", _("thời gian, địa điểm, kỳ, cơ quan tổ chức")
    PARTICIPANTS = "participants", _("chủ trì, thành phần dự")
    AGENDA = "agenda", _("chương trình")
    MINUTES = "minutes", _("biên bản")
    CONCLUSION = "conclusion", _("kết luận và chỉ đạo")
    ATTACHMENTS = "attachments", _("tệp đính kèm")


S, P = MeetingState, Part

# Once invitations are out, date and place change only by postponing (with a reason); after the
# meeting they may be corrected to what happened; once the notice is issued, the conclusion and
# its directives are the official record (changes to them are amendments, not edits).
EDITABLE: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({P.DETAILS, P.PARTICIPANTS, P.AGENDA, P.ATTACHMENTS}),
    S.INVITED: frozenset({P.PARTICIPANTS, P.AGENDA, P.ATTACHMENTS}),
    S.HELD: frozenset({P.DETAILS, P.PARTICIPANTS, P.AGENDA, P.MINUTES, P.CONCLUSION, P.ATTACHMENTS}),
    S.CONCLUDED: frozenset({P.DETAILS, P.PARTICIPANTS, P.AGENDA, P.MINUTES, P.CONCLUSION, P.ATTACHMENTS}),
    S.NOTICE_ISSUED: frozenset({P.MINUTES, P.ATTACHMENTS}),
    S.CLOSED: frozenset(),
    S.POSTPONED: frozenset({P.DETAILS, P.PARTICIPANTS, P.AGENDA, P.ATTACHMENTS}),
    S.CANCELLED: frozenset(),
}


class Action(models.TextChoices):
    INVITE = "invite", _("Đã gửi giấy mời")
    HOLD = "hold", _("Đã họp")
    CONCLUDE = "conclude", _("Đã kết luận")
    ISSUE_NOTICE = "issue_notice", _("Đã ban hành thông báo kết luận")
    CLOSE = "close", _("Kết thúc")
    POSTPONE = "postpone", _("Hoãn họp")
    CANCEL = "cancel", _("Hủy cuộc họp")


# action → (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    Action.INVITE: (frozenset({S.DRAFT, S.POSTPONED}), S.INVITED),
    Action.HOLD: (frozenset({S.DRAFT, S.INVITED, S.POSTPONED}), S.HELD),
    Action.CONCLUDE: (frozenset({S.HELD}), S.CONCLUDED),
    # A notice for a meeting recorded after the fact also says it was held and concluded.
    Action.ISSUE_NOTICE: (frozenset({S.DRAFT, S.INVITED, S.HELD, S.CONCLUDED}), S.NOTICE_ISSUED),
    Action.CLOSE: (frozenset({S.NOTICE_ISSUED}), S.CLOSED),
    Action.POSTPONE: (frozenset({S.DRAFT, S.INVITED}), S.POSTPONED),
    Action.CANCEL: (frozenset({S.DRAFT, S.INVITED, S.POSTPONED}), S.CANCELLED),
}
NEEDS_REASON = frozenset({Action.POSTPONE, Action.CANCEL})
# Buttons on the meeting page; the others happen when a document is issued or a conclusion saved.
MANUAL = (Action.INVITE, Action.HOLD, Action.CLOSE, Action.POSTPONE, Action.CANCEL)
# Closing a meeting ends the follow-up: the convening body's leader decides it.
LEADER_ONLY = frozenset({Action.CLOSE})


def editable(state: str) -> frozenset[str]:
    return EDITABLE.get(state, frozenset())


def allowed(state: str, action: str) -> bool:
    sources, _target = TRANSITIONS[action]
    return state in sources


def target(action: str) -> str:
    return TRANSITIONS[action][1]
