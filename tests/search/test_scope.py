"""The areas a search entry lists, and the areas a user's search runs in: wider than who sees an
entry is allowed, narrower never (a body of another province that may see a row still finds it)."""

import pytest

from giaoban.accounts.models import Role
from giaoban.organisations.models import Level
from giaoban.search import query, scope
from giaoban.search.models import EntryKind, SearchEntry
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory
from tests.factories import BlocFactory, MembershipFactory, OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _member(org, role=Role.VIEWER):
    user = UserFactory()
    MembershipFactory(user=user, organization=org, role=role)
    return user


def _keys(user, text: str) -> set[tuple[str, int]]:
    return {(e.kind, e.object_id) for e in query.search(user, text)}


def test_a_body_below_a_central_body_has_its_province_as_area():
    centre = OrganizationFactory(level=Level.CENTRAL)
    province = OrganizationFactory(parent=centre, level=Level.PROVINCE)
    commune = OrganizationFactory(parent=OrganizationFactory(parent=province), level=Level.COMMUNE)
    assert scope.Areas().of([commune.pk, province.pk]) == {province.pk}
    assert scope.Areas().of([centre.pk]) == {centre.pk}


def test_a_commune_user_searches_in_their_province_and_a_central_member_everywhere():
    centre = OrganizationFactory(level=Level.CENTRAL)
    province = OrganizationFactory(parent=centre, level=Level.PROVINCE)
    commune = OrganizationFactory(parent=province, level=Level.COMMUNE)
    assert scope.user_areas(_member(commune)) == [str(province.pk)]
    assert scope.user_areas(_member(centre)) is None
    assert scope.user_areas(UserFactory(is_superuser=True)) is None


def test_entries_list_the_areas_of_lead_host_and_bloc():
    home, far = OrganizationFactory(), OrganizationFactory()
    bloc = BlocFactory(convening=home, members=[OrganizationFactory(parent=far)])
    directive = DirectiveFactory(meeting=MeetingFactory(host=home, bloc=bloc), lead=home)
    entry = SearchEntry.objects.get(kind=EntryKind.DIRECTIVE, object_id=directive.pk)
    assert set(entry.scope.split()) == {str(home.pk), str(far.pk)}


def test_a_coordinating_body_of_another_province_finds_the_directive_and_its_updates():
    home, far = OrganizationFactory(), OrganizationFactory()
    directive = DirectiveFactory(meeting=MeetingFactory(host=home), lead=home, text="Vận động xây nhà đại đoàn kết")
    update = DirectiveUpdateFactory(directive=directive, organization=home, note="Đã xây 3 nhà đại đoàn kết")
    user = _member(far)
    assert _keys(user, "dai doan ket") == set()
    directive.coordinating.add(far)
    assert _keys(user, "dai doan ket") == {("directive", directive.pk), ("update", update.pk)}


def test_a_new_bloc_member_of_another_province_finds_the_blocs_meetings():
    home, far = OrganizationFactory(), OrganizationFactory()
    bloc = BlocFactory(convening=home, members=[])
    meeting = MeetingFactory(host=home, bloc=bloc, title="Giao ban khối liên tỉnh")
    directive = DirectiveFactory(meeting=meeting, lead=home, text="Giao ban khối liên tỉnh: rà soát hộ nghèo")
    user = _member(far)
    assert _keys(user, "lien tinh") == set()
    bloc.members.add(far)
    assert _keys(user, "lien tinh") == {("meeting", meeting.pk), ("directive", directive.pk)}

