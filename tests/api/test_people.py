"""The directory of officials in the API: the people page's own query."""

import pytest

from tests.api.conftest import send
from tests.expectations import OFFICIAL, build_world
from tests.meetings.factories import PersonFactory


@pytest.fixture
def world(db):
    return build_world()


def test_it_finds_an_official_without_tone_marks_among_the_bodies_the_user_sees(client, world):
    PersonFactory(name="Hoàng Văn Nam", organization=world.farmers)
    PersonFactory(name="Hoàng Thị Khác", organization=world.other)
    found = send(client, "GET", "/api/v1/people/?q=hoang", world.lead_editor).json()
    assert [p["name"] for p in found["items"]] == ["Hoàng Thị Thu", "Hoàng Văn Nam"]
    assert found["items"][0] == {"id": world.person.pk, "name": OFFICIAL, "title": "Phó Chủ tịch",
                                 "organization_id": world.front.pk}


def test_it_filters_by_organisation(client, world):
    PersonFactory(name="Hoàng Văn Nam", organization=world.farmers)
    found = send(client, "GET", f"/api/v1/people/?organization={world.farmers.pk}", world.lead_editor).json()
    assert [p["name"] for p in found["items"]] == ["Hoàng Văn Nam"]
