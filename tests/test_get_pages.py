"""Reading a page never writes: every GET route of the project, as each persona, with its queries captured.

The routes are enumerated from the URL configuration, so a new page is covered as soon as
it exists; its path parameters come from PARAMETERS below (the test says which one is missing).
"""

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from giaoban.accounts.models import Role
from giaoban.directives.models import DirectiveUpdate
from giaoban.documents.models import CalendarToken, NewsItem
from giaoban.documents.service import issue_notice
from giaoban.meetings.models import Attachment
from giaoban.notifications.models import Notification
from giaoban.periods.logic import PeriodKey
from giaoban.reports.models import ReportAttachment
from tests.documents import factories as f
from tests.factories import MembershipFactory
from tests.reports.factories import IndicatorFactory, PeriodReportFactory, ReportTemplateFactory

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# The admin's pages are Django's own; the language switch only answers POST. The API answers a
# token, not a session: its GETs are walked by schemathesis in tests/api/test_schema.py.
SKIPPED_NAMESPACES = {"admin", "api"}
SKIPPED_NAMES = {"set_language"}


def _routes(patterns=None, prefix: str = "", namespace: str = "") -> list[tuple[str, URLPattern, str]]:
    """(full name or "", pattern, path prefix) of every route, walking included URL configurations."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace not in SKIPPED_NAMESPACES:
                found += _routes(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif entry.name not in SKIPPED_NAMES:
            found.append((f"{namespace}{entry.name}" if entry.name else "", entry, prefix))
    return found


def _url(name: str, pattern: URLPattern, prefix: str, world: dict) -> str:
    if name:
        return reverse(name, kwargs=_kwargs(name, pattern, world))
    if pattern.pattern.converters:
        raise AssertionError(f"tests/test_get_pages.py: name the route {prefix}{pattern.pattern} to test it")
    return f"/{prefix}{pattern.pattern}"


def _world(personas) -> dict:
    record = f.huu_lung()
    host, bloc = record.host, record.orgs["bloc"]
    for persona, role in (("editor", Role.EDITOR), ("admin", Role.ADMIN)):
        MembershipFactory(user=personas[persona], organization=record.orgs["province"], role=role)
    MembershipFactory(user=personas["editor"], organization=record.orgs["farmers"], role=Role.EDITOR)
    quarter = f.period("quarter", 2022, 1)
    indicator = IndicatorFactory(code="qua-tet")
    ReportTemplateFactory(bloc=bloc, period_type="quarter", indicators=[indicator])
    report = PeriodReportFactory(organization=record.orgs["farmers"], period=quarter, status="draft")
    document = issue_notice(record.meeting, issued_on=datetime.date(2022, 4, 7), render=False)
    update = DirectiveUpdate.objects.create(directive=record.directives[0], note="Đã triển khai", percent=50,
                                            evidence=SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.7 x"))
    return {
        "meeting": record.meeting, "host": host, "bloc": bloc, "report": report, "document": document,
        "directive": record.directives[0], "update": update, "farmers": record.orgs["farmers"],
        "news": NewsItem.objects.create(organization=host, meeting=record.meeting, title="Tin", body="Nội dung.",
                                        published=True),
        "token": CalendarToken.objects.create(organization=host),
        "notification": Notification.objects.create(user=personas["editor"], title="Nhắc việc"),
        "meeting_file": Attachment.objects.create(meeting=record.meeting, name="bb.pdf", size=10,
                                                  file=SimpleUploadedFile("bb.pdf", b"%PDF-1.7 x")),
        "report_file": ReportAttachment.objects.create(report=report, name="bc.pdf",
                                                       file=SimpleUploadedFile("bc.pdf", b"%PDF-1.7 x")),
        "quarter": PeriodKey("quarter", 2022, 2),  # a period nobody has stored yet
        "indicator": indicator,
    }


# (route, parameter) → world object, then parameter alone for every route.
PARAMETERS = {
    ("meetings:attachment", "attachment_pk"): lambda w: w["meeting_file"].pk,
    ("directives:evidence", "pk"): lambda w: w["update"].pk,
    ("reports:attachment", "pk"): lambda w: w["report_file"].pk,
    ("documents:news_edit", "pk"): lambda w: w["news"].pk,
    ("documents:news_text", "pk"): lambda w: w["news"].pk,
    ("documents:news_html", "pk"): lambda w: w["news"].pk,
    ("documents:public_news", "pk"): lambda w: w["news"].pk,
    ("documents:detail", "pk"): lambda w: w["document"].pk,
    ("documents:file", "pk"): lambda w: w["document"].pk,
    ("documents:publish", "pk"): lambda w: w["document"].pk,
    ("documents:public_document", "pk"): lambda w: w["document"].pk,
    ("notifications:read", "pk"): lambda w: w["notification"].pk,
    ("organisations:detail", "pk"): lambda w: w["host"].pk,
    ("organisations:create", "parent_pk"): lambda w: w["host"].pk,
    ("reports:create", "organization_pk"): lambda w: w["farmers"].pk,
    ("reports:tree", "organization_pk"): lambda w: w["farmers"].pk,
    ("reports:body_indicator_trend", "organization_pk"): lambda w: w["farmers"].pk,
    ("meetings:formset_row", "prefix"): lambda w: "chairs",
    ("api_token_revoke", "pk"): lambda w: 999_999,  # POST only: a GET must write nothing either way
    ("webhooks:toggle", "pk"): lambda w: 999_999,  # likewise
}
BY_NAMESPACE = {"meetings": "meeting", "directives": "directive", "reports": "report", "documents": "meeting",
                "recording": "meeting"}
BY_PARAMETER = {
    "org_pk": lambda w: w["host"].pk, "bloc_pk": lambda w: w["bloc"].pk, "period": lambda w: w["quarter"],
    "doc_type": lambda w: "notice", "fmt": lambda w: "pdf", "action": lambda w: "accept",
    "token": lambda w: w["token"].token, "indicator_pk": lambda w: w["indicator"].pk,
}


def _kwargs(name: str, pattern: URLPattern, world: dict) -> dict:
    kwargs = {}
    for parameter in pattern.pattern.converters:
        if (name, parameter) in PARAMETERS:
            kwargs[parameter] = PARAMETERS[name, parameter](world)
        elif parameter in BY_PARAMETER:
            kwargs[parameter] = BY_PARAMETER[parameter](world)
        elif parameter == "pk" and name.split(":")[0] in BY_NAMESPACE:
            kwargs[parameter] = world[BY_NAMESPACE[name.split(":")[0]]].pk
        else:
            raise AssertionError(f"tests/test_get_pages.py: give a value for {parameter!r} of {name}")
    return kwargs


def _writes(queries) -> list[str]:
    # The session's sliding expiry (core/security.py) and the shared cache's table (the dashboard's
    # entry, settings.CACHES) are the rows a GET may touch: they are not data.
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)
            and "django_session" not in q["sql"] and settings.CACHE_TABLE not in q["sql"]]


@pytest.mark.django_db
def test_no_page_writes_to_the_database_on_get_for_any_persona(client, personas):
    world = _world(personas)
    routes = _routes()
    assert len(routes) > 40
    problems = []
    for persona in (None, "outsider", "editor", "admin"):
        client.logout()
        if persona:
            client.force_login(personas[persona])
        for name, pattern, prefix in routes:
            url = _url(name, pattern, prefix, world)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code >= 500 or _writes(captured.captured_queries):
                problems.append((persona, url, response.status_code, _writes(captured.captured_queries)[:2]))
    assert problems == []
