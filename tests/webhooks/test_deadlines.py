"""Due and overdue events: queued by the timer's run, once per directive and deadline, never by a save."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from giaoban.webhooks.deadlines import queue_deadline_events
from giaoban.webhooks.models import Webhook
from tests.directives.factories import DirectiveFactory
from tests.factories import OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory

DEADLINE = datetime.date(2026, 6, 30)


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    """That hour of that day in the project's time zone (UTC+7): "today" is the day in Việt Nam."""
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _day(offset: int) -> datetime.date:
    return DEADLINE + datetime.timedelta(days=offset)


@pytest.fixture
def setup(db):
    """A district's webhook (registered a month before the deadline) and a directive led by a body below it."""
    province = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Hạn")
    district = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện Hạn", parent=province)
    with time_machine.travel(_at(_day(-30)), tick=False):
        hook = Webhook.objects.create(organization=province, url="http://127.0.0.1:9/hook")
        other = Webhook.objects.create(organization=OrganizationFactory(name="Tỉnh khác"), url="http://127.0.0.1:9/x")
        directive = DirectiveFactory(meeting=MeetingFactory(host=district), lead=district, deadline=DEADLINE,
                                     deadline_precision="day")
    return hook, other, directive


def _run(day: datetime.date, hour: int = 9) -> int:
    with time_machine.travel(_at(day, hour), tick=False):
        return queue_deadline_events()


def _events(hook) -> list[str]:
    return list(hook.deliveries.order_by("pk").values_list("event", flat=True))


def test_due_on_the_deadline_then_overdue_the_day_after_each_queued_once(setup):
    hook, other, directive = setup
    assert _run(_day(-1)) == 0
    assert _run(_day(0), 0) == 1
    assert _run(_day(0), 18) == 0
    assert _run(_day(1)) == 1
    assert _run(_day(2)) == 0
    assert _events(hook) == ["directive.created", "directive.due", "directive.overdue"]
    assert _events(other) == []
    due = hook.deliveries.get(event="directive.due").payload
    assert due["data"] == {"id": directive.pk, "meeting_id": directive.meeting_id, "text": directive.text,
                           "lead_id": directive.lead_id, "status": "new", "deadline": "2026-06-30"}


def test_a_run_missed_on_the_deadline_day_still_sends_both(setup):
    hook, _other, _directive = setup
    assert _run(_day(3)) == 2
    assert _events(hook)[1:] == ["directive.due", "directive.overdue"]


def test_a_directive_done_in_time_is_neither_due_nor_overdue(setup):
    hook, _other, directive = setup
    with time_machine.travel(_at(_day(-2)), tick=False):
        directive.close(user=UserFactory(), status="done", reason="Xong trước hạn")
    _run(_day(0))
    _run(_day(1))
    assert _events(hook) == ["directive.created", "directive.done"]


def test_a_deadline_moved_later_is_heard_again_when_it_comes(setup):
    hook, _other, directive = setup
    _run(_day(0))
    directive.deadline = _day(14)
    directive.save()
    assert _run(_day(1)) == 0
    assert _run(_day(14)) == 1
    assert _events(hook)[1:] == ["directive.due", "directive.due"]


def test_a_webhook_does_not_hear_of_directives_that_were_late_before_it_was_registered(db):
    district = OrganizationFactory(name="Huyện Cũ")
    with time_machine.travel(_at(_day(-60)), tick=False):
        DirectiveFactory(meeting=MeetingFactory(host=district), lead=district, deadline=_day(-50))
    with time_machine.travel(_at(_day(0)), tick=False):
        hook = Webhook.objects.create(organization=district, url="http://127.0.0.1:9/late")
        assert queue_deadline_events() == 0
    assert _events(hook) == []


def test_saving_a_directive_due_today_queues_only_created(db):
    district = OrganizationFactory(name="Huyện Lưu")
    with time_machine.travel(_at(_day(0)), tick=False):
        hook = Webhook.objects.create(organization=district, url="http://127.0.0.1:9/save")
        DirectiveFactory(meeting=MeetingFactory(host=district), lead=district, deadline=DEADLINE)
    assert _events(hook) == ["directive.created"]


def test_the_timer_command_queues_and_sends_them(setup, receiver):
    hook, _other, _directive = setup
    hook.url = receiver.url
    hook.save()
    receiver.start()
    with time_machine.travel(_at(_day(1)), tick=False):
        call_command("deliver-webhooks", stdout=StringIO())
    events = sorted(receiver.json(i)["event"] for i in range(len(receiver.received)))
    assert events == ["directive.created", "directive.due", "directive.overdue"]
