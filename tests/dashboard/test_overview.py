"""The leader's overview: late and coming work of the bodies the user's roles cover, who is
behind, missing reports, next meetings; bounded queries whatever the data holds."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.dashboard.overview import overview
from giaoban.directives.models import Directive, DirectiveStatus
from giaoban.notifications.models import Notification
from tests.directives.factories import DirectiveFactory
from tests.factories import period
from tests.meetings.factories import MeetingFactory, briefing_world
from tests.reports.factories import PeriodReportFactory, ReportTemplateFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2022, 6, 15)


@pytest.fixture
def world():
    return briefing_world()


def directive(world, deadline: datetime.date | None = None, **fields) -> Directive:
    """A directive of the world's briefing, led by the Front unless said otherwise, due on a day."""
    fields = {"meeting": world.meeting, "lead": world.front, **fields}
    return DirectiveFactory(deadline=deadline, deadline_precision="day" if deadline else "none", **fields)


def test_it_lists_the_overdue_oldest_first_with_days_late(world):
    directive(world, datetime.date(2022, 6, 1), text="Muộn ít")
    directive(world, datetime.date(2022, 5, 1), text="Muộn nhiều")
    directive(world, datetime.date(2022, 5, 1), text="Đã xong",
                     status=DirectiveStatus.DONE)
    data = overview(world.lead_editor, TODAY)
    assert data.overdue_count == 2
    assert [(d.text, d.days_late) for d in data.overdue] == [("Muộn nhiều", 45), ("Muộn ít", 14)]


def test_it_counts_what_falls_due_in_the_next_fourteen_days(world):
    directive(world, TODAY + datetime.timedelta(days=14))
    directive(world, TODAY + datetime.timedelta(days=15))
    assert overview(world.lead_editor, TODAY).soon_count == 1


def test_it_covers_the_subtree_but_not_other_bodies(world):
    directive(world, lead=world.farmers, deadline=datetime.date(2022, 6, 1))
    directive(world, meeting=MeetingFactory(host=world.other), lead=world.other, deadline=datetime.date(2022, 6, 1))
    assert overview(world.lead_editor, TODAY).overdue_count == 1  # the Front sees its Hội Nông dân
    assert overview(world.outsider, TODAY).overdue_count == 1  # and the other district only its own


def test_it_gives_each_lead_bodys_completion_rate(world):
    for status in (DirectiveStatus.DONE, DirectiveStatus.DONE, DirectiveStatus.NEW, DirectiveStatus.CANCELLED):
        directive(world, status=status)
    [rate] = overview(world.lead_editor, TODAY).rates
    assert (rate.name, rate.done, rate.total, rate.percent) == (world.front.name, 2, 3, 67)
    assert f"lead={world.front.pk}" in rate.url


def test_it_counts_directives_given_and_closed_per_quarter(world):
    march = MeetingFactory(host=world.party, date=datetime.date(2022, 3, 20))
    with time_machine.travel(datetime.datetime(2022, 5, 10, 9, tzinfo=datetime.UTC)):
        done = directive(world, meeting=march)
        done.status, done.closed_at = DirectiveStatus.DONE, datetime.datetime.now(datetime.UTC)
        done.save()
    trend = dict((label, (given, done)) for label, given, done in overview(world.lead_editor, TODAY).trend)
    assert trend["Quý I/2022"] == (1, 0) and trend["Quý II/2022"] == (0, 1)


def test_it_names_the_members_that_have_not_reported_for_the_current_period(world):
    ReportTemplateFactory(bloc=world.bloc, period_type="quarter")
    PeriodReportFactory(organization=world.front, period=period("Quý II/2022"))
    [bloc] = overview(world.leader, TODAY).reports
    assert (bloc.period_label, bloc.submitted, bloc.expected) == ("Quý II/2022", 1, 2)
    assert bloc.missing == [world.farmers.name]


def test_it_lists_the_next_meetings_and_unread_notifications(world):
    MeetingFactory(host=world.front, date=TODAY + datetime.timedelta(days=3), title="Giao ban tháng 6")
    Notification.objects.create(user=world.lead_editor, title="Nhắc việc")
    data = overview(world.lead_editor, TODAY)
    assert [m.title for m in data.meetings] == ["Giao ban tháng 6"]
    assert (data.unread_count, [n.title for n in data.unread]) == (1, ["Nhắc việc"])


def test_its_queries_do_not_grow_with_the_directives(world):
    for _n in range(10):
        directive(world, datetime.date(2022, 6, 1))

    def count() -> int:
        cache.clear()  # the figures built afresh each time, not read from the shared cache
        with CaptureQueriesContext(connection) as captured:
            data = overview(world.lead_editor, TODAY)
            [d.lead.name for d in data.overdue + data.soon]
        return len(captured)

    count()  # the user's memberships are cached on the user after the first call
    few = count()
    Directive.objects.bulk_create([Directive(meeting=world.meeting, lead=world.front, text=f"Việc {n}", order=n,
                                             deadline=datetime.date(2022, 6, 1) - datetime.timedelta(days=n % 90),
                                             deadline_precision="day")
                                   for n in range(1000)])
    assert count() == few
