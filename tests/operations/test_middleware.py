"""One log record per request, with who, what, the answer and how long it took."""

import json
import logging

import pytest

from giaoban.operations.jsonlog import JsonFormatter
from tests.factories import UserFactory


def _request_lines(caplog) -> list[dict]:
    return [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "giaoban.requests"]


@pytest.mark.django_db
def test_each_request_is_one_json_line_with_user_method_path_status_and_duration(client, caplog):
    client.force_login(UserFactory(username="lanhdao"))
    with caplog.at_level(logging.INFO, logger="giaoban.requests"):
        client.get("/?q=bi-mat")
    [line] = _request_lines(caplog)
    assert {k: line[k] for k in ("user", "method", "path", "status", "level", "logger")} == {
        "user": "lanhdao", "method": "GET", "path": "/", "status": 200, "level": "INFO",
        "logger": "giaoban.requests"}
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert "bi-mat" not in json.dumps(line)  # the query string stays out of the logs


@pytest.mark.django_db
def test_an_anonymous_request_is_logged_without_user(client, caplog):
    with caplog.at_level(logging.INFO, logger="giaoban.requests"):
        client.get("/")
    [line] = _request_lines(caplog)
    assert line["user"] is None and line["status"] == 302
