"""The API answers each persona as the web pages do: the rows of tests/expectations.py."""

import json

import pytest

from tests.api.conftest import bearer
from tests.expectations import EXPECTATIONS, PERSONAS, build_world, check


@pytest.mark.django_db
@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=[e.action for e in EXPECTATIONS])
@pytest.mark.parametrize("persona", PERSONAS)
def test_api_follows_the_shared_table_of_expectations(client, expectation, persona):
    w = build_world()
    call = expectation.api
    headers = {**bearer(getattr(w, persona)), **call.headers(w)}
    body = call.data(w)
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if call.method != "GET" else {}
    response = client.generic(call.method, call.target(w), **kwargs, **headers)
    check(response, expectation, persona, w, api=True)


@pytest.mark.django_db
def test_lists_never_show_another_organisations_records(client):
    w = build_world()
    for path in ("/api/v1/directives/", "/api/v1/meetings/", "/api/v1/documents/", "/api/v1/conclusions/",
                 "/api/v1/people/", "/api/v1/reports/"):
        response = client.get(path, **bearer(w.outsider))
        assert response.status_code == 200 and response.json()["count"] == 0, path
    assert client.get("/api/v1/directives/", **bearer(w.lead_editor)).json()["count"] == 1
