"""Time the directive list (with filters) and `giaoban remind` at 1k and 10k directives, with query counts.

Each size runs in a fresh process against a throw-away SQLite file, or a
throw-away PostgreSQL database `<name>_bench_directives` when DATABASE_URL
names a PostgreSQL server.  Data: 20 district blocs of 8 bodies, one editor per
body, briefings of 10 directives each with random deadlines, statuses and
progress updates.

    .venv/bin/python benchmarks/directives_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/directives_bench.py
"""

import os
import subprocess
import sys
import tempfile
import time

import benchdb

SIZES = [1_000, 10_000]


def fresh_database(workdir: str) -> str:
    return benchdb.create(workdir, "directives_bench").url


def child(size: int) -> None:
    """Runs inside a fresh process with DATABASE_URL set: build data, then measure."""
    import datetime
    import random

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
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from django.contrib.auth import get_user_model

    from giaoban.accounts.models import Membership, Role
    from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate
    from giaoban.meetings.models import Meeting
    from giaoban.organisations.models import Bloc, Level, Organization, OrganizationType
    from giaoban.periods.logic import PeriodKey
    from giaoban.periods.models import Period

    rng = random.Random(size)
    User = get_user_model()
    province = Organization(name="Tỉnh ủy Bench", type=OrganizationType.PARTY_COMMITTEE, level=Level.PROVINCE)
    province.save()
    admin = User.objects.create_user("bench_admin", password="x")
    Membership.objects.create(user=admin, organization=province, role=Role.ADMIN)
    periods = [Period.objects.get_for(PeriodKey("quarter", y, q)) for y in (2024, 2025) for q in (1, 2, 3, 4)]
    blocs, bodies_of = [], {}
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
            user = User.objects.create_user(f"bt_{t}_{d}", email=f"{t}{d}@example.org", password="x")
            Membership.objects.create(user=user, organization=body, role=Role.EDITOR)
        bloc = Bloc.objects.create(name=f"Khối {d}", convening=bodies[0])
        bloc.members.set(bodies)
        blocs.append((bloc, party))
        bodies_of[bloc.pk] = bodies
    today = datetime.date(2025, 6, 15)
    statuses = [DirectiveStatus.NEW, DirectiveStatus.IN_PROGRESS, DirectiveStatus.DONE, DirectiveStatus.CARRIED_OVER]
    directives = []
    for m in range(size // 10):
        bloc, party = blocs[m % len(blocs)]
        meeting = Meeting.objects.create(title=f"Giao ban {m}", host=party, bloc=bloc, period=periods[m % 8],
                                         date=periods[m % 8].end + datetime.timedelta(days=5))
        for i in range(10):
            deadline = today + datetime.timedelta(days=rng.randint(-200, 200)) if rng.random() < 0.7 else None
            directives.append(Directive(meeting=meeting, order=i, text=f"Chỉ đạo {m}-{i} tuyên truyền vận động",
                                        lead=rng.choice(bodies_of[bloc.pk]), deadline=deadline,
                                        deadline_precision="day" if deadline else "none",
                                        status=rng.choice(statuses)))
    Directive.objects.bulk_create(directives, batch_size=2000)
    ids = list(Directive.objects.values_list("pk", flat=True))
    DirectiveUpdate.objects.bulk_create([DirectiveUpdate(directive_id=rng.choice(ids), note="Tiến độ", percent=50)
                                         for _ in range(size // 2)], batch_size=2000)

    client = Client()
    client.force_login(admin)
    editor = User.objects.get(username="bt_front_committee_3")

    def measure(label: str, fn) -> None:
        fn()  # warm up
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - started
        print(f"  {label:52s} {elapsed * 1000:9.1f} ms {len(queries):5d} queries")

    print(f"{size:,} directives ({connection.vendor})")
    measure("list, no filter (admin, page 1 of 50)", lambda: client.get("/chi-dao/"))
    measure("list, open + overdue + sort by deadline", lambda: client.get("/chi-dao/?status=open&overdue=on"))
    measure("list, period + deadline range (htmx fragment)", lambda: client.get(
        "/chi-dao/?period=Quý I/2025&deadline_from=01/01/2025&deadline_to=31/12/2025", HTTP_HX_REQUEST="true"))
    client.force_login(editor)
    measure("việc của đơn vị tôi (editor)", lambda: client.get("/chi-dao/cua-don-vi-toi/"))
    from django.core.management import call_command as cc

    from giaoban.notifications.models import Notification

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        cc("remind", "--today", today.isoformat(), stdout=open(os.devnull, "w"))  # noqa: SIM115
    first = time.perf_counter() - started
    sent = Notification.objects.count()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as again:
        cc("remind", "--today", today.isoformat(), stdout=open(os.devnull, "w"))  # noqa: SIM115
    second = time.perf_counter() - started
    print(f"  {'remind, first run (' + str(sent) + ' digests)':52s} {first * 1000:9.1f} ms {len(queries):5d} queries")
    print(f"  {'remind, second run (sends nothing)':52s} {second * 1000:9.1f} ms {len(again):5d} queries")


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        for size in SIZES:
            env = {**os.environ, "DATABASE_URL": fresh_database(workdir), "DEBUG": "true", "GIAOBAN_VAR": workdir}
            subprocess.run([sys.executable, __file__, "--child", str(size)], env=env, check=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
    else:
        main()
