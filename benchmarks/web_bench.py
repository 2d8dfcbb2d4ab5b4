"""Pages under load: gunicorn (2 sync workers) on 127.0.0.1, 20 logged-in clients (wrk), against the yardstick.

For each database (SQLite, and PostgreSQL when DATABASE_URL names a server) it makes a throw-away
database, loads `giaoban synth --scale S --years N`, counts each page's queries and size with
Django's test client, starts gunicorn and, page after page, runs wrk on the yardstick view and
then on the page, each for the same few seconds, so every page is compared with a yardstick
measured a moment before on the same machine.  `--write` puts the table into BENCHMARKS.md.

    .venv/bin/python benchmarks/web_bench.py --write
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/web_bench.py --write
"""

import argparse
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import benchdb

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
START, END = "<!-- web-bench:start -->", "<!-- web-bench:end -->"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child(opts: dict) -> dict:
    """Inside a process whose DATABASE_URL is the throw-away database: load, count, then load-test."""
    import django

    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("synth", scale=opts["scale"], years=opts["years"], seed=opts["seed"], stdout=open(os.devnull, "w"))  # noqa: SIM115
    load_seconds = time.perf_counter() - started
    import yardstick

    yardstick.create_tables()
    pages, users = subjects()
    counted = [count_queries(name, path, users[who]) for name, path, who in pages]
    cookies = {who: session_cookie(user) for who, user in users.items()}
    from django.db import connections

    connections.close_all()
    from giaoban.directives.models import Directive

    runs = serve_and_load(pages, cookies, opts)
    return {"load_seconds": load_seconds, "directives": Directive.objects.count(), "pages": counted, "runs": runs}


def subjects() -> tuple[list[tuple[str, str, str]], dict]:
    """The pages to measure, each with the user who asks for it (all found by the synthetic names)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    from giaoban.directives.models import Directive
    from giaoban.meetings.models import Meeting
    from giaoban.organisations.models import Bloc, Level
    from giaoban.reports.models import PeriodReport

    User = get_user_model()
    admin = User.objects.filter(username__startswith="quantri.").order_by("username").first()
    editor = User.objects.filter(username__startswith="mttq.w").order_by("username").first()
    front = editor.memberships.get().organization
    meeting = Meeting.objects.filter(bloc__convening=front).order_by("-date").first()
    directive = Directive.objects.filter(meeting__bloc__convening=front, updates__isnull=False).order_by(
        "-meeting__date", "order").first()
    bloc = Bloc.objects.filter(convening__level=Level.PROVINCE).order_by("name").first()
    period = PeriodReport.objects.filter(organization=bloc.convening).order_by("-period__start").first().period
    label = meeting.period.label
    pages = [
        ("yardstick", "/_yardstick/", "admin"),
        ("home", "/", "admin"),
        ("directive list", "/chi-dao/", "admin"),
        ("list: open", "/chi-dao/?status=open", "admin"),
        ("list: open + overdue", "/chi-dao/?status=open&overdue=on", "admin"),
        ("list: lead", f"/chi-dao/?lead={front.pk}", "admin"),
        ("list: period", f"/chi-dao/?period={label}", "admin"),
        ("list: deadline range", "/chi-dao/?deadline_from=01/01/2026&deadline_to=31/03/2026", "admin"),
        ("list: priority", "/chi-dao/?priority=2", "admin"),
        ("list: text", "/chi-dao/?q=tuyên+truyền", "admin"),
        ("list: sort by meeting", "/chi-dao/?sort=meeting", "admin"),
        ("việc của đơn vị tôi", "/chi-dao/cua-don-vi-toi/", "editor"),
        ("meeting page", f"/cuoc-hop/{meeting.pk}/", "admin"),
        ("directive page", f"/chi-dao/{directive.pk}/", "admin"),
        ("consolidation (province bloc)", f"/tong-hop/khoi/{bloc.pk}/{period.pk}/", "admin"),
        ("public page", f"/cong-khai/{bloc.convening.pk}/", "anonymous"),
    ]
    return pages, {"admin": admin, "editor": editor, "anonymous": AnonymousUser()}


def count_queries(name: str, path: str, user) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    client.get(path)  # warm-up: caches, periods
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {"name": name, "path": path, "status": response.status_code, "queries": len(queries),
            "bytes": len(response.content)}


def session_cookie(user) -> str:
    from django.test import Client

    if not user.is_authenticated:
        return ""
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def serve_and_load(pages: list, cookies: dict, opts: dict) -> list[dict]:
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_settings", "PYTHONPATH": str(HERE)}
    server = subprocess.Popen([str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}",
                               "--timeout", "120", "--log-level", "warning", "bench_wsgi:application"],
                              env=env, cwd=HERE)
    try:
        wait_for(port)
        base = f"http://127.0.0.1:{port}"
        runs = []
        for _name, path, who in pages:
            check(base + path, cookies[who])
        for name, path, who in pages[1:]:
            yard = wrk(base + pages[0][1], cookies["admin"], opts)
            check(base + pages[0][1], cookies["admin"])
            page = wrk(base + path, cookies[who], opts)
            # wrk leaves up to `clients` requests queued in gunicorn: let them finish before the next run.
            check(base + pages[0][1], cookies["admin"])
            runs.append({"name": name, "page": page, "yardstick": yard})
            print(f"  {name:32s} p95 {runs[-1]['page']['p95'] / 1000:8.0f} ms   yardstick "
                  f"{yard['p95'] / 1000:6.0f} ms", flush=True)
        return runs
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not listen on 127.0.0.1:{port}")


def check(url: str, cookie: str) -> None:
    """One request before the load: the page must answer 200 to this user, not a redirect to the login."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", int(url.split(":")[2].split("/")[0]), timeout=120)
    conn.request("GET", quote("/" + url.split("/", 3)[3], safe=":/?&=+"), headers={"Cookie": cookie})
    status = conn.getresponse().status
    conn.close()
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")


def wrk(url: str, cookie: str, opts: dict) -> dict:
    """One bounded wrk run (duration and a hard timeout); the Lua script prints the percentiles."""
    seconds, clients = opts["duration"], opts["clients"]
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "30s",
                          "-s", str(HERE / "session.lua"), quote(url, safe=":/?&=+")],
                         env={**os.environ, "BENCH_COOKIE": cookie},
                         capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    return json.loads(line[len("BENCH "):])


def table(engine: str, opts: dict, result: dict) -> str:
    counted = {p["name"]: p for p in result["pages"]}
    lines = [f"**{engine}**, `--scale {opts['scale']} --years {opts['years']} --seed {opts['seed']}` "
             f"({result['directives']:,} directives, loaded in {result['load_seconds']:.0f} s); "
             f"{opts['clients']} clients, {opts['duration']} s per run; yardstick: "
             f"{counted['yardstick']['queries']} queries, {counted['yardstick']['bytes'] / 1024:.1f} KB.", "",
             "| page | queries | KB | p50 ms | p95 ms | p99 ms | req/s | errors | yardstick p95 ms | p95 ÷ yardstick |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for run in result["runs"]:
        page, yard, c = run["page"], run["yardstick"], counted[run["name"]]
        rate = page["requests"] / (page["duration_us"] / 1e6)
        errors = page["socket_errors"] + page["status_errors"]
        lines.append(f"| {run['name']} | {c['queries']} | {c['bytes'] / 1024:.1f} | {page['p50'] / 1000:.0f} | "
                     f"{page['p95'] / 1000:.0f} | {page['p99'] / 1000:.0f} | {rate:.1f} | {errors} | "
                     f"{yard['p95'] / 1000:.0f} | {page['p95'] / max(yard['p95'], 1):.1f}× |")
    return "\n".join(lines)


def write(section: str) -> None:
    path = HERE.parent / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    block = f"{START}\n{section}\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Pages under load\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="province", choices=["commune", "province", "nation"])
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="put the table into BENCHMARKS.md")
    opts = vars(parser.parse_args())
    write_table = opts.pop("write")
    engines = ["sqlite"] + (["postgres"] if os.environ.get("DATABASE_URL", "").startswith("postgres") else [])
    sections = []
    with tempfile.TemporaryDirectory() as workdir:
        for engine in engines:
            saved = os.environ.get("DATABASE_URL", "")
            os.environ["DATABASE_URL"] = saved if engine == "postgres" else ""
            database = benchdb.create(workdir, f"web_{opts['scale']}")
            os.environ["DATABASE_URL"] = saved
            env = {**os.environ, "DATABASE_URL": database.url, "GIAOBAN_VAR": workdir, "DEBUG": "false",
                   "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
                   "SECURE_COOKIES": "false"}
            try:
                print(f"{database.engine}: loading and measuring", flush=True)
                out = subprocess.run([sys.executable, __file__, "--child", json.dumps(opts)], env=env, check=True,
                                     stdout=subprocess.PIPE, text=True, timeout=3 * 3600).stdout
            finally:
                benchdb.drop(database)
            print(out, end="")
            result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])
            sections.append(table(database.engine, opts, result))
    section = "\n\n".join(sections)
    print(section)
    if write_table:
        write("Command: `make bench` runs `.venv/bin/python benchmarks/web_bench.py --write` (with "
              "`DATABASE_URL=postgres://…` for the PostgreSQL table).\n\n" + section)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print("RESULT " + json.dumps(child(json.loads(sys.argv[2]))), flush=True)
    else:
        main()
