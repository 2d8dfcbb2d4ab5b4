"""The directive, meeting and body lists built as plain rows and kept in the shared cache: the body the schema
would give, the same OpenAPI schema, never older than the last write the page shows, never shared by users who
see different things, and still behind the token's checks."""

import datetime
import json
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from ninja.renderers import JSONRenderer

from giaoban.api.api import api
from giaoban.api.directives import DirectiveOut
from giaoban.api.lists import plain_row
from giaoban.api.meetings import AgendaItemOut, MeetingDetailOut, MeetingOut
from giaoban.api.organisations import OrganizationOut
from giaoban.directives.models import Directive
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Organization
from tests.api.conftest import bearer
from tests.directives.factories import DirectiveFactory
from tests.factories import AdminUnitFactory
from tests.meetings.factories import MeetingFactory, briefing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(committed):
    """The briefing world with directives that fill every field of a row in some way (as committed writes)."""
    with time_machine.travel(datetime.datetime(2022, 6, 15, 9, tzinfo=datetime.UTC), tick=False), committed():
        w = briefing_world()
        w.front.locality = AdminUnitFactory(code="2025:X1")
        w.front.save()
        w.later = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 5), start_time=datetime.time(8),
                                 place="Hội trường", is_public=True)
        w.directive = DirectiveFactory(meeting=w.meeting, lead=w.front, coordinating=[w.farmers, w.board],
                                       deadline=datetime.date(2022, 5, 31), deadline_precision="day",
                                       target_text="12 hộ", target_value=Decimal("12.50"),
                                       target_value_max=Decimal("20"), target_unit="hộ", priority=2)
        w.directive.carry_over(to=w.later)
        w.closed = DirectiveFactory(meeting=w.meeting, lead=w.farmers, deadline=datetime.date(2022, 9, 1),
                                    deadline_precision="month")
        w.closed.close(user=w.leader, status="done", reason="Đã xong")
        w.bare = DirectiveFactory(meeting=w.later, text="Không thời hạn")
    return w


@pytest.fixture
def call(client):
    def get(user, url: str, **headers):
        with time_machine.travel(datetime.datetime(2022, 6, 15, 9, tzinfo=datetime.UTC), tick=False):
            return client.get(url, **bearer(user), **headers)
    return get


def _schema_body(page: dict, schema, records: list) -> str:
    """The page as the endpoint's schema serialises it: each record validated by `schema` and dumped, rendered by
    ninja's JSON renderer (what the list endpoints did before they built plain rows)."""
    items = [schema.model_validate(record).model_dump() for record in records]
    return JSONRenderer().render(None, {**page, "items": items}, response_status=200)


@pytest.mark.parametrize("url", ["/api/v1/directives/?limit=2", "/api/v1/directives/?ordering=-deadline",
                                 "/api/v1/directives/?status=open&limit=1"])
def test_a_directive_page_is_the_body_the_schema_gives(world, call, url):
    response = call(world.leader, url)

    page = response.json()
    records = [Directive.objects.get(pk=item["id"]) for item in page["items"]]
    assert records
    with time_machine.travel(datetime.datetime(2022, 6, 15, 9, tzinfo=datetime.UTC), tick=False):
        assert response.content.decode() == _schema_body(page, DirectiveOut, records)
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_every_field_of_a_directive_row_is_filled_in_the_world(world, call):
    """The comparison above means something only if the rows carry values of every kind."""
    rows = {row["id"]: row for row in call(world.leader, "/api/v1/directives/").json()["items"]}
    row = rows[world.directive.pk]
    assert set(row["coordinating"]) == {world.farmers.pk, world.board.pk}
    assert row["carried_to"] == [world.later.pk] and row["overdue"] is True
    assert (row["target_value"], row["target_value_max"]) == ("12.50", "20.00")
    assert rows[world.closed.pk]["closed_at"] and rows[world.bare.pk]["deadline"] is None


def test_a_meeting_page_is_the_body_the_schema_gives(world, call):
    response = call(world.leader, "/api/v1/meetings/?limit=5")

    page = response.json()
    assert {item["id"] for item in page["items"]} == {world.meeting.pk, world.later.pk}
    records = [Meeting.objects.get(pk=item["id"]) for item in page["items"]]
    assert response.content.decode() == _schema_body(page, MeetingOut, records)


def test_a_page_of_bodies_is_the_body_the_schema_gives(world, call):
    response = call(world.lead_editor, "/api/v1/organisations/?ordering=name")  # the Front and its Farmers' Union

    page = response.json()
    assert world.front.locality.code in {item["locality_code"] for item in page["items"]}
    assert None in {item["locality_code"] for item in page["items"]}
    records = [Organization.objects.get(pk=item["id"]) for item in page["items"]]
    assert response.content.decode() == _schema_body(page, OrganizationOut, records)


def test_the_openapi_schema_still_describes_the_paged_lists():
    schema = api.get_openapi_schema()
    listed = schema["paths"]["/api/v1/directives/"]["get"]
    assert {p["name"] for p in listed["parameters"]} >= {"limit", "cursor", "status", "ordering"}
    paged = listed["responses"][200]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert paged == "PagedDirectiveOut"
    assert schema["components"]["schemas"][paged]["properties"]["items"]["items"]["$ref"].endswith("/DirectiveOut")
    assert "offset" in {p["name"] for p in schema["paths"]["/api/v1/organisations/"]["get"]["parameters"]}


def test_a_plain_row_refuses_a_schema_with_nested_records():
    with pytest.raises(TypeError):
        plain_row(MeetingDetailOut)
    assert plain_row(AgendaItemOut)(type("Item", (), {"order": 1, "kind": "report", "title": "Báo cáo",
                                                      "organization_id": None, "notes": ""})()) == {
        "order": 1, "kind": "report", "title": "Báo cáo", "organization_id": None, "notes": ""}


@pytest.mark.parametrize("url", ["/api/v1/directives/", "/api/v1/meetings/", "/api/v1/organisations/"])
def test_a_second_call_is_served_from_the_shared_cache(world, client, url, django_assert_num_queries):
    headers = bearer(world.leader)
    first = client.get(url, **headers)
    with django_assert_num_queries(4):  # the token and its count, the user, the data versions, the page
        again = client.get(url, **headers)
    assert again.content == first.content


def _texts(call, user, url: str = "/api/v1/directives/") -> dict[int, dict]:
    return {item["id"]: item for item in call(user, url).json()["items"]}


def test_an_edit_through_the_api_shows_on_the_next_page(world, call, client, committed):
    assert _texts(call, world.leader)[world.directive.pk]["priority"] == 2
    with committed():
        client.patch(f"/api/v1/directives/{world.directive.pk}/", data=json.dumps({"priority": 1}),
                     content_type="application/json", HTTP_IF_MATCH="*", **bearer(world.leader))

    assert _texts(call, world.leader)[world.directive.pk]["priority"] == 1


def test_carrying_a_directive_over_again_shows_the_new_meeting(world, call, committed):
    with committed():
        third = MeetingFactory(host=world.party, bloc=world.bloc, date=datetime.date(2022, 8, 5))
    assert _texts(call, world.leader)[world.directive.pk]["carried_to"] == [world.later.pk]
    with committed():
        # Already carried over: only the link is written, not the directive's row.
        Directive.objects.get(pk=world.directive.pk).carry_over(to=third)

    assert _texts(call, world.leader)[world.directive.pk]["carried_to"] == [third.pk, world.later.pk]


def test_a_new_coordinating_body_shows_on_the_next_page(world, call, committed):
    assert world.party.pk not in _texts(call, world.leader)[world.closed.pk]["coordinating"]
    with committed():
        world.closed.coordinating.add(world.party)

    assert world.party.pk in _texts(call, world.leader)[world.closed.pk]["coordinating"]


def test_a_meetings_change_shows_on_the_meeting_list(world, call, committed):
    assert _texts(call, world.leader, "/api/v1/meetings/")[world.later.pk]["place"] == "Hội trường"
    with committed():
        world.later.place = "Phòng họp số 2"
        world.later.save()

    assert _texts(call, world.leader, "/api/v1/meetings/")[world.later.pk]["place"] == "Phòng họp số 2"


def test_a_renamed_body_shows_on_the_list_of_bodies(world, call, committed):
    assert _texts(call, world.lead_editor, "/api/v1/organisations/")[world.farmers.pk]["short_name"] == ""
    with committed():
        world.farmers.short_name = "Hội ND"
        world.farmers.save()

    assert _texts(call, world.lead_editor, "/api/v1/organisations/")[world.farmers.pk]["short_name"] == "Hội ND"


def test_the_next_day_a_page_is_built_again(world, client):
    with time_machine.travel(datetime.datetime(2022, 5, 30, 9, tzinfo=datetime.UTC), tick=False):
        before = client.get("/api/v1/directives/", **bearer(world.leader)).json()
    with time_machine.travel(datetime.datetime(2022, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        after = client.get("/api/v1/directives/", **bearer(world.leader)).json()

    assert not {item["id"]: item["overdue"] for item in before["items"]}[world.directive.pk]
    assert {item["id"]: item["overdue"] for item in after["items"]}[world.directive.pk]


def test_a_user_who_sees_less_never_gets_a_page_cached_for_one_who_sees_more(world, call):
    assert world.directive.pk in _texts(call, world.leader)
    assert world.meeting.pk in _texts(call, world.leader, "/api/v1/meetings/")

    assert _texts(call, world.outsider) == {}
    assert _texts(call, world.outsider, "/api/v1/meetings/") == {}
    assert world.board.pk in _texts(call, world.leader, "/api/v1/organisations/")
    assert world.board.pk not in _texts(call, world.outsider, "/api/v1/organisations/")


def test_a_cached_list_still_refuses_an_offset_and_a_bad_cursor(world, call):
    assert call(world.leader, "/api/v1/directives/").status_code == 200

    assert call(world.leader, "/api/v1/directives/?offset=5").status_code == 400
    assert call(world.leader, "/api/v1/directives/?offset=5").json()["details"] == {"offset": ["cursor"]}
    assert call(world.leader, "/api/v1/meetings/?cursor=WyJ4Il0").json()["details"] == {"cursor": ["invalid"]}


def test_a_cached_list_is_still_refused_over_the_rate_and_without_a_token(world, client, settings):
    settings.GIAOBAN_API_RATE_LIMIT = 2
    headers = bearer(world.leader)
    statuses = [client.get("/api/v1/meetings/", **headers).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert client.get("/api/v1/meetings/").status_code == 401



def _cache_entries() -> int:
    """Entries in the shared cache (the database's cache table in the tests)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM giaoban_cache")
        return cursor.fetchone()[0]


def test_a_page_reached_by_its_cursor_is_built_afresh_and_never_kept(world, client):
    headers = bearer(world.leader)
    following = client.get("/api/v1/directives/?limit=1", **headers).json()["next"]
    kept = _cache_entries()

    first = client.get(following, **headers)
    second = client.get(following, **headers)

    assert _cache_entries() == kept
    assert first.content == second.content and first.json()["items"]
