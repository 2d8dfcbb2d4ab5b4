"""Cursor pages of the directive and meeting lists: every visible record once, in order; bounded counts; strict
cursors; offset refused with a pointer to the next link."""

import datetime
import itertools

import pytest
from django.utils import timezone

from giaoban.accounts.models import Role
from giaoban.directives.forms import SORTS
from giaoban.directives.listing import apply_filters
from giaoban.directives.models import Directive
from giaoban.meetings.models import Meeting
from tests.api.conftest import bearer
from tests.directives.factories import DirectiveFactory
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    """A province admin whose directives are found through two parts: the area, and one hosted elsewhere that the
    province leads. Ties on deadlines and meeting days, missing deadlines: every sort key decides somewhere."""
    province, elsewhere = OrganizationFactory(name="Tỉnh Một"), OrganizationFactory(name="Tỉnh Hai")
    district = OrganizationFactory(name="Huyện Một", parent=province)
    user = UserFactory()
    MembershipFactory(user=user, organization=province, role=Role.ADMIN)
    meetings = [MeetingFactory(host=host, date=datetime.date(2022, 1, day))
                for host, day in itertools.product((province, district), (3, 9))]
    deadlines = [datetime.date(2022, 3, 31), None, datetime.date(2022, 6, 30)]
    for (meeting, deadline), lead in zip(itertools.product(meetings, deadlines), itertools.cycle((province, district)),
                                         strict=False):
        DirectiveFactory(meeting=meeting, deadline=deadline, deadline_precision="day" if deadline else "none",
                         lead=lead, priority=len(meeting.title) % 3, status="new" if deadline else "in_progress")
    outside = MeetingFactory(host=elsewhere)
    DirectiveFactory(meeting=outside, lead=district)  # reaches into the province: visible
    DirectiveFactory(meeting=outside, lead=elsewhere)  # not visible
    return user


def _walk(client, url: str, headers: dict) -> tuple[list[int], list[dict]]:
    ids, bodies = [], []
    while url:
        body = client.get(url, **headers).json()
        ids += [item["id"] for item in body["items"]]
        bodies.append(body)
        url = body["next"]
    return ids, bodies


@pytest.mark.parametrize("sort", list(SORTS))
def test_following_next_gives_every_visible_directive_once_in_the_lists_order(client, admin, sort):
    ids, bodies = _walk(client, f"/api/v1/directives/?limit=4&ordering={sort}", bearer(admin))
    visible = apply_filters(Directive.objects.visible_to(admin), {"sort": sort}, timezone.localdate())
    assert ids == list(visible.values_list("pk", flat=True))
    assert len(ids) == 13 and all(len(body["items"]) == 4 for body in bodies[:-1])
    assert [body["count"] for body in bodies] == [13] * len(bodies) and bodies[0]["count_exact"]
    assert bodies[-1]["next"] is None and bodies[-1]["next_cursor"] is None


def test_the_next_link_keeps_the_filters(client, admin):
    ids, bodies = _walk(client, "/api/v1/directives/?limit=2&status=new&ordering=-deadline", bearer(admin))
    assert "status=new" in bodies[0]["next"] and "ordering=-deadline" in bodies[0]["next"]
    wanted = apply_filters(Directive.objects.visible_to(admin), {"status": "new", "sort": "-deadline"},
                           timezone.localdate())
    assert ids == list(wanted.values_list("pk", flat=True))


def test_following_next_gives_every_visible_meeting_once_newest_first(client, admin):
    ids, _bodies = _walk(client, "/api/v1/meetings/?limit=2", bearer(admin))
    assert ids == list(Meeting.objects.visible_to(admin).order_by("-date", "-pk").values_list("pk", flat=True))
    assert len(ids) == 4  # the meeting elsewhere is not the province's, though one of its directives is


def test_the_count_is_exact_up_to_the_bound_and_says_more_beyond(client, admin, monkeypatch):
    monkeypatch.setattr("giaoban.api.paging.COUNT_LIMIT", 10)
    body = client.get("/api/v1/directives/?limit=2", **bearer(admin)).json()
    assert (body["count"], body["count_exact"]) == (10, False)
    body = client.get("/api/v1/meetings/?limit=2", **bearer(admin)).json()
    assert (body["count"], body["count_exact"]) == (4, True)


def test_an_offset_is_refused_in_vietnamese_rather_than_ignored(client, admin):
    response = client.get("/api/v1/directives/?offset=50", **bearer(admin))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "cursor" in response.json()["message"]
    assert client.get("/api/v1/meetings/?offset=0", **bearer(admin)).status_code == 200


def test_a_cursor_of_another_order_or_list_is_refused(client, admin):
    headers = bearer(admin)
    cursor = client.get("/api/v1/directives/?limit=2", **headers).json()["next_cursor"]
    for url in (f"/api/v1/directives/?ordering=-deadline&cursor={cursor}", f"/api/v1/meetings/?cursor={cursor}",
                "/api/v1/directives/?cursor=abc"):
        response = client.get(url, **headers)
        assert response.status_code == 400, url
        assert response.json()["code"] == "invalid"


def test_the_schema_names_the_cursor_and_the_next_link(client, admin):
    schema = client.get("/api/v1/schema/", **bearer(admin)).json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/directives/"]["get"]["parameters"]}
    assert {"cursor", "limit"} <= parameters and "offset" not in parameters
    paged = schema["components"]["schemas"]["PagedDirectiveOut"]["properties"]
    assert {"items", "count", "count_exact", "next", "next_cursor"} <= set(paged)
