"""Directive endpoints: ETag/If-Match, progress, closing, history, lists."""

import json

import pytest

from giaoban.directives.models import Directive, DirectiveStatus
from tests.api.conftest import bearer
from tests.expectations import build_world


@pytest.fixture
def world(db):
    return build_world()


def _patch(client, world, body, **headers):
    return client.patch(f"/api/v1/directives/{world.directive.pk}/", data=json.dumps(body),
                        content_type="application/json", **bearer(world.leader), **headers)


def test_detail_carries_the_version_as_etag(client, world):
    response = client.get(f"/api/v1/directives/{world.directive.pk}/", **bearer(world.leader))
    assert response["ETag"] == f'"v{world.directive.version}"'
    assert response.json()["text"] == world.directive.text


def test_a_write_with_the_current_etag_saves_and_returns_the_next_etag(client, world):
    etag = client.get(f"/api/v1/directives/{world.directive.pk}/", **bearer(world.leader))["ETag"]
    response = _patch(client, world, {"text": "Rà soát hộ nghèo"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] == f'"v{world.directive.version + 1}"'
    assert Directive.objects.get(pk=world.directive.pk).text == "Rà soát hộ nghèo"


def test_it_refuses_a_stale_write_with_412_and_changes_nothing(client, world):
    old = client.get(f"/api/v1/directives/{world.directive.pk}/", **bearer(world.leader))["ETag"]
    assert _patch(client, world, {"text": "Bản sửa thứ nhất"}, HTTP_IF_MATCH=old).status_code == 200
    before = Directive.objects.get(pk=world.directive.pk)

    response = _patch(client, world, {"text": "Bản sửa dựa trên bản cũ", "priority": 2}, HTTP_IF_MATCH=old)

    assert response.status_code == 412
    assert response.json()["code"] == "stale_version"
    assert "người khác sửa" in response.json()["message"]
    after = Directive.objects.get(pk=world.directive.pk)
    assert (after.text, after.priority, after.version) == (before.text, before.priority, before.version)


def test_a_write_without_if_match_is_refused_with_428(client, world):
    response = _patch(client, world, {"text": "Không kèm phiên bản"})
    assert response.status_code == 428
    assert response.json()["code"] == "precondition_required"
    assert Directive.objects.get(pk=world.directive.pk).text == world.directive.text


def test_closing_with_a_stale_etag_leaves_the_directive_open(client, world):
    stale = f'"v{world.directive.version}"'
    Directive.objects.filter(pk=world.directive.pk).update(version=world.directive.version + 1)
    response = client.post(f"/api/v1/directives/{world.directive.pk}/close", HTTP_IF_MATCH=stale,
                           data=json.dumps({"status": "done", "reason": "Xong"}), content_type="application/json",
                           **bearer(world.leader))
    assert response.status_code == 412
    assert Directive.objects.get(pk=world.directive.pk).status == DirectiveStatus.NEW


def test_progress_moves_a_new_directive_in_progress_and_is_listed(client, world):
    url = f"/api/v1/directives/{world.directive.pk}/progress"
    response = client.post(url, data=json.dumps({"note": "Đã khảo sát 30 hộ", "percent": 40}),
                           content_type="application/json", **bearer(world.lead_editor))
    assert response.status_code == 201
    assert response.json()["organization_id"] == world.front.pk
    assert Directive.objects.get(pk=world.directive.pk).status == DirectiveStatus.IN_PROGRESS
    listed = client.get(url, **bearer(world.lead_editor)).json()
    assert [u["note"] for u in listed] == ["Đã khảo sát 30 hộ"]


def test_progress_for_a_body_that_is_not_the_users_is_refused_in_vietnamese(client, world):
    response = client.post(f"/api/v1/directives/{world.directive.pk}/progress",
                           data=json.dumps({"note": "Báo cáo thay", "organization_id": world.board.pk}),
                           content_type="application/json", **bearer(world.lead_editor))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "organization" in response.json()["details"]
    assert not world.directive.updates.exists()


def test_a_percent_above_100_is_invalid_input(client, world):
    response = client.post(f"/api/v1/directives/{world.directive.pk}/progress",
                           data=json.dumps({"note": "Vượt", "percent": 150}), content_type="application/json",
                           **bearer(world.lead_editor))
    assert response.status_code == 422
    assert response.json() == {"code": "invalid_input", "message": "Dữ liệu gửi lên không hợp lệ.",
                               "details": [{"loc": ["body", "body", "percent"], "type": "less_than_equal"}]}


def test_history_lists_the_changes(client, world):
    _patch(client, world, {"text": "Nội dung mới"}, HTTP_IF_MATCH=f'"v{world.directive.version}"')
    history = client.get(f"/api/v1/directives/{world.directive.pk}/history", **bearer(world.leader)).json()
    assert history[0]["who"] == "lanhdao_bdv"
    assert any(change["new"] == "Nội dung mới" for change in history[0]["changes"])


def test_the_list_filters_orders_and_pages(client, world):
    from tests.directives.factories import DirectiveFactory

    DirectiveFactory(meeting=world.meeting, lead=world.front, text="Việc thứ hai", status=DirectiveStatus.DONE)
    page = client.get("/api/v1/directives/?status=open&limit=1", **bearer(world.leader)).json()
    assert page["count"] == 1 and page["limit"] == 1 and page["items"][0]["id"] == world.directive.pk
    everything = client.get("/api/v1/directives/?ordering=-deadline&limit=200", **bearer(world.leader)).json()
    assert everything["count"] == 2


def test_a_control_character_in_a_note_is_invalid_input_and_stores_nothing(client, world):
    response = client.post(f"/api/v1/directives/{world.directive.pk}/progress",
                           data=json.dumps({"note": "Đã họp\x00"}), content_type="application/json",
                           **bearer(world.lead_editor))
    assert response.status_code == 422
    assert not world.directive.updates.exists()


def test_a_list_row_shows_what_the_directive_endpoint_shows(client, world):
    import datetime

    from tests.meetings.factories import MeetingFactory

    later = [MeetingFactory(host=world.party, bloc=world.bloc, date=datetime.date(2022, month, 5)) for month in (7, 10)]
    world.directive.coordinating.set([world.farmers, world.board])
    world.directive.carried_to.set(later)
    headers = bearer(world.leader)
    listed = client.get(f"/api/v1/directives/?meeting={world.meeting.pk}", **headers).json()["items"]
    detail = client.get(f"/api/v1/directives/{world.directive.pk}/", **headers).json()
    assert [row for row in listed if row["id"] == world.directive.pk] == [detail]
    assert sorted(detail["coordinating"]) == sorted([world.farmers.pk, world.board.pk])
    assert detail["carried_to"] == [later[1].pk, later[0].pk]  # newest meeting first, as the relation lists them
