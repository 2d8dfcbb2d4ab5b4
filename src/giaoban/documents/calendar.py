"""The work calendar (lịch công tác): an organisation's meetings as iCalendar.

Times carry TZID=Asia/Ho_Chi_Minh with its VTIMEZONE, so Outlook, Google and
phone calendars show the hour the office wrote.  The public feed holds only
meetings marked public; the private feed (behind a revocable token) holds all.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from icalendar import Calendar, Event, Timezone

from giaoban.meetings.models import BriefingSeries, Meeting
from giaoban.organisations.models import Organization

TZID = "Asia/Ho_Chi_Minh"
ZONE = ZoneInfo(TZID)
DEFAULT_DURATION = datetime.timedelta(hours=3)  # a briefing takes a morning or an afternoon


def meetings_of(organization: Organization, *, public_only: bool) -> QuerySet[Meeting]:
    """Meetings the body hosts, convenes, belongs to (by bloc) or attends."""
    query = (Q(host=organization) | Q(bloc__convening=organization) | Q(bloc__members=organization)
             | Q(attendances__organization=organization))
    meetings = Meeting.objects.filter(query).distinct().select_related("host").order_by("date", "start_time", "pk")
    return meetings.filter(is_public=True) if public_only else meetings


def _timezone_component() -> Timezone:
    return Timezone.from_tzid(TZID, first_date=datetime.date(2000, 1, 1), last_date=datetime.date(2040, 1, 1))


def event_for(meeting: Meeting, domain: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{domain}")
    event.add("summary", meeting.title)
    if meeting.start_time:
        start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=ZONE)
        event.add("dtstart", start)
        event.add("dtend", start + DEFAULT_DURATION)
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    if meeting.place:
        event.add("location", meeting.place)
    event.add("description", f"Cơ quan tổ chức: {meeting.host.name}")
    stamp = meeting.created_at or datetime.datetime.combine(meeting.date, datetime.time(0), tzinfo=ZONE)
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    event.add("class", "PUBLIC" if meeting.is_public else "PRIVATE")
    return event


def feed(organization: Organization, meetings: QuerySet[Meeting] | list[Meeting], *, domain: str,
         private: bool) -> bytes:
    return _calendar(f"Lịch công tác {organization.name}" + (" (nội bộ)" if private else ""), meetings, domain)


def series_meetings(series: BriefingSeries, *, public_only: bool) -> QuerySet[Meeting]:
    meetings = series.meetings.select_related("host").order_by("date", "start_time", "pk")
    return meetings.filter(is_public=True) if public_only else meetings


def series_feed(series: BriefingSeries, meetings: QuerySet[Meeting] | list[Meeting], *, domain: str) -> bytes:
    """One briefing series' meetings, to subscribe to in a phone or Outlook calendar."""
    return _calendar(f"Lịch giao ban: {series.name}", meetings, domain)


def _calendar(name: str, meetings: QuerySet[Meeting] | list[Meeting], domain: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//giaoban//Lich cong tac//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_timezone_component())
    for meeting in meetings:
        calendar.add_component(event_for(meeting, domain))
    return calendar.to_ical()
