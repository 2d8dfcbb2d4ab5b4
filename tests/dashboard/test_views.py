"""The home page is the dashboard: every number links to the list behind it."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import briefing_world

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2022, 6, 15, 3, tzinfo=datetime.UTC))
def test_the_home_page_links_each_figure_to_its_filtered_list(client):
    world = briefing_world()
    DirectiveFactory(meeting=world.meeting, lead=world.front, deadline=datetime.date(2022, 6, 1),
                     deadline_precision="day", text="Rà soát hộ nghèo cuối năm")
    client.force_login(world.lead_editor)
    page = client.get(reverse("home")).content.decode()
    assert "Rà soát hộ nghèo cuối năm" in page and "14 ngày" in page
    assert f"{reverse('directives:list')}?status=open&amp;overdue=on&amp;sort=deadline" in page
    assert "deadline_from=2022-06-15&amp;deadline_to=2022-06-29" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in page and "<table" in page


def test_a_user_without_a_body_is_told_whom_to_ask(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert "Hãy liên hệ quản trị viên" in client.get(reverse("home")).content.decode()


@time_machine.travel(datetime.datetime(2022, 6, 15, 3, tzinfo=datetime.UTC))
def test_a_second_look_renders_the_shared_html_and_reads_only_the_users_own_rows(
        client, monkeypatch, django_assert_max_num_queries):
    world = briefing_world()
    DirectiveFactory(meeting=world.meeting, lead=world.front, deadline=datetime.date(2022, 6, 1),
                     deadline_precision="day", text="Rà soát hộ nghèo cuối năm")
    client.force_login(world.lead_editor)
    first = client.get(reverse("home")).content.decode()
    monkeypatch.setattr("giaoban.dashboard.views.shared_figures", lambda *args: 1 / 0)  # never asked again
    with django_assert_max_num_queries(6):  # session, user, memberships with bodies, versions, entry, unread
        again = client.get(reverse("home")).content.decode()
    assert "Rà soát hộ nghèo cuối năm" in again and again.split("</form>")[-1] == first.split("</form>")[-1]


@time_machine.travel(datetime.datetime(2022, 6, 15, 3, tzinfo=datetime.UTC))
def test_two_users_sharing_the_html_each_see_their_own_notifications(client):
    from giaoban.accounts.models import Role
    from giaoban.notifications.models import Notification
    from tests.factories import MembershipFactory, UserFactory

    world = briefing_world()
    colleague = UserFactory(username="dongnghiep")
    MembershipFactory(user=colleague, organization=world.front, role=Role.EDITOR)
    Notification.objects.create(user=world.lead_editor, title="Nhắc việc của biên tập viên")
    client.force_login(world.lead_editor)
    mine = client.get(reverse("home")).content.decode()
    client.force_login(colleague)
    theirs = client.get(reverse("home")).content.decode()
    assert "Nhắc việc của biên tập viên" in mine and "Nhắc việc của biên tập viên" not in theirs
    assert '<span class="badge"' in mine and '<span class="badge"' not in theirs
