import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.notifications.models import Notification
from giaoban.reports.reminders import missing_reports
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_editors_of_a_body_that_has_not_submitted_get_one_reminder_a_day(bloc_world):
    # The farmers' report is a draft, the Front submitted; deadline of Quý I/2022 is 05/04/2022.
    messages = list(missing_reports(today=datetime.date(2022, 4, 3), days=7))
    assert [m.user for m in messages] == [bloc_world["member_editor"]]
    assert "Hội Nông dân huyện Thử" in messages[0].title and "còn 2 ngày" in messages[0].body
    call_command("remind", today=datetime.date(2022, 4, 3), no_email=True)
    call_command("remind", today=datetime.date(2022, 4, 3), no_email=True)
    assert Notification.objects.filter(user=bloc_world["member_editor"]).count() == 1
    call_command("remind", today=datetime.date(2022, 4, 6), no_email=True)
    assert Notification.objects.filter(user=bloc_world["member_editor"]).count() == 2


def test_no_reminder_long_before_the_deadline_or_once_submitted(bloc_world):
    assert list(missing_reports(today=datetime.date(2022, 2, 15), days=7)) == []
    bloc_world["farmers_report"].status = "submitted"
    bloc_world["farmers_report"].save()
    assert list(missing_reports(today=datetime.date(2022, 4, 3), days=7)) == []


def test_viewers_are_not_reminded(bloc_world):
    MembershipFactory(user=UserFactory(username="chi_xem"), organization=bloc_world["farmers"], role=Role.VIEWER)
    users = {m.user.username for m in missing_reports(today=datetime.date(2022, 4, 10), days=7)}
    assert users == {"bientap_hnd"}


def test_convening_editor_reminds_from_the_consolidation_page(client, bloc_world):
    w = bloc_world
    client.force_login(w["convening_editor"])
    url = reverse("reports:bloc_remind", args=[w["bloc"].pk, w["q1"]])
    page = client.post(url, follow=True).content.decode()
    assert "Đã gửi 1 lời nhắc" in page
    assert Notification.objects.filter(user=w["member_editor"]).count() == 1
    client.force_login(w["convening_reader"])
    assert client.post(url).status_code == 403
