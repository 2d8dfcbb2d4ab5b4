"""The dashboard's shared cache: one entry per set of visible bodies, never a figure older than the last write."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.core import versions
from giaoban.dashboard import caching
from giaoban.dashboard.overview import overview
from giaoban.directives.models import DirectiveStatus, DirectiveUpdate
from giaoban.notifications.models import Notification
from tests.directives.factories import DirectiveFactory
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, period
from tests.meetings.factories import MeetingFactory, briefing_world
from tests.reports.factories import PeriodReportFactory, ReportTemplateFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2022, 6, 15)
LATE = datetime.date(2022, 6, 1)


@pytest.fixture
def world(committed):
    with committed():
        return briefing_world()


def late(world, **fields):
    return DirectiveFactory(meeting=world.meeting, deadline_precision="day",
                            **{"lead": world.front, "deadline": LATE, **fields})


def test_a_second_look_is_served_from_the_shared_entry(world, django_assert_max_num_queries):
    late(world, text="Rà soát hộ nghèo")
    first = overview(world.lead_editor, TODAY)
    with django_assert_max_num_queries(4):  # versions, entry, unread count and list (the bodies: from the memberships)
        again = overview(world.lead_editor, TODAY)
    assert [d.text for d in again.overdue] == [d.text for d in first.overdue] == ["Rà soát hộ nghèo"]


def test_a_new_or_edited_or_deleted_directive_shows_at_once(world, committed):
    overview(world.lead_editor, TODAY)
    with committed():
        directive = late(world, text="Rà soát hộ nghèo")
    assert overview(world.lead_editor, TODAY).overdue_count == 1
    with committed():
        directive.status = DirectiveStatus.DONE
        directive.save()
    data = overview(world.lead_editor, TODAY)
    assert data.overdue_count == 0 and dict((s, n) for s, _l, n, _u in data.by_status)[DirectiveStatus.DONE] == 1
    with committed():
        directive.delete()
    assert dict((s, n) for s, _l, n, _u in overview(world.lead_editor, TODAY).by_status)[DirectiveStatus.DONE] == 0


def test_a_body_added_as_coordinating_shows_its_directive_at_once(world, committed):
    with committed():
        directive = late(world, lead=world.other, text="Phối hợp tuyên truyền")
    assert overview(world.lead_editor, TODAY).overdue_count == 0
    with committed():
        directive.coordinating.add(world.front)
    assert [d.text for d in overview(world.lead_editor, TODAY).overdue] == ["Phối hợp tuyên truyền"]


def test_a_progress_update_replaces_the_version(world, committed):
    with committed():
        directive = late(world)
    before = versions.current(caching.VERSION)
    with committed():
        DirectiveUpdate.objects.create(directive=directive, note="Đã triển khai", percent=50)
    assert versions.current(caching.VERSION) != before


def test_a_submitted_report_leaves_the_missing_list_at_once(world, committed):
    with committed():
        ReportTemplateFactory(bloc=world.bloc, period_type="quarter")
    [bloc] = overview(world.leader, TODAY).reports
    assert bloc.missing == [world.front.name, world.farmers.name]
    with committed():
        PeriodReportFactory(organization=world.front, period=period("Quý II/2022"))
    [bloc] = overview(world.leader, TODAY).reports
    assert bloc.missing == [world.farmers.name]


def test_a_new_meeting_shows_at_once(world, committed):
    assert overview(world.lead_editor, TODAY).meetings == []
    with committed():
        MeetingFactory(host=world.front, date=TODAY + datetime.timedelta(days=3), title="Giao ban tháng 6")
    assert [m.title for m in overview(world.lead_editor, TODAY).meetings] == ["Giao ban tháng 6"]


def test_unread_notifications_are_live_and_never_shared(world):
    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=world.front, role=Role.EDITOR)
    overview(world.lead_editor, TODAY)
    Notification.objects.create(user=world.lead_editor, title="Nhắc việc")  # no version change needed
    assert overview(world.lead_editor, TODAY).unread_count == 1
    assert overview(colleague, TODAY).unread_count == 0


def test_an_uncommitted_write_leaves_the_version_alone(world):
    before = versions.current(caching.VERSION)
    late(world)  # the test's transaction never commits: a rolled-back write must not change the version
    assert versions.current(caching.VERSION) == before


def test_two_users_who_see_the_same_bodies_share_one_entry(world):
    colleague = UserFactory()
    MembershipFactory(user=colleague, organization=world.front, role=Role.VIEWER)
    late(world, text="Rà soát hộ nghèo")
    assert cache.get(caching.cache_key(colleague, TODAY)) is None
    overview(world.lead_editor, TODAY)
    assert caching.cache_key(colleague, TODAY) == caching.cache_key(world.lead_editor, TODAY)
    assert [d.text for d in cache.get(caching.cache_key(colleague, TODAY)).overdue] == ["Rà soát hộ nghèo"]


@time_machine.travel(datetime.datetime(2022, 6, 15, 3, tzinfo=datetime.UTC))
def test_users_of_another_province_never_see_this_ones_cached_figures(world, client):
    late(world, text="Rà soát hộ nghèo của huyện Thử Nghiệm")
    client.force_login(world.lead_editor)
    assert "Rà soát hộ nghèo của huyện Thử Nghiệm" in client.get(reverse("home")).content.decode()
    province = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Khác", type="front_committee")
    stranger = UserFactory()
    MembershipFactory(user=stranger, organization=province, role=Role.ADMIN)
    assert caching.cache_key(stranger, TODAY) != caching.cache_key(world.lead_editor, TODAY)
    client.force_login(stranger)
    page = client.get(reverse("home")).content.decode()
    assert "Rà soát hộ nghèo của huyện Thử Nghiệm" not in page
    assert overview(stranger, TODAY).overdue_count == 0


def test_a_new_day_builds_a_new_entry(world):
    directive = late(world, deadline=TODAY)
    assert overview(world.lead_editor, TODAY).overdue_count == 0
    assert [d.pk for d in overview(world.lead_editor, TODAY + datetime.timedelta(days=1)).overdue] == [directive.pk]


def other_late(world, **fields):
    """A late directive of the other area (its own meeting, hosted there)."""
    meeting = MeetingFactory(host=world.other, title="Giao ban huyện Khác")
    return DirectiveFactory(meeting=meeting, deadline_precision="day",
                            **{"lead": world.other, "deadline": LATE, **fields})


def test_a_write_in_one_area_leaves_another_areas_entry_cached(world, committed, django_assert_max_num_queries):
    with committed():
        other_late(world, text="Việc của huyện Khác")
    overview(world.outsider, TODAY)
    with committed():
        late(world, text="Rà soát hộ nghèo")
    with django_assert_max_num_queries(5):  # still the shared entry: no figure is rebuilt
        data = overview(world.outsider, TODAY)
    assert [d.text for d in data.overdue] == ["Việc của huyện Khác"]
    assert [d.text for d in overview(world.lead_editor, TODAY).overdue] == ["Rà soát hộ nghèo"]


def test_a_write_in_one_area_refreshes_that_areas_entry(world, committed):
    assert overview(world.outsider, TODAY).overdue_count == 0
    with committed():
        other_late(world, text="Việc của huyện Khác")
    assert [d.text for d in overview(world.outsider, TODAY).overdue] == ["Việc của huyện Khác"]


def test_a_directive_reaching_into_another_area_refreshes_that_area_too(world, committed):
    overview(world.lead_editor, TODAY)
    with committed():
        directive = other_late(world, text="Phối hợp liên huyện")
        directive.coordinating.add(world.front)
    assert [d.text for d in overview(world.lead_editor, TODAY).overdue] == ["Phối hợp liên huyện"]
    with committed():
        directive.coordinating.remove(world.front)
    assert overview(world.lead_editor, TODAY).overdue_count == 0


def test_a_lead_moved_to_another_area_leaves_the_old_areas_dashboard(world, committed):
    with committed():
        directive = other_late(world, lead=world.front, text="Giao cho huyện Thử Nghiệm")
    assert overview(world.lead_editor, TODAY).overdue_count == 1
    with committed():
        directive.lead = world.other
        directive.save()
    assert overview(world.lead_editor, TODAY).overdue_count == 0


def test_a_progress_update_replaces_its_areas_version_only(world, committed):
    with committed():
        directive = late(world)
    here, elsewhere = caching.area_version(directive.area), caching.area_version(world.other.tree_path)
    before = versions.current_many([here, elsewhere])
    with committed():
        DirectiveUpdate.objects.create(directive=directive, note="Đã triển khai", percent=50)
    after = versions.current_many([here, elsewhere])
    assert after[0] != before[0] and after[1] == before[1]


def test_a_new_report_template_shows_its_bloc_at_once(world, committed):
    assert overview(world.leader, TODAY).reports == []
    with committed():
        ReportTemplateFactory(bloc=world.bloc, period_type="quarter")
    assert [b.name for b in overview(world.leader, TODAY).reports] == [world.bloc.name]


def test_a_new_bloc_member_is_missing_at_once(world, committed):
    with committed():
        ReportTemplateFactory(bloc=world.bloc, period_type="quarter")
    overview(world.leader, TODAY)
    with committed():
        world.bloc.members.add(world.other)
    [bloc] = overview(world.leader, TODAY).reports
    assert world.other.name in bloc.missing


def test_a_renamed_body_shows_its_new_name_at_once(world, committed):
    with committed():
        late(world)
    overview(world.lead_editor, TODAY)
    with committed():
        world.front.name = "Ủy ban MTTQ Việt Nam huyện Thử Nghiệm Mới"
        world.front.save()
    assert [d.lead_name for d in overview(world.lead_editor, TODAY).overdue] == [world.front.name]


def test_a_body_moved_replaces_the_versions_of_its_old_and_new_area(world, committed):
    old, new = caching.area_version(world.party.tree_path), caching.area_version(world.other.tree_path)
    before = versions.current_many([old, new])
    with committed():
        world.farmers.parent = world.other
        world.farmers.save()
    after = versions.current_many([old, new])
    assert after[0] != before[0] and after[1] != before[1]


def test_users_with_the_same_reach_share_a_key_without_a_query_and_each_language_has_its_own(
        world, django_assert_num_queries):
    colleague = UserFactory(username="dongnghiep")
    MembershipFactory(user=colleague, organization=world.front, role=Role.EDITOR)
    for user in (world.lead_editor, colleague, world.outsider):
        caching.bodies_key(user)  # their memberships read once (as every request does anyway)
    with django_assert_num_queries(0):
        assert caching.bodies_key(colleague) == caching.bodies_key(world.lead_editor)
        assert caching.bodies_key(world.outsider) != caching.bodies_key(world.lead_editor)
    assert caching.cache_key(colleague, TODAY, "html-vi") != caching.cache_key(colleague, TODAY, "html-en")
