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
    assert scope.user_areas(_member(commune)) == ([str(province.pk)], [])
    assert scope.user_areas(_member(province)) == ([str(province.pk)], [str(province.pk)])
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



def test_a_coordinating_body_removed_no_longer_finds_the_directive_even_as_province_admin():
    home, far = OrganizationFactory(), OrganizationFactory()
    directive = DirectiveFactory(meeting=MeetingFactory(host=home), lead=home, text="Vận động xây nhà đại đoàn kết",
                                 coordinating=[far])
    admin = _member(far, Role.ADMIN)
    assert _keys(admin, "dai doan ket") == {("directive", directive.pk)}
    directive.coordinating.remove(far)
    assert _keys(admin, "dai doan ket") == set()


def test_a_meeting_moved_to_another_host_takes_its_directives_out_of_the_old_province():
    home, far = OrganizationFactory(), OrganizationFactory()
    meeting = MeetingFactory(host=home, title="Giao ban tháng")
    directive = DirectiveFactory(meeting=meeting, lead=None, text="Rà soát hộ cận nghèo")
    admin = _member(home, Role.ADMIN)
    assert _keys(admin, "can ngheo") == {("directive", directive.pk)}
    meeting.host = far
    meeting.save()
    assert _keys(admin, "can ngheo") == set()
    assert _keys(_member(far), "can ngheo") == {("directive", directive.pk)}


def test_a_member_leaving_a_bloc_no_longer_finds_its_meetings():
    home, far = OrganizationFactory(), OrganizationFactory()
    bloc = BlocFactory(convening=home, members=[far])
    meeting = MeetingFactory(host=home, bloc=bloc, title="Giao ban khối liên tỉnh")
    admin = _member(far, Role.ADMIN)
    assert _keys(admin, "lien tinh") == {("meeting", meeting.pk)}
    bloc.members.clear()
    assert _keys(admin, "lien tinh") == set()


def test_a_viewer_of_one_body_in_a_province_sees_only_what_the_rules_let_them():
    province = OrganizationFactory()
    farmers, women = OrganizationFactory(parent=province), OrganizationFactory(parent=province)
    ours = DirectiveFactory(meeting=MeetingFactory(host=farmers), lead=farmers, text="Tập huấn trồng lúa")
    DirectiveFactory(meeting=MeetingFactory(host=women), lead=women, text="Tập huấn trồng lúa cho phụ nữ")
    assert _keys(_member(farmers), "trong lua") == {("directive", ours.pk)}
    assert len(_keys(_member(province), "trong lua")) == 2


def test_a_commune_moved_to_another_province_takes_its_rows_along(django_capture_on_commit_callbacks):
    old, new = OrganizationFactory(), OrganizationFactory()
    commune = OrganizationFactory(parent=old, level=Level.COMMUNE)
    directive = DirectiveFactory(meeting=MeetingFactory(host=commune), lead=commune, text="Sáp nhập thôn bản")
    old_admin, new_admin = _member(old, Role.ADMIN), _member(new, Role.ADMIN)
    assert _keys(old_admin, "sap nhap") == {("directive", directive.pk)}
    with django_capture_on_commit_callbacks(execute=True):
        commune.parent = new
        commune.save()
    assert _keys(old_admin, "sap nhap") == set()
    assert _keys(new_admin, "sap nhap") == {("directive", directive.pk)}
