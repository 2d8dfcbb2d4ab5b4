"""The query plans of the heaviest queries of the directive pages and consolidation, at province or nation scale.

Makes a throw-away database (PostgreSQL when DATABASE_URL names a server, else SQLite) and loads
`giaoban synth`, or with `--reuse NAME` uses an existing PostgreSQL database on DATABASE_URL's
server; asks each page once through Django's test client as web_bench's users (the province
Front admin for the lists and consolidation, the commune Front editor for "việc của đơn vị
tôi"), and prints EXPLAIN ANALYZE (PostgreSQL) or EXPLAIN QUERY PLAN (SQLite) of the two slowest
queries of each page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/explain_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/explain_bench.py \
        --reuse giaoban_nation
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchdb

HERE = Path(__file__).resolve().parent
PAGES = ["directive list", "list: open + overdue", "việc của đơn vị tôi", "consolidation (province bloc)"]


def child(opts: dict) -> None:
    import django

    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    if not opts["reuse"]:
        call_command("synth", scale=opts["scale"], years=opts["years"], seed=1, stdout=open(os.devnull, "w"))  # noqa: SIM115
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    import web_bench

    pages, users, _token = web_bench.subjects()
    for name, path, who in [page for page in pages if page[0] in PAGES]:
        client = Client()
        client.force_login(users[who])
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:2]
        print(f"### {name} ({len(queries)} queries)\n")
        for query in slowest:
            prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
            with connection.cursor() as cursor:
                started = time.perf_counter()
                cursor.execute(prefix + query["sql"])
                plan = "\n".join(" | ".join(str(c) for c in row) for row in cursor.fetchall())
            print(f"{query['sql'][:300]}…\n\n```\n{plan}\n```\n({time.perf_counter() - started:.3f} s)\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="province")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--reuse", metavar="DBNAME", help="an existing PostgreSQL database on DATABASE_URL's server")
    opts = vars(parser.parse_args())
    with tempfile.TemporaryDirectory() as workdir:
        if opts["reuse"]:
            url = os.environ.get("DATABASE_URL", "")
            env = {**os.environ, "DATABASE_URL": f"{url.rpartition('/')[0]}/{opts['reuse']}", "GIAOBAN_VAR": workdir,
                   "DEBUG": "true", "ALLOWED_HOSTS": "testserver"}
            subprocess.run([sys.executable, __file__, "--child", json.dumps(opts)], env=env, check=True,
                           timeout=3 * 3600)
            return
        database = benchdb.create(workdir, "explain")
        try:
            env = {**os.environ, "DATABASE_URL": database.url, "GIAOBAN_VAR": workdir, "DEBUG": "true",
                   "ALLOWED_HOSTS": "testserver"}
            subprocess.run([sys.executable, __file__, "--child", json.dumps(opts)], env=env, check=True,
                           timeout=3 * 3600)
        finally:
            benchdb.drop(database)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(json.loads(sys.argv[2]))
    else:
        main()
