"""The directive lists in the shared cache: one entry per list, query, day, language and memberships,
never older than the last write the list shows, never shared by users who see different things."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.core import versions
from giaoban.directives import deadlines, listcache
from giaoban.directives.models import DirectiveStatus
from giaoban.directives.scope import top_path
from tests.directives.factories import DirectiveFactory
from tests.factories import AdminUnitFactory, MembershipFactory, UserFactory
from tests.meetings.factories import MeetingFactory, briefing_world

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2022, 6, 15)
LIST = reverse("directives:list")
MINE = reverse("directives:mine")


@pytest.fixture
def world(committed):
    with committed():
        world = briefing_world()
        world.directive = DirectiveFactory(meeting=world.meeting, lead=world.front, text="Rà soát hộ nghèo",
                                           deadline=datetime.date(2022, 6, 30), deadline_precision=deadlines.MONTH)
    return world


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client
    return login


def page(client, url: str = LIST, **params) -> str:
    return client.get(url, params).content.decode()


def results(html: str) -> str:
    """The list's results (the rest of the page carries a per-response CSRF token)."""
    return html[html.index('<div id="results">'):html.index("</main>")]


def test_a_second_look_is_served_from_the_shared_entry(world, as_user, django_assert_max_num_queries):
    client = as_user(world.leader)
    first = page(client)
    with django_assert_max_num_queries(7):  # session, user, memberships, versions, entry, unread count
        again = page(client)
    assert "Rà soát hộ nghèo" in first and results(again) == results(first)


def test_queries_of_a_list_built_afresh_do_not_grow_with_the_rows(world, as_user, committed,
                                                                  django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(world.leader)

    def built_afresh() -> int:
        with committed():
            listcache.bump([world.directive.area])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    few = built_afresh()
    with committed():
        DirectiveFactory.create_batch(60, meeting=world.meeting, lead=world.farmers)  # more than a page
    assert built_afresh() == few


def test_a_progress_report_by_another_user_shows_at_once(world, as_user, committed):
    client = as_user(world.leader)
    assert "Đã huy động 30 hộ" not in page(client)
    with committed():
        world.directive.record_progress(user=world.lead_editor, organization=world.front, note="Đã huy động 30 hộ",
                                        percent=40)
    html = page(client)
    assert "Đã huy động 30 hộ" in html and "(40%)" in html


def test_an_edit_a_closing_and_a_new_directive_show_at_once(world, as_user, committed):
    client = as_user(world.leader)
    page(client)
    with committed():
        world.directive.text = "Rà soát hộ cận nghèo"
        world.directive.save()
    assert "Rà soát hộ cận nghèo" in page(client)
    with committed():
        world.directive.close(user=world.leader, status=DirectiveStatus.DONE, reason="Xong")
    assert "Rà soát hộ cận nghèo" not in page(client, status="open")
    with committed():
        DirectiveFactory(meeting=world.meeting, lead=world.farmers, text="Vận động quỹ vì người nghèo")
    assert "Vận động quỹ vì người nghèo" in page(client)


def test_a_place_added_to_a_directive_shows_at_once(world, as_user, committed):
    client = as_user(world.leader)
    page(client)
    with committed():
        world.directive.places.add(AdminUnitFactory(short_name="Hồ Sơn", name="Xã Hồ Sơn"))
    assert "Hồ Sơn" in page(client)


def test_a_renamed_meeting_or_lead_body_shows_at_once(world, as_user, committed):
    client = as_user(world.leader)
    page(client)
    with committed():
        world.meeting.title = "Hội nghị giao ban quý I/2022 (đã sửa tên)"
        world.meeting.save()
    assert "(đã sửa tên)" in page(client)
    with committed():
        world.front.name = "Ủy ban MTTQ Việt Nam huyện Thử Nghiệm Mới"
        world.front.save()
    assert "Thử Nghiệm Mới" in page(client)


def test_a_directive_reaching_out_shows_at_once_where_it_reaches(world, as_user, committed):
    """A directive of another area led by a body here is seen here: its writes replace this area's version."""
    client = as_user(world.outsider)  # sees the other district only
    assert "Hỗ trợ huyện bạn" not in page(client)
    elsewhere = MeetingFactory(host=world.party, bloc=world.bloc, title="Giao ban riêng")
    with committed():
        directive = DirectiveFactory(meeting=elsewhere, lead=world.other, text="Hỗ trợ huyện bạn")
    assert "Hỗ trợ huyện bạn" in page(client)
    with committed():
        elsewhere.title = "Giao ban riêng (đổi tên)"
        elsewhere.save()
    assert "(đổi tên)" in page(client)
    with committed():
        directive.lead = world.front
        directive.save()
    assert "Hỗ trợ huyện bạn" not in page(client)


def test_two_users_with_different_visibility_never_share_an_entry(world, as_user, committed):
    with committed():
        DirectiveFactory(meeting=MeetingFactory(host=world.other, bloc=None), lead=world.other,
                         text="Việc của huyện khác")
    here = page(as_user(world.leader))
    there = page(as_user(world.outsider))
    assert "Rà soát hộ nghèo" in here and "Việc của huyện khác" not in here
    assert "Việc của huyện khác" in there and "Rà soát hộ nghèo" not in there


def test_the_report_button_is_offered_only_to_those_who_may_report(world, as_user):
    viewer = UserFactory(username="xem_mttq")
    MembershipFactory(user=viewer, organization=world.front, role=Role.VIEWER)
    assert "Báo cáo tiến độ</a>" in page(as_user(world.lead_editor), MINE)
    html = page(as_user(viewer), MINE)
    assert "Rà soát hộ nghèo" in html and "Báo cáo tiến độ</a>" not in html


def test_the_overdue_mark_follows_the_day(world, as_user):
    client = as_user(world.leader)
    with time_machine.travel(datetime.datetime(2022, 6, 15, 9, 0), tick=False):
        assert 'class="overdue"' not in results(page(client))
    with time_machine.travel(datetime.datetime(2022, 7, 1, 9, 0), tick=False):
        assert 'class="overdue"' in results(page(client))


def test_the_htmx_request_gets_the_cached_results_only(world, as_user):
    client = as_user(world.leader)
    page(client)
    html = client.get(LIST, HTTP_HX_REQUEST="true").content.decode()
    assert "Rà soát hộ nghèo" in html and "<html" not in html and html.lstrip().startswith('<div id="results">')


def test_a_write_in_one_area_keeps_the_entries_of_the_others(world, committed):
    here, there = top_path(world.party.tree_path), top_path(world.other.tree_path)
    before = versions.current(listcache.area_version(there))
    changed = versions.current(listcache.area_version(here))
    with committed():
        world.directive.text = "Rà soát hộ nghèo (bổ sung)"
        world.directive.save()
    assert versions.current(listcache.area_version(there)) == before
    assert versions.current(listcache.area_version(here)) != changed
