"""Indicators and period reports in the API: the reports app's reach, values included."""

import pytest

from tests.api.conftest import bearer
from tests.expectations import build_world


@pytest.fixture
def world(db):
    return build_world()


def test_a_report_comes_with_its_values_and_etag(client, world):
    response = client.get(f"/api/v1/reports/{world.report.pk}/", **bearer(world.lead_editor))
    assert response["ETag"] == f'"v{world.report.version}"'
    assert response.json()["values"] == [{"indicator_code": "ho-ngheo", "value": "12.00", "note": ""}]


def test_the_convening_body_lists_its_members_reports_and_an_outsider_lists_none(client, world):
    listed = client.get("/api/v1/reports/", **bearer(world.leader)).json()
    assert sorted(r["id"] for r in listed["items"]) == sorted([world.report.pk, world.draft.pk])
    assert client.get("/api/v1/reports/", **bearer(world.outsider)).json()["count"] == 0


def test_the_indicator_catalogue_is_listed(client, world):
    codes = [i["code"] for i in client.get("/api/v1/indicators/?limit=200", **bearer(world.outsider)).json()["items"]]
    assert "ho-ngheo" in codes
