import datetime

import pytest

from giaoban.directives import deadlines
from giaoban.directives.models import DirectiveStatus
from giaoban.directives.reminders import directive_reminders
from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import briefing_world

TODAY = datetime.date(2022, 6, 25)


@pytest.fixture
def due(db):
    w = briefing_world()
    w.overdue = DirectiveFactory(meeting=w.meeting, lead=w.front, text="Việc quá hạn tháng 5",
                                 deadline=datetime.date(2022, 5, 31), deadline_precision=deadlines.MONTH)
    w.soon = DirectiveFactory(meeting=w.meeting, lead=w.front, text="Việc trong quý II",
                              deadline=datetime.date(2022, 6, 30), deadline_precision=deadlines.QUARTER)
    w.later = DirectiveFactory(meeting=w.meeting, lead=w.front, text="Việc cuối năm",
                               deadline=datetime.date(2022, 12, 31), deadline_precision=deadlines.YEAR)
    w.done = DirectiveFactory(meeting=w.meeting, lead=w.front, text="Việc đã xong", status=DirectiveStatus.DONE,
                              deadline=datetime.date(2022, 5, 1), deadline_precision=deadlines.DAY)
    return w


def _by_text(today):
    return {r.line.split("] ", 1)[1].split(" (")[0]: r for r in directive_reminders(today)}


@pytest.mark.django_db
def test_open_directives_whose_occasion_has_come_are_reminded_to_their_lead(due):
    found = _by_text(TODAY)
    assert set(found) == {"Việc quá hạn tháng 5", "Việc trong quý II"}
    assert {r.organization_id for r in found.values()} == {due.front.pk}
    assert "quá hạn 25 ngày" in found["Việc quá hạn tháng 5"].line
    assert "trong quý II/2022" in found["Việc trong quý II"].line


@pytest.mark.django_db
def test_the_key_names_the_directive_its_deadline_and_the_occasion(due):
    found = _by_text(TODAY)
    # 31/5 + 3 × 7 days = 21/6 is the current "overdue" occasion; 30/6 − 7 days is the one before.
    assert found["Việc quá hạn tháng 5"].key == f"directive:{due.overdue.pk}:2022-05-31:2022-06-21"
    assert found["Việc trong quý II"].key == f"directive:{due.soon.pk}:2022-06-30:2022-06-23"
    assert found["Việc quá hạn tháng 5"].section == "Chỉ đạo quá hạn"


@pytest.mark.django_db
def test_directive_without_lead_reminds_its_coordinating_bodies(due):
    DirectiveFactory(meeting=due.meeting, lead=None, coordinating=[due.farmers, due.front], text="Việc của các xã",
                     deadline=datetime.date(2022, 6, 28), deadline_precision=deadlines.DAY)
    bodies = {r.organization_id for r in directive_reminders(TODAY) if "Việc của các xã" in r.line}
    assert bodies == {due.farmers.pk, due.front.pk}


@pytest.mark.django_db
def test_nothing_due_sends_nothing(due):
    assert list(directive_reminders(datetime.date(2022, 1, 1))) == []


@pytest.mark.django_db
def test_after_a_run_only_directives_with_an_occasion_since_that_run_are_reminded(due):
    # 31/05 + 7k: the overdue directive's occasions are 21/06 and 28/06; the quarter's deadline 30/06 came
    # 7 days before it, on 23/06.
    found = {r.line.split("] ", 1)[1].split(" (")[0] for r in directive_reminders(TODAY, since=TODAY)}
    assert found == set()
    found = {r.line.split("] ", 1)[1].split(" (")[0]
             for r in directive_reminders(TODAY, since=datetime.date(2022, 6, 22))}
    assert found == {"Việc trong quý II"}
    found = {r.line.split("] ", 1)[1].split(" (")[0]
             for r in directive_reminders(TODAY, since=datetime.date(2022, 6, 21))}
    assert found == {"Việc quá hạn tháng 5", "Việc trong quý II"}
