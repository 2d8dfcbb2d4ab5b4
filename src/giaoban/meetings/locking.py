"""Show what a meeting's state does not allow to change as read-only fields on its edit form.

A disabled Django field ignores what is posted and keeps the stored value, so a
locked part can be neither changed by a crafted request nor lost on save.
"""

from giaoban.meetings.models import Meeting
from giaoban.meetings.states import Part

DETAIL_FIELDS = ("kind", "title", "bloc", "host", "date", "start_time", "place", "is_public", "period_label",
                 "next_period_label")


def _disable(form, names=None) -> None:
    for name, field in form.fields.items():
        if (names is None or name in names) and name not in ("version", "DELETE"):
            field.disabled = True


def lock_parts(meeting: Meeting, form, formsets: list[tuple[str, object]]) -> None:
    """Disable the meeting form's fields and the formsets ((part, formset) pairs) the state keeps fixed."""
    if not meeting.may_edit(Part.DETAILS):
        _disable(form, DETAIL_FIELDS)
    if not meeting.may_edit(Part.MINUTES):
        _disable(form, ("minutes",))
    for part, formset in formsets:
        if not meeting.may_edit(part):
            for row in formset.forms:
                _disable(row)


def edits_anything(meeting: Meeting) -> bool:
    """Whether the meeting's edit page has anything left to change."""
    return any(meeting.may_edit(p) for p in (Part.DETAILS, Part.PARTICIPANTS, Part.AGENDA, Part.MINUTES))
