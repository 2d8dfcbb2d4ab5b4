"""p50/p95 of the API list endpoints at 1x (1k directives) and 10x (10k directives) data.

Each size runs in a fresh process against a throw-away SQLite file, or a
throw-away PostgreSQL database `<name>_api_bench` when DATABASE_URL names a
PostgreSQL server. Data as in directives_bench.py: 20 district blocs of 8
bodies, briefings of 10 directives. Every endpoint is called 40 times (after
2 warm-up calls) with a bearer token of the province admin, who sees everything.

    .venv/bin/python benchmarks/api_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/api_bench.py
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

import benchdb

SIZES = [1_000, 10_000]
CALLS = 40
ENDPOINTS = [
    "/api/v1/organisations/",
    "/api/v1/meetings/",
    "/api/v1/directives/",
    "/api/v1/directives/?status=open&overdue=true&ordering=-deadline",
    "/api/v1/directives/?limit=200",
    "/api/v1/documents/",
]


def build(size: int):
    """The bench world; returns the admin user."""
    import datetime
    import random

    from django.contrib.auth import get_user_model

    from giaoban.accounts.models import Membership, Role
    from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate
    from giaoban.documents.models import Document
    from giaoban.meetings.models import Meeting
    from giaoban.organisations.models import Bloc, Level, Organization, OrganizationType
    from giaoban.periods.logic import PeriodKey
    from giaoban.periods.models import Period

    rng = random.Random(size)
    user_model = get_user_model()
    province = Organization(name="Tỉnh ủy Bench", type=OrganizationType.PARTY_COMMITTEE, level=Level.PROVINCE)
    province.save()
    admin = user_model.objects.create_user("bench_admin", password="x")
    Membership.objects.create(user=admin, organization=province, role=Role.ADMIN)
    periods = [Period.objects.get_for(PeriodKey("quarter", y, q)) for y in (2024, 2025) for q in (1, 2, 3, 4)]
    blocs = []
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
    today = datetime.date(2025, 6, 15)
    statuses = [DirectiveStatus.NEW, DirectiveStatus.IN_PROGRESS, DirectiveStatus.DONE, DirectiveStatus.CARRIED_OVER]
    directives, documents = [], []
    for m in range(size // 10):
        bloc, party, bodies = blocs[m % len(blocs)]
        meeting = Meeting.objects.create(title=f"Giao ban {m}", host=party, bloc=bloc, period=periods[m % 8],
                                         date=periods[m % 8].end + datetime.timedelta(days=5))
        documents.append(Document(issuer=bodies[0], doc_type="notice", cycle=str(meeting.date.year), number=m + 1,
                                  code=f"{m + 1}-TB/BDV", issued_on=meeting.date, title=f"Thông báo kết luận {m}",
                                  meeting=meeting))
        for i in range(10):
            deadline = today + datetime.timedelta(days=rng.randint(-200, 200)) if rng.random() < 0.7 else None
            directives.append(Directive(meeting=meeting, order=i, text=f"Chỉ đạo {m}-{i} tuyên truyền vận động",
                                        lead=rng.choice(bodies), deadline=deadline,
                                        deadline_precision="day" if deadline else "none",
                                        status=rng.choice(statuses)))
    Directive.objects.bulk_create(directives, batch_size=2000)
    Document.objects.bulk_create(documents, batch_size=2000)
    ids = list(Directive.objects.values_list("pk", flat=True))
    DirectiveUpdate.objects.bulk_create([DirectiveUpdate(directive_id=rng.choice(ids), note="Tiến độ", percent=50)
                                         for _ in range(size // 2)], batch_size=2000)
    return admin


def child(size: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
    os.environ["DEBUG"] = "true"
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.GIAOBAN_API_RATE_LIMIT = 1_000_000
    call_command("migrate", verbosity=0)
    from giaoban.api.models import ApiToken

    admin = build(size)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(admin, 'bench')[1]}"}
    client = Client()
    print(f"{size:,} directives ({connection.vendor})")
    for url in ENDPOINTS:
        for _ in range(2):
            assert client.get(url, **headers).status_code == 200
        times = []
        with CaptureQueriesContext(connection) as queries:
            for _ in range(CALLS):
                started = time.perf_counter()
                client.get(url, **headers)
                times.append((time.perf_counter() - started) * 1000)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"  {url:66s} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms"
              f"  {len(queries) // CALLS:3d} queries")


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        for size in SIZES:
            database = benchdb.create(workdir, "api_bench")
            env = {**os.environ, "DATABASE_URL": database.url, "DEBUG": "true", "GIAOBAN_VAR": workdir}
            try:
                subprocess.run([sys.executable, __file__, "--child", str(size)], env=env, check=True)
            finally:
                benchdb.drop(database)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
    else:
        main()
