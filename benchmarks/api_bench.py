"""p50/p95 of the API list endpoints at 1x and 10x data, each against a yardstick timed in turn with it.

1x = 1,000 directives (100 briefings and their conclusions, 100 documents, 500 progress
updates, 160 bodies, 160 officials, 1,280 period reports), 10x = 10,000 directives (1,000
briefings, 1,000 documents, 5,000 updates, 1,600 officials, 12,800 reports; the same
160 bodies). Each size runs in a fresh process against a throw-away SQLite file, or a
throw-away PostgreSQL database `<name>_api_bench` when DATABASE_URL names a PostgreSQL
server (benchmarks/benchdb.py).

The machine is shared, so every endpoint is timed in turn with the yardstick
(benchmarks/yardstick.py: a login-required Django view rendering 50 rows of a JOIN over
100,000 rows), call after call through the same in-process client: yardstick, endpoint,
yardstick, endpoint… The figure to read is p95 ÷ yardstick p95. Calls are made with the
bearer token of the province admin, who sees everything.

    .venv/bin/python benchmarks/api_bench.py [--calls 40] [--sizes 1000,10000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api_x .venv/bin/python benchmarks/api_bench.py
"""

import argparse
import logging
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchdb

HERE = Path(__file__).resolve().parent
ENDPOINTS = [
    "/api/v1/organisations/",
    "/api/v1/people/",
    "/api/v1/meetings/",
    "/api/v1/conclusions/",
    "/api/v1/directives/",
    "/api/v1/directives/?status=open&overdue=true&ordering=-deadline",
    "/api/v1/directives/?limit=200",
    # The cursor lists cost the same deep in the list: the page reached by following `next` DEEP times.
    "/api/v1/directives/ (page 20 by cursor)",
    "/api/v1/meetings/ (page 20 by cursor)",
    "/api/v1/documents/",
    "/api/v1/reports/",
    "/api/v1/reports/?status=submitted&ordering=-id",
]


def build(size: int):
    """The bench world; returns the admin user."""
    import datetime
    import random

    from django.contrib.auth import get_user_model

    from giaoban.accounts.models import Membership, Role
    from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate
    from giaoban.documents.models import Document
    from giaoban.meetings.models import Conclusion, Meeting, Person
    from giaoban.organisations.models import Bloc, Level, Organization, OrganizationType
    from giaoban.periods.logic import PeriodKey
    from giaoban.periods.models import Period
    from giaoban.reports.models import PeriodReport

    rng = random.Random(size)
    province = Organization(name="Tỉnh ủy Bench", type=OrganizationType.PARTY_COMMITTEE, level=Level.PROVINCE)
    province.save()
    admin = get_user_model().objects.create_user("bench_admin", password="x")
    Membership.objects.create(user=admin, organization=province, role=Role.ADMIN)
    periods = [Period.objects.get_for(PeriodKey("quarter", y, q)) for y in (2024, 2025) for q in (1, 2, 3, 4)]
    blocs, everyone = [], []
    for d in range(20):
        party = Organization(name=f"Huyện ủy {d}", type=OrganizationType.PARTY_COMMITTEE, level=Level.DISTRICT,
                             parent=province)
        party.save()
        bodies = []
        for t in ("mass_mobilisation_board", "front_committee", "farmers_union", "women_union", "youth_union",
                  "veterans_association", "trade_union", "other"):
            body = Organization(name=f"{t} {d}", type=t, level=Level.DISTRICT, parent=party)
            body.save()
            bodies.append(body)
        bloc = Bloc.objects.create(name=f"Khối {d}", convening=bodies[0])
        bloc.members.set(bodies)
        blocs.append((bloc, party, bodies))
        everyone += bodies
    Person.objects.bulk_create([Person(name=f"Nguyễn Văn {i}", title="Chủ tịch", organization=everyone[i % 160])
                                for i in range(size * 160 // 1000)])
    today = datetime.date(2025, 6, 15)
    statuses = [DirectiveStatus.NEW, DirectiveStatus.IN_PROGRESS, DirectiveStatus.DONE, DirectiveStatus.CARRIED_OVER]
    directives, documents, conclusions = [], [], []
    for m in range(size // 10):
        bloc, party, bodies = blocs[m % len(blocs)]
        meeting = Meeting.objects.create(title=f"Giao ban {m}", host=party, bloc=bloc, period=periods[m % 8],
                                         date=periods[m % 8].end + datetime.timedelta(days=5))
        conclusions.append(Conclusion(meeting=meeting, text=f"Kết luận giao ban {m}: tập trung vận động"))
        documents.append(Document(issuer=bodies[0], doc_type="notice", cycle=str(meeting.date.year), number=m + 1,
                                  code=f"{m + 1}-TB/BDV", issued_on=meeting.date, title=f"Thông báo kết luận {m}",
                                  meeting=meeting))
        for i in range(10):
            deadline = today + datetime.timedelta(days=rng.randint(-200, 200)) if rng.random() < 0.7 else None
            directives.append(Directive(meeting=meeting, order=i, text=f"Chỉ đạo {m}-{i} tuyên truyền vận động",
                                        lead=rng.choice(bodies), deadline=deadline,
                                        deadline_precision="day" if deadline else "none",
                                        status=rng.choice(statuses)))
    Conclusion.objects.bulk_create(conclusions, batch_size=2000)
    Directive.objects.bulk_create(directives, batch_size=2000)
    Document.objects.bulk_create(documents, batch_size=2000)
    ids = list(Directive.objects.values_list("pk", flat=True))
    DirectiveUpdate.objects.bulk_create([DirectiveUpdate(directive_id=rng.choice(ids), note="Tiến độ", percent=50)
                                         for _ in range(size // 2)], batch_size=2000)
    months = [Period.objects.get_for(PeriodKey("month", 2019 + n // 12, n % 12 + 1)) for n in range(size // 125)]
    PeriodReport.objects.bulk_create([PeriodReport(organization=body, period=period, status=rng.choice(
        ["draft", "submitted", "accepted"]), results="Kết quả") for period in months for body in everyone],
        batch_size=2000)
    return admin


def _timed(client, url: str, headers: dict) -> float:
    started = time.perf_counter()
    response = client.get(url, **headers)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


DEEP = 19


def resolved(client, url: str, headers: dict) -> str:
    """The URL to time: "<list> (page N by cursor)" is the list's `next` link followed N - 1 times from its start."""
    if " (page" not in url:
        return url
    url = url.split(" ")[0]
    for _ in range(DEEP):
        url = client.get(url, **headers).json()["next"] or url
    return url


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def child(size: int, calls: int) -> None:
    import django

    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"  # the project's, plus the yardstick's URL
    django.setup()
    logging.getLogger("giaoban.requests").setLevel(logging.WARNING)  # one line per request would be timed too
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.GIAOBAN_API_RATE_LIMIT = 1_000_000
    call_command("migrate", verbosity=0)
    import yardstick

    from giaoban.api.models import ApiToken

    yardstick.create_tables()
    admin = build(size)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(admin, 'bench')[1]}"}
    client, page = Client(), Client()
    page.force_login(admin)
    print(f"{size:,} directives ({connection.vendor}), {calls} calls each, yardstick in turn")
    for name in ENDPOINTS:
        url = resolved(client, name, headers)
        for _ in range(2):
            _timed(client, url, headers), _timed(page, "/_yardstick/", {})
        with CaptureQueriesContext(connection) as queries:
            client.get(url, **headers)
        count = len(queries)  # now: the next request empties the connection's query log
        mine, yard = [], []
        for _ in range(calls):
            yard.append(_timed(page, "/_yardstick/", {}))
            mine.append(_timed(client, url, headers))
        print(f"  {name:62s} p50 {statistics.median(mine):7.1f} ms  p95 {p95(mine):7.1f} ms  "
              f"yardstick p95 {p95(yard):6.1f} ms  ratio {p95(mine) / p95(yard):5.2f}  {count:2d} queries",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--sizes", default="1000,10000")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        for size in (int(s) for s in opts.sizes.split(",")):
            database = benchdb.create(workdir, "api_bench")
            # As served: DEBUG off (it would keep every query in memory), a throw-away key.
            env = {**os.environ, "DATABASE_URL": database.url, "DEBUG": "false", "SECURE_COOKIES": "false",
                   "SECRET_KEY": secrets.token_urlsafe(40), "GIAOBAN_VAR": workdir}
            try:
                subprocess.run([sys.executable, __file__, "--child", str(size), str(opts.calls)], env=env,
                               check=True)
            finally:
                benchdb.drop(database)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
