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
