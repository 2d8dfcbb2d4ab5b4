import datetime

import pytest
from icalendar import Calendar

from giaoban.documents.models import CalendarToken
from tests.documents import factories as f

pytestmark = pytest.mark.django_db


def _events(response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def _setup():
    record = f.huu_lung()
    private = f.meeting(record.host, title="Họp Thường trực (nội bộ)", date=datetime.date(2022, 4, 20),
                        start_time=datetime.time(14, 0), is_public=False)
    return record, private


def test_public_feed_parses_has_times_in_ho_chi_minh_and_omits_private_meetings(client):
    record, private = _setup()
    response = client.get(f"/cong-khai/{record.host.pk}/lich-cong-tac.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = _events(response)
    assert record.meeting.title in events
    assert private.title not in events
    start = events[record.meeting.title]["dtstart"]
    assert start.params["TZID"] == "Asia/Ho_Chi_Minh"
    assert start.dt == datetime.datetime(2022, 4, 5, 8, 0, tzinfo=start.dt.tzinfo)
    assert start.dt.utcoffset() == datetime.timedelta(hours=7)
    calendar = Calendar.from_ical(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_private_feed_with_a_token_holds_private_meetings_too(client):
    record, private = _setup()
    token = CalendarToken.objects.create(organization=record.host)
    events = _events(client.get(f"/lich/{token.token}.ics"))
    assert {record.meeting.title, private.title} <= set(events)
    assert str(events[private.title]["class"]) == "PRIVATE"


def test_a_revoked_token_gives_404_and_an_unknown_one_too(client):
    record, _private = _setup()
    token = CalendarToken.objects.create(organization=record.host)
    token.revoke()
    assert client.get(f"/lich/{token.token}.ics").status_code == 404
    assert client.get("/lich/khong-co-ma-nay.ics").status_code == 404


def test_member_bodies_see_their_blocs_public_briefings_in_their_own_feed(client):
    record, private = _setup()
    events = _events(client.get(f"/cong-khai/{record.orgs['farmers'].pk}/lich-cong-tac.ics"))
    assert record.meeting.title in events and private.title not in events


def test_public_calendar_page_lists_only_public_meetings_without_login(client):
    record, private = _setup()
    upcoming = f.meeting(record.host, title="Giao ban quý II & <III>", date=datetime.date.today(), is_public=True)
    response = client.get(f"/cong-khai/{record.host.pk}/lich-cong-tac/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Giao ban quý II &amp; &lt;III&gt;" in body
    assert record.meeting.title in body and private.title not in body
    assert upcoming.title not in body.split("Đã diễn ra")[1]


def test_editor_creates_and_revokes_a_private_link_and_a_viewer_cannot(client):
    from giaoban.accounts.models import Role
    from tests.factories import MembershipFactory, UserFactory

    record, _private = _setup()
    editor, viewer = UserFactory(), UserFactory()
    MembershipFactory(user=editor, organization=record.host, role=Role.EDITOR)
    MembershipFactory(user=viewer, organization=record.host, role=Role.VIEWER)
    url = f"/van-ban/lich-cong-tac/{record.host.pk}/"
    client.force_login(viewer)
    assert client.post(url, {"action": "create"}).status_code == 403
    client.force_login(editor)
    client.post(url, {"action": "create"})
    token = CalendarToken.objects.get(organization=record.host)
    assert token.token in client.get(url).content.decode()
    client.post(url, {"action": "revoke", "token": token.pk})
    assert client.get(f"/lich/{token.token}.ics").status_code == 404


def _series_with_meetings():
    from giaoban.directives.series import create_next_meeting
    from giaoban.meetings.models import Meeting
    from tests.meetings.factories import SeriesFactory, briefing_world

    w = briefing_world()
    series = SeriesFactory(bloc=w.bloc, host=w.party, day=17)
    first, second = (create_next_meeting(series).meeting for _ in range(2))
    Meeting.objects.filter(pk=first.pk).update(is_public=True)
    return w, series, first, second


def test_a_series_feed_holds_its_meetings_at_the_series_time(client):
    w, series, first, second = _series_with_meetings()
    client.force_login(w.lead_editor)
    response = client.get(f"/lich/chuoi-giao-ban/{series.pk}.ics")
    events = _events(response)
    assert set(events) == {first.title, second.title}
    start = events[second.title]["dtstart"].dt
    assert (start.date(), start.hour) == (datetime.date(2026, 3, 17), 8)  # Tháng 2 is held on 17/3
    assert "Lịch giao ban" in str(Calendar.from_ical(response.content)["X-WR-CALNAME"])


def test_the_series_feed_is_refused_to_outsiders_and_its_public_feed_holds_only_public_meetings(client):
    w, series, first, second = _series_with_meetings()
    client.force_login(w.outsider)
    assert client.get(f"/lich/chuoi-giao-ban/{series.pk}.ics").status_code == 404
    client.logout()
    assert set(_events(client.get(f"/cong-khai/chuoi-giao-ban/{series.pk}.ics"))) == {first.title}
