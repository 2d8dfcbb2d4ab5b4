"""Areas: the top body above a body, and the areas a meeting concerns (its host's and its bloc's bodies')."""

import pytest

from giaoban.meetings.models import Meeting
from giaoban.organisations import areas
from tests.factories import BlocFactory, OrganizationFactory


def test_top_path_is_the_first_body_of_the_path():
    assert areas.top_path("/12/340/5/") == "/12/"
    assert areas.top_path("/12/") == "/12/"
    assert areas.top_path("") == ""


@pytest.mark.django_db
def test_a_meeting_concerns_the_areas_of_its_host_and_of_its_blocs_bodies():
    province, other, third = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    commune = OrganizationFactory(parent=province)
    bloc = BlocFactory(convening=commune, members=[commune, OrganizationFactory(parent=other)])
    assert areas.of_meeting(Meeting(host=commune)) == {province.tree_path}
    assert areas.of_meeting(Meeting(host=third, bloc=bloc)) == {third.tree_path, province.tree_path,
                                                                 other.tree_path}
    assert areas.of_bodies([None]) == set() and areas.of_bloc(None) == set()
