"""The directory of officials and the pickers' suggestions: only people of bodies the user may see."""

import pytest
from django.urls import reverse

from giaoban.meetings.models import Person
from tests.meetings.factories import briefing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = briefing_world()
    Person.objects.create(name="Hoàng Văn Sơn", title="Chủ tịch", organization=world.front)
    Person.objects.create(name="Hồ Thị Sơn", title="Phó Chủ tịch", organization=world.farmers)
    Person.objects.create(name="Hồ Văn Sơn Ngoài", title="Chủ tịch", organization=world.other)
    return world


def test_the_directory_lists_the_people_of_the_users_tree_in_vietnamese_order(client, world):
    client.force_login(world.lead_editor)
    page = client.get(reverse("meetings:people")).content.decode()
    assert page.index("Hoàng Văn Sơn") < page.index("Hồ Thị Sơn")  # o < ô
    assert "Hồ Văn Sơn Ngoài" not in page


def test_the_directory_finds_a_name_typed_without_diacritics(client, world):
    client.force_login(world.lead_editor)
    page = client.get(reverse("meetings:people"), {"q": "ho thi son"}).content.decode()
    assert "Hồ Thị Sơn" in page and "Hoàng Văn Sơn" not in page


def test_suggestions_answer_under_the_inputs_own_name_and_never_cross_the_tree(client, world):
    client.force_login(world.lead_editor)
    options = client.get(reverse("meetings:people_suggest"), {"chairs-0-name": "son"}).content.decode()
    assert 'value="Hoàng Văn Sơn"' in options and 'value="Hồ Thị Sơn"' in options
    assert "Ngoài" not in options
    client.force_login(world.outsider)
    options = client.get(reverse("meetings:people_suggest"), {"chairs-0-name": "son"}).content.decode()
    assert "Hồ Văn Sơn Ngoài" in options and "Hoàng" not in options


def test_a_single_letter_suggests_nothing(client, world):
    client.force_login(world.lead_editor)
    assert "<option" not in client.get(reverse("meetings:people_suggest"), {"q": "s"}).content.decode()


def test_the_meeting_form_never_embeds_names_of_officials_outside_the_users_trees(client, world):
    client.force_login(world.leader)
    for url in (reverse("meetings:create"), reverse("recording:conclusion", args=[world.meeting.pk])):
        response = client.get(url)
        assert response.status_code == 200 and 'id="people-names"' in response.content.decode(), url
        assert "Ngoài" not in response.content.decode() and "Hoàng Văn Sơn" not in response.content.decode(), url
