""""Tạo kỳ giao ban tiếp theo": the series' next briefing, prefilled, with the carry-over item.

It lives here, above meetings, because the carry-over item lists directives.
The (series, period) uniqueness constraint guarantees that two editors
pressing the button at once still make one meeting: the loser gets the
winner's meeting back.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from giaoban.directives.carryover import propose_agenda
from giaoban.meetings.models import AgendaItem, Attendance, BriefingSeries, Meeting, MeetingKind, Presence
from giaoban.periods.models import Period


@dataclass(frozen=True)
class NextMeeting:
    meeting: Meeting
    created: bool


def create_next_meeting(series: BriefingSeries, *, by=None) -> NextMeeting:
    """Create the briefing on the period after the series' latest one (or return it if it exists)."""
    # Creating the meeting is a write: its periods are stored now (pages only compute them).
    period = Period.objects.get_for(series.next_period().key)
    existing = series.meetings.filter(period=period).first()
    if existing is not None:
        return NextMeeting(existing, created=False)
    next_period = Period.objects.get_for(period.key.next())
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                kind=MeetingKind.BRIEFING, series=series, bloc=series.bloc, host=series.host, period=period,
                next_period=next_period, title=Meeting.default_title(MeetingKind.BRIEFING, period, next_period),
                date=series.date_for(period), start_time=series.start_time, place=series.place,
                created_by=by if by is not None and by.is_authenticated else None)
            _prefill(series, meeting)
    except IntegrityError:  # the same period was created meanwhile
        return NextMeeting(series.meetings.get(period=period), created=False)
    return NextMeeting(meeting, created=True)


def _prefill(series: BriefingSeries, meeting: Meeting) -> None:
    Attendance.objects.bulk_create([Attendance(meeting=meeting, organization=org, presence=Presence.PRESENT)
                                    for org in series.attendees.order_by("tree_path")])
    AgendaItem.objects.bulk_create([
        AgendaItem(meeting=meeting, order=order, kind=item.kind, title=item.title,
                   organization_id=item.organization_id, notes=item.notes)
        for order, item in enumerate(series.agenda_items.all())])
    propose_agenda(meeting)
