"""The ranked hits kept in the shared cache: found again while nothing changed, built anew after
every write that changes what the user's search finds, never shared between users who see
different things."""

import pytest

from giaoban.directives.models import Directive
from giaoban.organisations.models import Organization
from giaoban.search import query
from giaoban.search.models import EntryKind, SearchEntry
from tests.directives.factories import DirectiveFactory
from tests.search.factories import search_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(committed):
    with committed():
        return search_world()


def keys(world, user, text: str) -> set[str]:
    found = {(e.kind, e.object_id) for e in query.in_order(query.found(user, text).ids)}
    return {k for k, v in world.keys.items() if v in found}


def test_it_returns_the_same_hits_in_the_same_order_as_the_search(world):
    expected = list(query.search(world.user, "chuyen doi so").values_list("pk", flat=True))
    assert query.found(world.user, "chuyen doi so").ids == expected
    assert query.found(world.user, "chuyen doi so").ids == expected


def test_a_new_record_is_found_by_the_next_search(world, committed):
    d1 = Directive.objects.get(pk=world.keys["d1"][1])
    assert keys(world, world.user, "kho lanh") == set()
    with committed():
        new = DirectiveFactory(meeting=d1.meeting, lead=d1.lead, text="Xây kho lạnh cho hợp tác xã")
    assert (EntryKind.DIRECTIVE, new.pk) in {(e.kind, e.object_id) for e in
                                             query.in_order(query.found(world.user, "kho lanh").ids)}


def test_an_edited_record_is_found_by_its_new_words_and_not_its_old_ones(world, committed):
    d1 = Directive.objects.get(pk=world.keys["d1"][1])
    assert "d1" in keys(world, world.user, "hien dat")
    with committed():
        d1.text = "Vận động nhân dân làm đường giao thông"
        d1.save()
    assert "d1" not in keys(world, world.user, "hien dat")


def test_a_deleted_record_is_no_longer_found(world, committed):
    assert "d3" in keys(world, world.user, "cua hang so")
    with committed():
        Directive.objects.get(pk=world.keys["d3"][1]).delete()
    assert query.found(world.user, "cua hang so").ids == []


def test_a_record_moving_out_of_a_users_sight_is_no_longer_found_by_them(world, committed):
    """The neighbour province's users find its directive until it is led from the district instead."""
    far = SearchEntry.objects.get(kind=EntryKind.DIRECTIVE, object_id=world.keys["far_d"][1])
    assert keys(world, world.neighbour, "ho son") == {"far_d"}
    home = Directive.objects.get(pk=world.keys["d1"][1])
    with committed():
        directive = Directive.objects.get(pk=far.object_id)
        directive.meeting, directive.lead = home.meeting, home.lead
        directive.save()
    assert keys(world, world.neighbour, "ho son") == set()


def test_users_with_other_memberships_do_not_share_an_entry(world):
    assert keys(world, world.user, "ho son") != keys(world, world.neighbour, "ho son")
    assert "far_d" not in keys(world, world.user, "ho son")


def test_a_body_renamed_or_moved_builds_every_search_anew(world, committed):
    query.found(world.user, "ho son")
    before = SearchEntry.objects.filter(kind=EntryKind.DIRECTIVE, object_id=world.keys["d1"][1])
    before.update(title="x", folded="x", title_folded="x")  # a write no signal sees: the cache still answers
    assert "d1" in keys(world, world.user, "ho son")
    with committed():
        body = Organization.objects.get(pk=Directive.objects.get(pk=world.keys["d1"][1]).lead_id)
        body.name = "Hội Nông dân huyện Mới"
        body.save()
    assert "d1" not in keys(world, world.user, "ho son")
