import datetime
import itertools

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban.accounts.models import Role
from giaoban.directives import deadlines
from giaoban.notifications import reminders
from giaoban.notifications.models import Notification, ReminderPreference, ReminderSettings, SentReminder
from tests.directives.factories import DirectiveFactory
from tests.factories import MembershipFactory
from tests.meetings.factories import briefing_world

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 24)


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def w():
    world = briefing_world()
    # The front's editor also answers for the farmers (no account of their own): one person, two bodies.
    world.front_task = DirectiveFactory(meeting=world.meeting, lead=world.front, text="Việc của Mặt trận",
                                        deadline=TODAY, deadline_precision=deadlines.DAY)
    world.farmers_task = DirectiveFactory(meeting=world.meeting, lead=world.farmers, text="Việc của Hội Nông dân",
                                          deadline=datetime.date(2026, 3, 31), deadline_precision=deadlines.MONTH)
    return world


def _run(day: datetime.date, email: bool = True) -> int:
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(7, 0)), tick=False):
        return reminders.send(reminders.plan(timezone.localdate()), email=email)


def test_one_digest_a_day_per_person_covers_every_body_they_answer_for(w):
    assert _run(TODAY) == 1
    [digest] = Notification.objects.filter(user=w.lead_editor)
    assert "Việc của Mặt trận" in digest.body and "Việc của Hội Nông dân" in digest.body
    assert "đến hạn hôm nay" in digest.body and "trong tháng 3/2026" in digest.body
    [message] = mail.outbox
    assert message.to == [w.lead_editor.email] and "Không muốn nhận thư nhắc việc" in message.body


def test_a_rerun_the_same_day_and_the_next_day_send_nothing_already_sent(w):
    _run(TODAY)
    assert _run(TODAY) == 0
    assert _run(TODAY + datetime.timedelta(days=1)) == 0  # same occasions: nothing new to say
    assert _run(TODAY + datetime.timedelta(days=7)) == 1  # 7 days late, and the month's deadline came
    assert len(mail.outbox) == 2


def test_a_reminder_that_arrives_after_todays_digest_goes_out_tomorrow(w):
    _run(TODAY)
    late = DirectiveFactory(meeting=w.meeting, lead=w.front, text="Việc giao thêm trong ngày",
                            deadline=TODAY + datetime.timedelta(days=3), deadline_precision=deadlines.DAY)
    assert _run(TODAY) == 0
    _run(TODAY + datetime.timedelta(days=1))
    newest = Notification.objects.filter(user=w.lead_editor).first()
    assert late.text in newest.body and "Việc của Mặt trận" not in newest.body


def test_a_person_who_unsubscribed_from_mail_still_sees_it_in_the_app(w):
    ReminderPreference.objects.create(user=w.lead_editor, by_email=False)
    _run(TODAY)
    assert mail.outbox == [] and Notification.objects.filter(user=w.lead_editor).count() == 1


def test_a_person_who_wants_no_reminders_gets_none_and_nothing_is_marked_sent(w):
    ReminderPreference.objects.create(user=w.lead_editor, by_email=False, in_app=False)
    assert _run(TODAY) == 0
    assert not SentReminder.objects.exists()


def test_the_convening_bodys_settings_decide_when(w):
    ReminderSettings.objects.create(organization=w.board, directive_days_before=0, directive_on_the_day=False,
                                    directive_every_days_after=0)
    assert _run(TODAY) == 0


def test_settings_above_the_convening_body_apply_to_it(w):
    ReminderSettings.objects.create(organization=w.party, directive_days_before=20)
    assert ReminderSettings.for_organizations([w.board])[w.board.pk].directive_days_before == 20
    assert ReminderSettings.for_organizations([w.other])[w.other.pk].pk is None  # the defaults


# --- each reminder exactly once ------------------------------------------------------------------

PRECISIONS = [deadlines.DAY, deadlines.MONTH, deadlines.QUARTER, deadlines.HALF, deadlines.YEAR]


def _occasions(deadline, before, on_day, every, until):
    """The schedule written out as a list, independently of Schedule.occasion_for."""
    days = [deadline - datetime.timedelta(days=before)] if before else []
    days += [deadline] if on_day else []
    if every:
        step = deadline + datetime.timedelta(days=every)
        while step <= until:
            days.append(step)
            step += datetime.timedelta(days=every)
    return sorted(set(days))


@pytest.fixture
def world_for_properties():
    return briefing_world()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_day=st.dates(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
       precision=st.sampled_from(PRECISIONS), before=st.integers(0, 14), on_day=st.booleans(),
       every=st.integers(0, 10), start=st.integers(-20, 5), span=st.integers(1, 30),
       second_runs=st.lists(st.booleans(), min_size=30, max_size=30))
def test_each_reminder_is_sent_exactly_once(world_for_properties, given_day, precision, before, on_day, every,
                                            start, span, second_runs):
    w = world_for_properties
    deadline = deadlines.normalise(given_day, precision)
    first = deadline - datetime.timedelta(days=before) + datetime.timedelta(days=start)
    last = first + datetime.timedelta(days=span)
    with transaction.atomic():
        ReminderSettings.objects.update_or_create(organization=w.board, defaults={
            "directive_days_before": before, "directive_on_the_day": on_day, "directive_every_days_after": every})
        directive = DirectiveFactory(meeting=w.meeting, lead=w.front, deadline=deadline, deadline_precision=precision)
        sent_on = []
        for offset in range(span + 1):
            day = first + datetime.timedelta(days=offset)
            for _run_again in range(2 if second_runs[offset % 30] else 1):
                if _run(day, email=False):
                    sent_on.append(day)
        keys = list(SentReminder.objects.filter(key__startswith=f"directive:{directive.pk}:")
                    .values_list("key", flat=True))
        digests = Notification.objects.filter(user=w.lead_editor, body__contains=directive.text).count()
        transaction.set_rollback(True)
    schedule = _occasions(deadline, before, on_day, every, last)
    expected = [d for d in schedule if first <= d <= last]
    # The occasion current when the runs began is caught up on the first day, unless a newer one falls on it.
    caught_up = [d for d in schedule if d < first][-1:] if first not in schedule else []
    assert sorted(k.rsplit(":", 1)[1] for k in keys) == [d.isoformat() for d in caught_up + expected]
    assert digests == len(keys) and len(sent_on) == len(set(sent_on))  # never twice, at most one digest a day
    assert sent_on == ([first] if caught_up else []) + expected


def test_reminders_reach_nobody_without_an_editor_on_or_above_the_body(w):
    w.lead_editor.memberships.all().delete()
    MembershipFactory(user=w.lead_editor, organization=w.front, role=Role.VIEWER)
    assert _run(TODAY) == 0


# --- bounded runs -------------------------------------------------------------------------------


def _remind_queries(day: datetime.date) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with time_machine.travel(datetime.datetime.combine(day, datetime.time(7, 0)), tick=False), \
            CaptureQueriesContext(connection) as queries:
        list(reminders.due(day, since=reminders.last_run(day)))
    return len(queries)


def test_a_run_after_a_recorded_one_reads_the_same_whatever_the_overdue_directives_held(w):
    def hold_overdue(n: int) -> None:  # reminded every 7 days after 05/03: on 19/03, then not until 26/03
        for _i in range(n):
            DirectiveFactory(meeting=w.meeting, lead=w.front, deadline=datetime.date(2026, 3, 5),
                             deadline_precision=deadlines.DAY)

    reminders.record_run(TODAY - datetime.timedelta(days=1))
    hold_overdue(10)
    few = _remind_queries(TODAY)
    hold_overdue(300)
    assert _remind_queries(TODAY) == few
    assert [d.reminders for d in reminders.plan(TODAY, since=reminders.last_run(TODAY))][0][0].key.startswith(
        f"directive:{w.front_task.pk}:")


def test_people_are_looked_up_in_batches(w, monkeypatch):
    for n in range(4):  # four more bodies, each with its own editor and a directive due today
        body = type(w.front).objects.create(name=f"Chi hội {n}", parent=w.front, type=w.front.type, level=w.front.level)
        MembershipFactory(organization=body, role=Role.EDITOR)
        DirectiveFactory(meeting=w.meeting, lead=body, deadline=TODAY, deadline_precision=deadlines.DAY)
    one_batch = _remind_queries(TODAY)
    monkeypatch.setattr(reminders, "PEOPLE_BATCH", 2)
    # 5 people: 3 batches of ≤ 2 instead of 1, each with its user look-up and its 3 ledger look-ups.
    assert _remind_queries(TODAY) == one_batch + 2 * 4


def test_the_command_records_its_run_and_the_next_day_reads_from_there(w, time_machine):
    from django.core.management import call_command

    from giaoban.notifications.models import ReminderRun

    time_machine.move_to(datetime.datetime(2026, 3, 24, 7, 0), tick=False)
    call_command("remind", "--no-email", stdout=__import__("io").StringIO())
    assert list(ReminderRun.objects.values_list("day", flat=True)) == [TODAY]
    assert reminders.last_run(TODAY + datetime.timedelta(days=1)) == TODAY


# --- streamed in the order of the tree ------------------------------------------------------------


@pytest.fixture
def country():
    """A generated province: communes with a Front committee and member bodies, some with their own editors and
    some without (the province's editor answers for those), one person editing two communes far apart in the
    tree, directives led by a body or shared by several, and quarterly reports not all submitted."""
    import random

    from giaoban.organisations.models import OrganizationType
    from tests.factories import BlocFactory, OrganizationFactory, UserFactory
    from tests.meetings.factories import MeetingFactory
    from tests.reports.factories import PeriodReportFactory, ReportTemplateFactory, period

    rng = random.Random(16)
    province = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Sinh", type=OrganizationType.FRONT_COMMITTEE)
    MembershipFactory(user=UserFactory(username="bientap_tinh"), organization=province, role=Role.EDITOR)
    roaming = UserFactory(username="bientap_hai_xa")
    bodies, communes = [], []
    for n in range(12):
        front = OrganizationFactory(name=f"Ủy ban MTTQ xã Sinh {n}", parent=province)
        members = [OrganizationFactory(name=f"{kind} xã Sinh {n}", parent=front, type=kind)
                   for kind in ("farmers_union", "youth_union", "womens_union")]
        if n % 3:
            MembershipFactory(user=UserFactory(username=f"bientap_xa_{n}"), organization=front, role=Role.EDITOR)
        if n % 4 == 1:
            MembershipFactory(organization=members[0], role=Role.EDITOR)
        if n in (2, 11):
            MembershipFactory(user=roaming, organization=front, role=Role.EDITOR)
        bloc = BlocFactory(name=f"Khối xã Sinh {n}", convening=front, members=[front, *members])
        ReportTemplateFactory(bloc=bloc, period_type="quarter", deadline_days=-7)  # Quý I/2026: due today
        for member in members[:n % 3]:
            PeriodReportFactory(organization=member, period=period("Quý I/2026"), status="submitted")
        communes.append((front, bloc))
        bodies += [front, *members]
    for _i in range(60):
        front, bloc = rng.choice(communes)
        deadline = TODAY + datetime.timedelta(days=rng.randint(-40, 10))
        meeting = MeetingFactory(host=front, bloc=bloc)
        if rng.random() < 0.3:
            DirectiveFactory(meeting=meeting, lead=None, coordinating=rng.sample(bodies, 3), deadline=deadline,
                             deadline_precision=deadlines.DAY)
        else:
            DirectiveFactory(meeting=meeting, lead=rng.choice(bodies), deadline=deadline,
                             deadline_precision=deadlines.DAY)
    return bodies


def _described(digests) -> list[tuple[str, str, str]]:
    return sorted((d.user.username, d.title, d.body()) for d in digests)


def test_streamed_digests_are_those_planned_from_every_reminder_held_at_once(country, monkeypatch):
    everything = reminders.gather(TODAY)
    # The order the reminders were planned in before they were streamed: provider by provider, each in its own.
    ranked = [reminder for _rank, reminder in sorted(reminders._merged(TODAY, None), key=lambda i: (i[0], i[1].order))]
    held = _described(reminders.plan(TODAY, ranked))
    monkeypatch.setattr(reminders, "PEOPLE_BATCH", 1)  # every person flushed on their own
    streamed = _described(reminders.due(TODAY))
    assert streamed == held
    assert len(held) >= 8 and len(everything) > 60
    assert any(name == "bientap_hai_xa" for name, _t, _b in held)
    assert any("Báo cáo chưa nộp" in body and "Chỉ đạo quá hạn" in body for _n, _t, body in held)


def test_the_streamed_run_sends_each_reminder_once_and_a_rerun_sends_nothing(country):
    sent = reminders.send(reminders.due(TODAY), email=False)
    assert sent == Notification.objects.count() > 0
    assert SentReminder.objects.count() == len({(u, k) for u, k in SentReminder.objects.values_list("user", "key")})
    assert reminders.send(reminders.due(TODAY), email=False) == 0


def test_providers_yield_in_the_order_of_the_bodies_tree_paths(country):
    paths = [reminder.path for reminder in reminders.gather(TODAY)]
    assert paths == sorted(paths) and len(set(paths)) > 10
    assert any(len(p.split("/")) != len(q.split("/")) for p, q in itertools.pairwise(paths))  # levels interleave


def test_a_provider_out_of_order_is_refused(w, monkeypatch):
    found = [reminders.Reminder(w.front.pk, "a", "x", "-", path="/2/"),
             reminders.Reminder(w.front.pk, "b", "x", "-", path="/10/")]
    monkeypatch.setattr(reminders, "_providers", lambda: iter([lambda today: iter(found)]))
    with pytest.raises(ValueError, match="out of tree path order"):
        list(reminders.due(TODAY))


def test_the_queries_of_a_run_do_not_grow_with_the_chunks_of_directives(w, monkeypatch):
    from giaoban.directives import reminders as directive_reminders

    monkeypatch.setattr(directive_reminders, "CHUNK", 3)
    for _i in range(4):
        DirectiveFactory(meeting=w.meeting, lead=w.farmers, deadline=TODAY, deadline_precision=deadlines.DAY)
    few = _remind_queries(TODAY)
    for _i in range(20):
        DirectiveFactory(meeting=w.meeting, lead=w.farmers, deadline=TODAY, deadline_precision=deadlines.DAY)
    assert _remind_queries(TODAY) == few


def test_a_digest_another_run_stored_meanwhile_is_skipped_and_the_rest_of_its_commit_kept(country, monkeypatch):
    monkeypatch.setattr(reminders, "SEND_BATCH", 3)
    digests = list(reminders.due(TODAY))
    taken = digests[1].user
    Notification.objects.create(user=taken, key=f"digest:{TODAY.isoformat()}", title="Bản của lần chạy khác")
    assert reminders.send(digests, email=False) == len(digests) - 1
    assert Notification.objects.count() == len(digests)
    assert not SentReminder.objects.filter(user=taken).exists()
    assert SentReminder.objects.filter(user=digests[2].user).count() == len(digests[2].reminders)
