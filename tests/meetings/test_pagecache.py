"""The meeting list and a meeting's page in the shared cache: served again without rebuilding, never
older than the last write they show, the per-user forms and links never taken from another user."""

import datetime
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from giaoban.directives import deadlines
from giaoban.directives.models import DirectiveStatus
from giaoban.meetings import pagecache
from giaoban.meetings.models import Conclusion, Meeting, MeetingChair
from tests.directives.factories import DirectiveFactory
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory, PersonFactory, briefing_world
from tests.pages import without_tokens

pytestmark = pytest.mark.django_db
LIST = reverse("meetings:list")


@pytest.fixture
def world(committed):
    with committed():
        world = briefing_world()
        world.directive = DirectiveFactory(meeting=world.meeting, lead=world.front, text="Rà soát hộ nghèo")
    return world


def page_of(client, meeting: Meeting, **params) -> str:
    return client.get(reverse("meetings:detail", args=[meeting.pk]), params).content.decode()


def test_a_second_look_at_a_meeting_is_served_from_the_shared_entry(world, client, django_assert_max_num_queries):
    client.force_login(world.leader)
    first = page_of(client, world.meeting)
    # session, user, meeting, memberships, versions, entry, unread count (and the bloc's members for the check)
    with django_assert_max_num_queries(8):
        again = page_of(client, world.meeting)
    assert "Rà soát hộ nghèo" in first and without_tokens(again) == without_tokens(first)


def test_the_parts_of_a_meeting_changed_through_the_app_show_on_the_next_request(world, client, committed):
    client.force_login(world.leader)
    page_of(client, world.meeting)
    with committed():
        client.post(reverse("meetings:attachment_upload", args=[world.meeting.pk]),
                    {"file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 thu", content_type="application/pdf")})
    assert "bien-ban.pdf" in page_of(client, world.meeting)
    with committed():
        MeetingChair.objects.create(meeting=world.meeting, person=PersonFactory(name="Nguyễn Văn Chủ Trì"), order=1)
        Conclusion.objects.create(meeting=world.meeting, text="Đồng chí Trưởng ban kết luận thử")
    html = page_of(client, world.meeting)
    assert "Nguyễn Văn Chủ Trì" in html and "Đồng chí Trưởng ban kết luận thử" in html
    with committed():
        world.meeting.title = "Giao ban quý I (đã sửa)"
        world.meeting.save()
    assert "Giao ban quý I (đã sửa)" in page_of(client, world.meeting)


def test_a_directive_or_its_progress_changed_shows_on_its_meeting_page_at_once(world, client, committed):
    client.force_login(world.leader)
    page_of(client, world.meeting)
    with committed():
        world.directive.record_progress(user=world.lead_editor, organization=world.front, note="Đang làm",
                                        percent=45)
        DirectiveFactory(meeting=world.meeting, lead=world.farmers, text="Vận động quỹ vì người nghèo")
    html = page_of(client, world.meeting)
    assert "45%" in html and "Vận động quỹ vì người nghèo" in html
    with committed():
        world.front.name = "Ủy ban MTTQ huyện Thử Nghiệm Mới"
        world.front.save()
    assert "Thử Nghiệm Mới" in page_of(client, world.meeting)


def test_the_earlier_directives_keep_their_decision_forms_per_user(world, client, committed):
    """The leader decides on last time's open directives; another user sees the same rows and no form."""
    with committed():
        later = MeetingFactory(host=world.party, bloc=world.bloc, title="Giao ban quý II",
                               date=world.meeting.date + datetime.timedelta(days=90))
    client.force_login(world.leader)
    leader_page = page_of(client, later)
    assert "Rà soát hộ nghèo" in leader_page and reverse("directives:carry", args=[world.directive.pk]) in leader_page
    assert 'name="csrfmiddlewaretoken"' in leader_page
    client.force_login(world.lead_editor)
    editor_page = page_of(client, later)
    assert "Rà soát hộ nghèo" in editor_page
    assert reverse("directives:carry", args=[world.directive.pk]) not in editor_page
    with committed():
        world.directive.carry_over(to=later, user=world.leader)
    client.force_login(world.leader)
    assert "Đã chuyển sang kỳ này" in page_of(client, later)
    with committed():
        world.directive.close(user=world.leader, status=DirectiveStatus.DONE, reason="Xong")
    assert "Rà soát hộ nghèo" not in page_of(client, later)


def test_a_user_who_may_not_edit_sees_no_edit_link_nor_form_after_an_editor_filled_the_cache(world, client):
    client.force_login(world.leader)
    assert reverse("meetings:edit", args=[world.meeting.pk]) in page_of(client, world.meeting)
    client.force_login(world.lead_editor)  # a member body's editor: may see the bloc's meeting, not change it
    html = page_of(client, world.meeting)
    assert "Rà soát hộ nghèo" in html
    assert reverse("meetings:edit", args=[world.meeting.pk]) not in html
    assert reverse("meetings:attachment_upload", args=[world.meeting.pk]) not in html
    assert reverse("meetings:transition", args=[world.meeting.pk]) not in html


def test_a_user_outside_the_meeting_gets_nothing_from_the_cache(world, client):
    client.force_login(world.leader)
    page_of(client, world.meeting)
    client.force_login(world.outsider)
    response = client.get(reverse("meetings:detail", args=[world.meeting.pk]))
    assert response.status_code == 404 and "Rà soát hộ nghèo" not in response.content.decode()


def test_an_overdue_mark_follows_the_day_not_the_cached_entry(world, client, committed):
    with committed():
        world.directive.deadline, world.directive.deadline_precision = datetime.date(2022, 6, 30), deadlines.MONTH
        world.directive.save()
    client.force_login(world.leader)
    with time_machine.travel(datetime.datetime(2022, 6, 20, 9, tzinfo=timezone.get_current_timezone()), tick=False):
        assert "quá hạn" not in page_of(client, world.meeting)
    with time_machine.travel(datetime.datetime(2022, 7, 2, 9, tzinfo=timezone.get_current_timezone()), tick=False):
        assert "quá hạn" in page_of(client, world.meeting)


def test_a_second_look_at_the_meeting_list_is_served_from_the_shared_entry(world, client,
                                                                          django_assert_max_num_queries):
    client.force_login(world.leader)
    first = client.get(LIST).content.decode()
    with django_assert_max_num_queries(6):  # session, user, memberships, versions, entry, unread count
        again = client.get(LIST).content.decode()
    assert world.meeting.title in first and without_tokens(again) == without_tokens(first)


def test_a_meeting_recorded_or_moved_shows_in_the_lists_of_its_areas_at_once(world, client, committed):
    client.force_login(world.leader)
    client.get(LIST)
    client.force_login(world.outsider)
    assert "Giao ban riêng" not in client.get(LIST).content.decode()
    with committed():
        meeting = MeetingFactory(host=world.party, bloc=world.bloc, title="Giao ban riêng")
    client.force_login(world.leader)
    assert "Giao ban riêng" in client.get(LIST).content.decode()
    with committed():
        meeting.host, meeting.bloc = world.other, None
        meeting.save()
    assert "Giao ban riêng" not in client.get(LIST).content.decode()  # left the area it was in
    client.force_login(world.outsider)
    assert "Giao ban riêng" in client.get(LIST).content.decode()  # and reached the other one


def test_users_with_other_memberships_never_share_a_meeting_list(world, client, committed):
    with committed():
        elsewhere = OrganizationFactory(name="Ủy ban MTTQ xã Xa")
        MeetingFactory(host=elsewhere, title="Giao ban xã Xa")
        stranger = UserFactory()
        MembershipFactory(user=stranger, organization=elsewhere, role=40)
    client.force_login(world.leader)
    assert "Giao ban xã Xa" not in client.get(LIST).content.decode()
    client.force_login(stranger)
    html = client.get(LIST).content.decode()
    assert "Giao ban xã Xa" in html and world.meeting.title not in html


def test_the_meeting_list_answers_htmx_with_its_rows_only(world, client):
    client.force_login(world.leader)
    client.get(LIST, {"q": "quý"})
    rows = client.get(LIST, {"q": "quý"}, headers={"HX-Request": "true"}).content.decode()
    assert rows.strip().startswith('<div id="results">') and world.meeting.title in rows


def test_a_meeting_page_key_holds_the_versions_of_the_apps_above_meetings(world):
    names = pagecache.hooks.meeting_page_versions(world.meeting)
    assert any(name.startswith("directive-lists:") for name in names)


def test_the_decision_forms_served_from_the_cache_carry_this_session_s_token(world, committed):
    """The earlier directives' rows are kept rendered, each form's CSRF token put in per request: a leader's second
    look (from the cache) posts the carry-over with the token on the page, with CSRF checks on."""
    from django.test import Client

    with committed():
        later = MeetingFactory(host=world.party, bloc=world.bloc, title="Giao ban quý II",
                               date=world.meeting.date + datetime.timedelta(days=90))
    first = Client(enforce_csrf_checks=True)
    first.force_login(world.leader)
    page_of(first, later)  # fills the cache under this session's token
    leader = Client(enforce_csrf_checks=True)
    leader.force_login(world.leader)
    page = page_of(leader, later)
    assert "\x00" not in page
    carry = reverse("directives:carry", args=[world.directive.pk])
    form = re.search(rf'action="{carry}".*?name="csrfmiddlewaretoken" value="([^"]+)"', page, re.S)
    with committed():
        response = leader.post(carry, {"csrfmiddlewaretoken": form.group(1), "meeting": later.pk,
                                       "back_meeting": later.pk})
    assert response.status_code == 302
    world.directive.refresh_from_db()
    assert later in world.directive.carried_to.all()
