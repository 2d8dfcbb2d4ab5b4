import pytest

from giaoban.directives import scope
from giaoban.directives.models import Directive
from tests.directives.factories import DirectiveFactory
from tests.factories import BlocFactory, OrganizationFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_provinces():
    return OrganizationFactory(name="Ủy ban MTTQ tỉnh Một"), OrganizationFactory(name="Ủy ban MTTQ tỉnh Hai")


def _stored(directive: Directive) -> tuple[str, bool]:
    return tuple(Directive.objects.filter(pk=directive.pk).values_list("area", "reaches_out").get())


def test_top_path_is_the_first_body_of_the_path():
    assert scope.top_path("/12/340/5/") == "/12/"
    assert scope.top_path("/12/") == "/12/"


def test_a_directive_is_stored_in_the_area_of_its_meetings_host(two_provinces):
    one, _two = two_provinces
    commune = OrganizationFactory(name="Ủy ban MTTQ xã Một", parent=one)
    directive = DirectiveFactory(meeting=MeetingFactory(host=commune), lead=commune)
    assert _stored(directive) == (one.tree_path, False)


def test_a_lead_or_coordinating_body_of_another_area_makes_it_reach_out(two_provinces):
    one, two = two_provinces
    led = DirectiveFactory(meeting=MeetingFactory(host=one), lead=two)
    coordinated = DirectiveFactory(meeting=MeetingFactory(host=one), lead=one)
    assert _stored(led) == (one.tree_path, True)
    coordinated.coordinating.add(two)
    assert _stored(coordinated) == (one.tree_path, True)
    coordinated.coordinating.remove(two)
    assert _stored(coordinated) == (one.tree_path, False)
    two.coordinated_directives.add(coordinated)
    assert _stored(coordinated) == (one.tree_path, True)


def test_moving_a_meeting_to_another_host_moves_its_directives(two_provinces):
    one, two = two_provinces
    meeting = MeetingFactory(host=one)
    directive = DirectiveFactory(meeting=meeting, lead=two)
    meeting.host = two
    meeting.save()
    assert _stored(directive) == (two.tree_path, False)


def test_a_bloc_member_of_another_area_makes_its_meetings_directives_reach_out(two_provinces):
    one, two = two_provinces
    bloc = BlocFactory(convening=one, members=[one])
    directive = DirectiveFactory(meeting=MeetingFactory(host=one, bloc=bloc), lead=one)
    assert _stored(directive) == (one.tree_path, False)
    bloc.members.add(two)
    assert _stored(directive) == (one.tree_path, True)
    bloc.members.remove(two)
    assert _stored(directive) == (one.tree_path, False)


def test_moving_a_body_under_another_top_moves_what_it_hosts(two_provinces, django_capture_on_commit_callbacks):
    one, two = two_provinces
    commune = OrganizationFactory(name="Ủy ban MTTQ xã Chuyển", parent=one)
    hosted = DirectiveFactory(meeting=MeetingFactory(host=commune), lead=commune)
    led_elsewhere = DirectiveFactory(meeting=MeetingFactory(host=one), lead=commune)
    with django_capture_on_commit_callbacks(execute=True):
        commune.parent = two
        commune.save()
    assert _stored(hosted) == (two.tree_path, False)
    assert _stored(led_elsewhere) == (one.tree_path, True)


def test_refresh_fills_rows_inserted_without_their_area(two_provinces):
    one, _two = two_provinces
    directive = DirectiveFactory(meeting=MeetingFactory(host=one), lead=one)
    Directive.objects.filter(pk=directive.pk).update(area="")
    assert scope.refresh(Directive.objects.all()) == 1
    assert _stored(directive) == (one.tree_path, False)


def test_a_bulk_insert_stores_the_area_and_meeting_day_too(two_provinces):
    one, _two = two_provinces
    meeting = MeetingFactory(host=OrganizationFactory(name="Ủy ban MTTQ xã Hàng Loạt", parent=one))
    [made] = Directive.objects.bulk_create([Directive(meeting=meeting, text="Việc nhập hàng loạt")])
    assert Directive.objects.filter(pk=made.pk).values_list("area", "meeting_date").get() == (one.tree_path,
                                                                                              meeting.date)


def test_changing_a_meetings_day_changes_its_directives_day(two_provinces):
    import datetime

    meeting = MeetingFactory(host=two_provinces[0])
    directive = DirectiveFactory(meeting=meeting)
    meeting.date = datetime.date(2023, 5, 17)
    meeting.save()
    assert Directive.objects.get(pk=directive.pk).meeting_date == datetime.date(2023, 5, 17)


def test_rebuild_scope_fills_the_area_and_finds_what_reaches_out(two_provinces):
    one, two = two_provinces
    inside = DirectiveFactory(meeting=MeetingFactory(host=one), lead=one)
    outside = DirectiveFactory(meeting=MeetingFactory(host=one), lead=one, coordinating=[two])
    Directive.objects.update(area="", reaches_out=False)
    scope.rebuild_scope()
    assert _stored(inside) == (one.tree_path, False)
    assert _stored(outside) == (one.tree_path, True)
    Directive.coordinating.through.objects.filter(directive=outside).delete()  # no signal: rebuild finds it
    scope.rebuild_scope()
    assert _stored(outside) == (one.tree_path, False)


def test_rebuild_scope_agrees_with_each_rows_own_scope_for_every_way_of_reaching_out(two_provinces):
    one, two = two_provinces
    member_bloc, convened_bloc = BlocFactory(convening=one, members=[one, two]), BlocFactory(convening=two)
    rows = [DirectiveFactory(meeting=MeetingFactory(host=one), lead=one),
            DirectiveFactory(meeting=MeetingFactory(host=one), lead=two),
            DirectiveFactory(meeting=MeetingFactory(host=one, bloc=member_bloc), lead=one),
            DirectiveFactory(meeting=MeetingFactory(host=one, bloc=convened_bloc), lead=one)]
    expected = [_stored(d) for d in rows]
    Directive.objects.update(area="", reaches_out=False)
    scope.rebuild_scope()
    assert [_stored(d) for d in rows] == expected == [(one.tree_path, False), *[(one.tree_path, True)] * 3]
    Directive.objects.update(reaches_out=True)
    scope.rebuild_scope()
    assert [_stored(d) for d in rows] == expected
