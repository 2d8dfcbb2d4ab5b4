"""Property-based run of the OpenAPI schema with an authenticated token: no 5xx, no schema violation.

Bounded for CI: a few examples per operation, no shrinking beyond hypothesis's default budget.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from giaoban.api.models import ApiToken
from tests.expectations import build_world

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def _connection_kept_open():
    """Django's test client keeps the test's database connection across requests; a bare WSGI call would
    close it at the end of each request (request_finished), and with it the test's PostgreSQL transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def leader_token(db, settings, _connection_kept_open):
    """The convening leader of the briefing world: every endpoint has records to answer with."""
    settings.GIAOBAN_API_RATE_LIMIT = 10_000
    world = build_world()
    return ApiToken.issue(world.leader, "schemathesis")[1]


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_schema(case, leader_token):
    # If-Match "*" lets the writes past the version check, so their validation and saving are exercised too:
    # the world is a throw-away one (rolled back after each operation), so any write is safe.
    case.call_and_validate(headers={"Authorization": f"Bearer {leader_token}", "If-Match": "*"}, checks=CHECKS)

