import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from giaoban.accounts.models import Role
from giaoban.directives import deadlines
from giaoban.directives.models import DirectiveStatus
from giaoban.directives.reminders import digests
from giaoban.notifications.models import Notification
from tests.directives.factories import DirectiveFactory
from tests.factories import MembershipFactory, UserFactory
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


@pytest.mark.django_db
def test_remind_twice_in_a_row_sends_once(due, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("remind", "--today", TODAY.isoformat(), stdout=None)
    call_command("remind", "--today", TODAY.isoformat(), stdout=None)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [due.lead_editor.email]
    assert "Việc quá hạn tháng 5" in message.body and "Việc trong quý II" in message.body
    assert "Việc cuối năm" not in message.body and "Việc đã xong" not in message.body
    assert "trong quý II/2022" in message.body and "quá hạn 25 ngày" in message.body
    assert Notification.objects.filter(user=due.lead_editor, read_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_next_day_sends_a_new_digest(due, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("remind", "--today", TODAY.isoformat(), stdout=None)
    call_command("remind", "--today", (TODAY + datetime.timedelta(days=1)).isoformat(), stdout=None)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_digest_goes_to_editors_of_the_lead_body_only(due):
    viewer = UserFactory(username="chixem")
    MembershipFactory(user=viewer, organization=due.front, role=Role.VIEWER)
    recipients = {m.user for m in digests(TODAY, 7)}
    assert recipients == {due.lead_editor}
    [message] = digests(TODAY, 7)
    assert message.key == f"directives:{due.front.pk}:{TODAY.isoformat()}"


@pytest.mark.django_db
def test_directive_without_lead_reminds_its_coordinating_bodies(due):
    farmer_editor = UserFactory(username="bientap_hnd")
    MembershipFactory(user=farmer_editor, organization=due.farmers, role=Role.EDITOR)
    DirectiveFactory(meeting=due.meeting, lead=None, coordinating=[due.farmers], text="Việc của các xã",
                     deadline=datetime.date(2022, 6, 28), deadline_precision=deadlines.DAY)
    bodies = {m.key.split(":")[1]: m for m in digests(TODAY, 7)}
    assert "Việc của các xã" in bodies[str(due.farmers.pk)].body


@pytest.mark.django_db
def test_nothing_due_sends_nothing(due):
    assert list(digests(datetime.date(2022, 1, 1), 7)) == []
