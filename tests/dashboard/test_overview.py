"""The leader's overview: late and coming work of the bodies the user's roles cover, who is
behind, missing reports, next meetings; bounded queries whatever the data holds."""

import datetime
import random

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.accounts.access import visible_organizations
from giaoban.dashboard.overview import figures, overview
from giaoban.directives.models import OPEN_STATUSES, Directive, DirectiveStatus
from giaoban.notifications.models import Notification
from tests.directives.factories import DirectiveFactory
from tests.directives.worlds import mixed_world
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
            [d.lead_name for d in data.overdue + data.soon]
        return len(captured)

    count()  # the user's memberships are cached on the user after the first call
    few = count()
    Directive.objects.bulk_create([Directive(meeting=world.meeting, lead=world.front, text=f"Việc {n}", order=n,
                                             deadline=datetime.date(2022, 6, 1) - datetime.timedelta(days=n % 90),
                                             deadline_precision="day")
                                   for n in range(1000)])
    assert count() == few


def _expected(user, directives: list[Directive], today: datetime.date) -> dict:
    """The figures counted row by row in Python: the reference the grouped queries must agree with."""
    bodies = set(visible_organizations(user).values_list("pk", flat=True))
    mine = [d for d in directives if d.lead_id in bodies or {o.pk for o in d.coordinating.all()} & bodies]
    open_ = [d for d in mine if d.status in OPEN_STATUSES]
    soon_end = today + datetime.timedelta(days=14)
    rates: dict[int, list[int]] = {}
    for d in mine:
        recent = d.meeting.date >= today - datetime.timedelta(days=365)
        if d.lead_id and recent and d.status != DirectiveStatus.CANCELLED:
            rates.setdefault(d.lead_id, [0, 0])
            rates[d.lead_id][0] += 1
            rates[d.lead_id][1] += d.status == DirectiveStatus.DONE
    return {
        "by_status": {s.value: sum(d.status == s.value for d in mine) for s in DirectiveStatus},
        "overdue": sum(1 for d in open_ if d.deadline and d.deadline < today),
        "soon": sum(1 for d in open_ if d.deadline and today <= d.deadline <= soon_end),
        "rates": sorted(((lead, total, done) for lead, (total, done) in rates.items()),
                        key=lambda r: -r[1])[:8],
    }


@pytest.mark.parametrize("seed", [3, 11])
def test_its_figures_match_a_row_by_row_count_on_a_two_province_world(seed):
    world = mixed_world(seed, provinces=2, directives=50)
    rng = random.Random(seed)
    for d in world.directives:
        d.deadline = TODAY + datetime.timedelta(days=rng.randint(-40, 40)) if rng.random() < 0.8 else None
        d.status = rng.choice(list(DirectiveStatus)).value
    Directive.objects.bulk_update(world.directives, ["deadline", "status"])
    directives = list(Directive.objects.select_related("meeting").prefetch_related("coordinating"))
    for user in world.users:
        expected, data = _expected(user, directives, TODAY), figures(user, TODAY)
        assert {s: n for s, _l, n, _u in data.by_status} == expected["by_status"]
        assert (data.overdue_count, data.soon_count) == (expected["overdue"], expected["soon"])
        assert sorted(r.total for r in data.rates) == sorted(t for _l, t, _d in expected["rates"])
        cutoff = min((t for _l, t, _d in expected["rates"]), default=0)  # ties at the cut may be either lead
        assert {(r.lead_id, r.total, r.done) for r in data.rates if r.total > cutoff} <= set(expected["rates"])
