"""The API answers each persona as the web pages do: the rows of tests/expectations.py."""

import json

import pytest

from tests.api.conftest import bearer
from tests.expectations import EXPECTATIONS, PERSONAS, build_world

API_STATUS = {"login": 401, "hidden": 404, "denied": 403}


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
    outcome = expectation.outcome(persona)
    if outcome == "ok":
        assert 200 <= response.status_code < 300, response.content
    else:
        assert response.status_code == API_STATUS[outcome], response.content
        assert response.json()["code"] and response.json()["message"]
    if expectation.done is not None:
        assert expectation.done(w) == (outcome == "ok")


@pytest.mark.django_db
def test_lists_never_show_another_organisations_directive(client):
    w = build_world()
    for path in ("/api/v1/directives/", "/api/v1/meetings/", "/api/v1/documents/"):
        body = client.get(path, **bearer(w.outsider)).content.decode()
        assert w.meeting.title not in body and "bí mật" not in body
    assert json.loads(client.get("/api/v1/directives/", **bearer(w.lead_editor)).content)["count"] == 1
