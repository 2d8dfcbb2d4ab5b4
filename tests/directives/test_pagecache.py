"""A directive's page in the shared cache: served again without rebuilding, never older than the last
write it shows, the forms and edit links worked out per user."""


import pytest
from django.urls import reverse
from django.utils import timezone

from giaoban.directives import pagecache
from giaoban.meetings.models import Conclusion
from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import MeetingFactory, briefing_world
from tests.pages import without_tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(committed):
    with committed():
        world = briefing_world()
        world.directive = DirectiveFactory(meeting=world.meeting, lead=world.front, text="Rà soát hộ nghèo")
    return world


def page_of(client, directive) -> str:
    return client.get(reverse("directives:detail", args=[directive.pk])).content.decode()


def test_a_second_look_is_served_from_the_shared_entry(world, client, django_assert_max_num_queries):
    client.force_login(world.leader)
    first = page_of(client, world.directive)
    # session, user, directive, its coordinating bodies, memberships, versions, entry, unread count, and
    # the bloc's members (the leader sees it as the bloc's convening body: the permission check reads them)
    with django_assert_max_num_queries(9):
        again = page_of(client, world.directive)
    assert "Rà soát hộ nghèo" in first and without_tokens(again) == without_tokens(first)


def test_a_progress_report_made_through_the_app_shows_on_the_next_request(world, client, committed):
    client.force_login(world.lead_editor)
    assert "Đã huy động 30 hộ" not in page_of(client, world.directive)
    with committed():
        response = client.post(reverse("directives:progress", args=[world.directive.pk]),
                               {"organization": world.front.pk, "note": "Đã huy động 30 hộ", "percent": 40})
    assert response.status_code == 302
    assert "Đã huy động 30 hộ" in page_of(client, world.directive)


def test_an_edit_a_place_and_a_renamed_meeting_show_at_once(world, client, committed):
    client.force_login(world.leader)
    page_of(client, world.directive)
    with committed():
        world.directive.text = "Rà soát hộ cận nghèo"
        world.directive.save()
        world.meeting.title = "Giao ban quý I (đã sửa)"
        world.meeting.save()
    html = page_of(client, world.directive)
    assert "Rà soát hộ cận nghèo" in html and "Giao ban quý I (đã sửa)" in html


def test_an_issued_conclusion_notice_shows_its_note_at_once(world, client, committed):
    client.force_login(world.leader)
    assert 'id="issued-note"' not in page_of(client, world.directive)
    with committed():
        Conclusion.objects.create(meeting=world.meeting, text="Kết luận", issued_at=timezone.now())
    assert 'id="issued-note"' in page_of(client, world.directive)


def test_a_carry_over_shows_where_it_went_at_once(world, client, committed):
    with committed():
        later = MeetingFactory(host=world.party, bloc=world.bloc, title="Giao ban quý II",
                               date=world.meeting.date.replace(year=world.meeting.date.year + 1))
    client.force_login(world.leader)
    assert reverse("meetings:detail", args=[later.pk]) not in page_of(client, world.directive)
    with committed():
        world.directive.carry_over(to=later, user=world.leader)
    assert reverse("meetings:detail", args=[later.pk]) in page_of(client, world.directive)


def test_the_forms_stay_per_user_after_another_filled_the_cache(world, client):
    client.force_login(world.leader)  # may close: the leader's form carries a CSRF token of this response
    leader_page = page_of(client, world.directive)
    assert reverse("directives:close", args=[world.directive.pk]) in leader_page
    assert 'name="csrfmiddlewaretoken"' in leader_page
    client.force_login(world.lead_editor)  # reports for the lead body: the progress form, no closing, no edit
    html = page_of(client, world.directive)
    assert reverse("directives:progress", args=[world.directive.pk]) in html
    assert reverse("directives:close", args=[world.directive.pk]) not in html
    assert reverse("directives:edit", args=[world.directive.pk]) not in html


def test_a_user_outside_gets_nothing_from_the_cache(world, client):
    client.force_login(world.leader)
    page_of(client, world.directive)
    client.force_login(world.outsider)
    response = client.get(reverse("directives:detail", args=[world.directive.pk]))
    assert response.status_code == 404


def test_the_key_holds_the_versions_of_its_area_and_its_meeting(world):
    names = pagecache.version_names(world.directive)
    assert f"directive-lists:{world.directive.area}" in names
    assert f"meeting-pages:meeting:{world.meeting.pk}" in names
