"""The API lists cost the same number of queries whether a page shows 10 records or 200 of 1,000, counting every
statement of the call (the token, its rate count and the user included)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.test.utils import CaptureQueriesContext

from giaoban.accounts.models import Role
from giaoban.directives.models import Directive, DirectiveUpdate
from giaoban.documents.models import Document
from giaoban.meetings.models import Conclusion, Meeting, Person
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.logic import PeriodKey
from giaoban.periods.models import Period
from giaoban.reports.models import Indicator, IndicatorValue, PeriodReport
from tests.api.conftest import bearer
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

LISTS = ["/api/v1/organisations/", "/api/v1/blocs/", "/api/v1/periods/", "/api/v1/people/", "/api/v1/meetings/",
         "/api/v1/conclusions/", "/api/v1/directives/", "/api/v1/documents/", "/api/v1/indicators/",
         "/api/v1/reports/"]


def _grow(root: Organization, start: int, stop: int) -> None:
    """Records start…stop-1 of every listed kind under `root`, in bulk."""
    ids = range(start, stop)
    Organization.objects.bulk_create([Organization(name=f"Đơn vị {i}", type="front_committee", level="commune",
                                                   parent=root, name_key=f"don vi {i}") for i in ids])
    Organization.objects.filter(parent=root, tree_path="").update(
        tree_path=Concat(Value(root.tree_path), Cast("id", CharField()), Value("/")))
    bodies = list(Organization.objects.filter(parent=root).order_by("pk")[start:stop])
    numbered = list(zip(ids, bodies, strict=True))
    blocs = Bloc.objects.bulk_create([Bloc(name=f"Khối {i}", convening=body) for i, body in numbered])
    Bloc.members.through.objects.bulk_create([Bloc.members.through(bloc=bloc, organization=body)
                                              for bloc, body in zip(blocs, bodies, strict=True)])
    Person.objects.bulk_create([Person(name=f"Cán bộ {i}", organization=body) for i, body in numbered])
    periods = [Period.objects.get_for(PeriodKey("month", 1900 + i // 12, i % 12 + 1)) for i in ids]
    meetings = Meeting.objects.bulk_create([
        Meeting(title=f"Giao ban {i}", kind="conference", host=body, bloc=bloc, date=datetime.date(2024, 1, 1))
        for i, body, bloc in zip(ids, bodies, blocs, strict=True)])
    Conclusion.objects.bulk_create([Conclusion(meeting=m, text=f"Kết luận {m.title}") for m in meetings])
    directives = Directive.objects.bulk_create([Directive(meeting=m, text=f"Chỉ đạo {m.title}", lead=body,
                                                          deadline=datetime.date(2024, 6, 30), deadline_precision="day")
                                                for m, body in zip(meetings, bodies, strict=True)])
    Directive.coordinating.through.objects.bulk_create([Directive.coordinating.through(directive=d, organization=b)
                                                        for d, b in zip(directives, bodies, strict=True)])
    Directive.carried_to.through.objects.bulk_create([Directive.carried_to.through(directive=d, meeting=m)
                                                      for d, m in zip(directives[:-1], meetings[1:], strict=True)])
    DirectiveUpdate.objects.bulk_create([DirectiveUpdate(directive=d, note="Tiến độ", organization=d.lead)
                                         for d in directives])
    Document.objects.bulk_create([Document(issuer=body, doc_type="notice", cycle="2024", number=i + 1,
                                           code=f"{i + 1}-TB", issued_on=datetime.date(2024, 1, 2), title="Thông báo",
                                           meeting=m) for i, body, m in zip(ids, bodies, meetings, strict=True)])
    indicators = Indicator.objects.bulk_create([Indicator(code=f"chi-tieu-{i}", name=f"Chỉ tiêu {i}", unit="suất",
                                                          kind="count") for i in ids])
    reports = PeriodReport.objects.bulk_create([PeriodReport(organization=body, period=period)
                                                for body, period in zip(bodies, periods, strict=True)])
    IndicatorValue.objects.bulk_create([IndicatorValue(report=r, indicator=i, value=1)
                                        for r, i in zip(reports, indicators, strict=True)])


def _queries(client, headers) -> dict[str, tuple[int, int]]:
    """Statements of each list's page when it is built (the pages cached in api/lists.py: a page not yet cached,
    the data versions it is keyed by already made by a call before), and when it is read again."""
    counts = {}
    for url in LISTS:
        cache.clear()
        client.get(f"{url}?limit=199", **headers)
        built = _counted(client, f"{url}?limit=200", headers)
        counts[url] = (built, _counted(client, f"{url}?limit=200", headers))
    return counts


def _counted(client, url: str, headers) -> int:
    with CaptureQueriesContext(connection) as captured:
        body = client.get(url, **headers).json()
    assert body["items"], url
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_every_list_costs_the_same_queries_at_10_and_at_1000_records(client):
    root = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Đếm", level="province")
    admin = UserFactory(username="quantri_dem")
    MembershipFactory(user=admin, organization=root, role=Role.ADMIN)
    headers = bearer(admin)
    _grow(root, 0, 10)
    small = _queries(client, headers)

    _grow(root, 10, 1000)
    large = _queries(client, headers)

    assert large == small
    # Two statements find the token, count the call and read the user with their memberships; the rest is the list
    # (and, for a page kept in the shared cache, reading its data versions and the cache, and storing it there).
    assert max(built for built, _again in small.values()) <= 16, small
    assert small["/api/v1/periods/"] == (4, 4), small
    # A cached page read again: the token, the user, the data versions and the page.
    assert {small[url][1] for url in ("/api/v1/directives/", "/api/v1/meetings/", "/api/v1/organisations/")} == {4}
