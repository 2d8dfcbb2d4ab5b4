"""Pages under load: gunicorn (2 sync workers) on 127.0.0.1, 20 logged-in clients (wrk), against the yardstick.

For each database it counts each page's queries and size with Django's test client, then, page
after page, starts a fresh gunicorn, runs wrk on the yardstick view and then on the page, each
for the same few seconds, and stops gunicorn (so requests still queued behind a slow page never
delay the next one): every page is compared with a yardstick measured a moment before on the
same machine.  The pages are those issue 16 lists: dashboard, directive list with each filter,
"việc của đơn vị tôi", search (with and without diacritics), meeting list, meeting page,
directive page, consolidation, public page and the API lists (with a bearer token).

The users are found by stable keys, so a province run and a nation run measure the same people:
the Front admin of the province (default Lạng Sơn, the one `giaoban synth` makes at province
scale) and the Front editor of that province's first commune; synth gives a bloc the same rows at
every scale.

Without `--reuse` it makes a throw-away database (SQLite, and PostgreSQL when DATABASE_URL names
a server), migrates it and loads `giaoban synth --scale S --years N --seed 1`; with `--reuse NAME`
it measures an existing PostgreSQL database on DATABASE_URL's server (migrated first, never
dropped; `--post-load` runs synth's post-load hooks after migrating).  `--save FILE` keeps the
result as JSON; `--compare FILE` (a province result) adds the ratio nation p95 ÷ province p95 per
page, raw and with each divided by its own run's yardstick; `--rounds N` measures every page N times and
keeps the median; `--write` puts this run's table into BENCHMARKS.md between the web-bench markers (one block
per engine and scale, the others kept).

    .venv/bin/python benchmarks/web_bench.py --scale province --save var/bench/sqlite-province.json --write
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/web_bench.py \\
        --scale province --save var/bench/pg-province.json --write
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/web_bench.py \\
        --scale nation --reuse giaoban_nation --compare var/bench/pg-province.json --write
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import signal
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
PROVINCE = "Lạng Sơn"
STATEMENT_LIMIT = 30  # seconds a query may run while queries are counted (PostgreSQL)
gunicorn_pid = 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child(opts: dict) -> dict:
    """Inside a process whose DATABASE_URL is the database to measure: (load,) count, then load-test."""
    import django

    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    load_seconds = None
    if not opts["reuse"]:
        started = time.perf_counter()
        call_command("synth", scale=opts["scale"], years=opts["years"], seed=opts["seed"],
                     stdout=open(os.devnull, "w"))  # noqa: SIM115
        load_seconds = time.perf_counter() - started
    elif opts["post_load"]:
        from giaoban.synth.build import post_load

        print("post-load hooks run: " + ", ".join(post_load() or ["none"]), flush=True)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    import yardstick

    yardstick.create_tables()
    pages, users, token = subjects()
    if opts.get("only"):
        wanted = [w.strip() for w in opts["only"].split(",") if w.strip()]
        pages = [p for p in pages if p[0] == "yardstick" or any(w in p[0] for w in wanted)]
    counted = [count_queries(name, path, users[who], token if who == "api" else None) for name, path, who in pages]
    print("queries counted", flush=True)
    auth = {who: session_cookie(user) for who, user in users.items()}
    auth["api"] = {"BENCH_AUTH": f"Bearer {token}"}
    from giaoban.directives.models import Directive

    directives = Directive.objects.count()
    from django.db import connections

    connections.close_all()
    runs = serve_and_load(pages, auth, opts)
    return {"load_seconds": load_seconds, "directives": directives, "pages": counted, "runs": runs,
            "users": {who: getattr(u, "username", "") for who, u in users.items()}}


def subjects() -> tuple[list[tuple[str, str, str]], dict, str]:
    """The pages to measure, each with who asks for it: users and records found by stable keys."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.urls import reverse

    from giaoban.accounts.models import Membership, Role
    from giaoban.api.models import ApiToken
    from giaoban.directives.models import Directive
    from giaoban.meetings.models import Meeting
    from giaoban.organisations.models import AdminUnit, Bloc
    from giaoban.reports.models import PeriodReport

    province = AdminUnit.objects.filter(code__startswith="2025:P").named(PROVINCE).get()
    admin = Membership.objects.get(role=Role.ADMIN, organization__locality=province).user
    editor = (get_user_model().objects.filter(username__startswith="mttq.",
                                              memberships__organization__locality__parent=province)
              .order_by("username").first())
    front = editor.memberships.get().organization
    meeting = Meeting.objects.filter(bloc__convening=front).order_by("-date").first()
    directive = (Directive.objects.filter(meeting__bloc__convening=front, updates__isnull=False)
                 .order_by("-meeting__date", "order").first())
    bloc = Bloc.objects.get(convening=admin.memberships.get().organization)
    period = PeriodReport.objects.filter(organization=bloc.convening).order_by("-period__start").first().period
    label = meeting.period.label
    token = ApiToken.issue(admin, "benchmark")[1]
    pages = [
        ("yardstick", "/_yardstick/", "admin"),
        ("empty page", "/_empty/", "admin"),  # the floor: middlewares, session, user and base.html only
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
        ("search: with diacritics", "/tim-kiem/?q=tuyên+truyền", "admin"),
        ("search: without diacritics", "/tim-kiem/?q=tuyen+truyen", "admin"),
        ("meeting list", "/cuoc-hop/", "admin"),
        ("meeting page", f"/cuoc-hop/{meeting.pk}/", "admin"),
        ("directive page", f"/chi-dao/{directive.pk}/", "admin"),
        ("consolidation (province bloc)", reverse("reports:bloc_consolidation", args=[bloc.pk, period]), "admin"),
        ("public page", f"/cong-khai/{bloc.convening.pk}/", "anonymous"),
        ("API: directives", "/api/v1/directives/", "api"),
        ("API: meetings", "/api/v1/meetings/", "api"),
        ("API: organisations", "/api/v1/organisations/", "api"),
    ]
    return pages, {"admin": admin, "editor": editor, "anonymous": AnonymousUser(), "api": admin}, token


def count_queries(name: str, path: str, user, token: str | None) -> dict:
    """Queries and size of one request (after a warm-up one, unless the page is slow); a statement
    running past STATEMENT_LIMIT is cancelled, so a page that cannot answer does not stall the run."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"Authorization": f"Bearer {token}"} if token else None, raise_request_exception=False)
    if user.is_authenticated and not token:
        client.force_login(user)
    limit(STATEMENT_LIMIT)
    try:
        for _attempt in range(2):  # a warm-up (caches, periods), then the one counted, unless the page is slow
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                seconds = time.perf_counter() - started
            if seconds > 5:
                break
    finally:
        limit(None)
    print(f"  {name:32s} {len(queries):3d} queries {len(response.content) / 1024:8.1f} KB {seconds:7.2f} s "
          f"(status {response.status_code})", flush=True)
    return {"name": name, "path": path, "status": response.status_code, "queries": len(queries),
            "bytes": len(response.content), "seconds": seconds}


def limit(seconds: int | None) -> None:
    """PostgreSQL's statement_timeout for this process's connection (None: back to the default)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {int(seconds * 1000) if seconds else 'DEFAULT'}")


def session_cookie(user) -> dict:
    from django.test import Client

    if not user.is_authenticated:
        return {"BENCH_COOKIE": ""}
    client = Client()
    client.force_login(user)
    return {"BENCH_COOKIE": f"sessionid={client.cookies['sessionid'].value}"}


def serve_and_load(pages: list, auth: dict, opts: dict) -> list[dict]:
    """Each page right after a yardstick run in the same fresh gunicorn.  With `--rounds N` every page is
    measured N times, all pages in turn in each round (a burst of load on the shared machine then falls on
    different pages each time), and the round whose ratio to its yardstick is the median is the one kept."""
    rounds: dict[str, list[dict]] = {name: [] for name, _path, _who in pages[1:]}
    for _round in range(opts.get("rounds") or 1):
        for name, path, who in pages[1:]:
            with gunicorn() as base:
                check(base + pages[0][1], auth["admin"])
                yard = wrk(base + pages[0][1], auth["admin"], opts)
                page = wrk(base + path, auth[who], opts)
            rounds[name].append({"page": page, "yardstick": yard})
            print(f"  {name:32s} p95 {page['p95'] / 1000:8.0f} ms ({page['requests']} done)   yardstick "
                  f"{yard['p95'] / 1000:6.0f} ms   errors {page['socket_errors'] + page['status_errors']}",
                  flush=True)
    return [median_run(name, who, rounds[name]) for name, _path, who in pages[1:]]


def ratio(run: dict) -> float:
    """A run's p95 ÷ its yardstick's p95 (infinite when the page did not answer once within the run)."""
    if not run["page"]["requests"]:
        return float("inf")
    return run["page"]["p95"] / max(run["yardstick"]["p95"], 1)


def median_run(name: str, who: str, runs: list[dict]) -> dict:
    ordered = sorted(runs, key=ratio)
    return {"name": name, "who": who, **ordered[len(ordered) // 2], "ratios": [ratio(r) for r in ordered]}


class gunicorn:  # noqa: N801 — used as a context manager like a function
    """A fresh gunicorn (2 sync workers) for one page; on exit it is killed with its workers and
    the database sessions they left running are ended, so queued slow requests cost nothing later."""

    def __enter__(self) -> str:
        self.port = free_port()
        # The caller's PYTHONPATH stays after ours: a checkout other than the installed one serves its own code.
        paths = [str(HERE), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_settings", "PYTHONPATH": os.pathsep.join(paths)}
        # Its log (the request log too) is kept only to say why, should it not start.
        self.log = tempfile.TemporaryFile()
        self.server = subprocess.Popen([str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
                                        "--timeout", "120", "--log-level", "critical", "--preload",
                                        "bench_wsgi:application"], env=env, cwd=HERE, start_new_session=True,
                                       stderr=self.log)
        try:
            wait_for(self.port)
        except RuntimeError:
            self._stop()
            self.log.seek(0)
            raise RuntimeError(self.log.read()[-3000:].decode(errors="replace")) from None
        global gunicorn_pid  # the soak reads its workers' memory
        gunicorn_pid = self.server.pid
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self._stop()
        self.log.close()

    def _stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.server.pid, signal.SIGKILL)
        self.server.wait(timeout=30)
        end_sessions()


def end_sessions() -> None:
    """End the PostgreSQL sessions of the killed workers (a query of theirs would otherwise run on)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
                     "AND application_name NOT IN ('psql', 'pg_dump')")


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not listen on 127.0.0.1:{port}")


def check(url: str, auth: dict) -> None:
    """One request before the load: the page must answer 200 to this user, not a redirect to the login."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", int(url.split(":")[2].split("/")[0]), timeout=120)
    headers = {"Cookie": auth["BENCH_COOKIE"]} if auth.get("BENCH_COOKIE") else {}
    conn.request("GET", quote("/" + url.split("/", 3)[3], safe=":/?&=+"), headers=headers)
    status = conn.getresponse().status
    conn.close()
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")


def wrk(url: str, auth: dict, opts: dict) -> dict:
    """One bounded wrk run (duration and a hard timeout); the Lua script prints the percentiles."""
    seconds, clients = opts["duration"], opts["clients"]
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "30s",
                          "-s", str(HERE / "session.lua"), quote(url, safe=":/?&=+")],
                         env={**os.environ, "BENCH_COOKIE": "", "BENCH_AUTH": "", **auth},
                         capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    return json.loads(line[len("BENCH "):])


def label(engine: str, opts: dict) -> str:
    return f"{engine}-{opts['scale']}"


def table(engine: str, opts: dict, result: dict, compare: dict | None) -> str:
    counted = {p["name"]: p for p in result["pages"]}
    before = {r["name"]: r for r in compare["runs"]} if compare else {}
    queries_before = {p["name"]: p["queries"] for p in compare["pages"]} if compare else {}
    source = (f"existing database, `giaoban synth --scale {opts['scale']} --years {opts['years']} --seed "
              f"{opts['seed']}`" if opts["reuse"] else
              f"`--scale {opts['scale']} --years {opts['years']} --seed {opts['seed']}`, loaded in "
              f"{result['load_seconds']:.0f} s")
    users = result.get("users", {})
    rounds = opts.get("rounds") or 1
    lines = [f"**{engine}, {opts['scale']} scale** ({source}; {result['directives']:,} directives); "
             f"{opts['clients']} clients, {opts['duration']} s per run"
             f"{f', the median of {rounds} rounds' if rounds > 1 else ''}; users: admin `{users.get('admin', '')}`, "
             f"editor `{users.get('editor', '')}`; yardstick: {counted['yardstick']['queries']} queries, "
             f"{counted['yardstick']['bytes'] / 1024:.1f} KB.", ""]
    head = "| page | user | queries | KB | p50 ms | p95 ms | p99 ms | req/s | errors | yardstick p95 ms | ÷ yardstick |"
    rule = "|---|---|---|---|---|---|---|---|---|---|---|"
    if compare:
        # On a shared machine two runs see different loads: the second ratio divides each page's ratio to the
        # yardstick of its own run, which is the like-for-like comparison of the two scales.
        head += (f" ÷ {compare['label']} p95 | ÷ {compare['label']}, each ÷ its yardstick |"
                 f" queries at {compare['label']} |")
        rule += "---|---|---|"
    lines += [head, rule]
    for run in result["runs"]:
        page, yard, c = run["page"], run["yardstick"], counted[run["name"]]
        rate = page["requests"] / (page["duration_us"] / 1e6)
        errors = page["socket_errors"] + page["status_errors"]
        if page["requests"]:
            times = f"{page['p50'] / 1000:.0f} | {page['p95'] / 1000:.0f} | {page['p99'] / 1000:.0f}"
            spread = run.get("ratios", [])
            shown = f"{ratio(run):.1f}×" + (f" ({spread[0]:.1f}–{spread[-1]:.1f})" if len(spread) > 1 else "")
        else:  # not one answer within the run: all that is known is that it took longer
            times = " | ".join([f"> {opts['duration'] * 1000}"] * 3)
            shown = f"> {opts['duration'] * 1e6 / max(yard['p95'], 1):.0f}×"
        line = (f"| {run['name']} | {run['who']} | {c['queries']} | {c['bytes'] / 1024:.1f} | {times} | {rate:.1f} | "
                f"{errors} | {yard['p95'] / 1000:.0f} | {shown} |")
        if compare:
            old = before.get(run["name"])
            done = old and old["page"]["requests"] and page["requests"]
            line += (f" {page['p95'] / max(old['page']['p95'], 1):.1f}× | {ratio(run) / ratio(old):.1f}× |"
                     if done else " – | – |")
            line += f" {queries_before.get(run['name'], '–')} |"
        lines.append(line)
    return "\n".join(lines)


def write(key: str, section: str) -> None:
    """Replace this engine and scale's block between the web-bench markers, keeping the others."""
    path = HERE.parent / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    start, end = f"<!-- web-bench:{key} -->", f"<!-- /web-bench:{key} -->"
    block = f"{start}\n{section}\n{end}"
    if START not in text:
        text = text.rstrip("\n") + f"\n\n## Pages under load\n\n{START}\n{END}\n"
    inside = re.search(re.escape(START) + "(.*?)" + re.escape(END), text, flags=re.S).group(1)
    if start in inside:
        inside = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _m: block, inside, flags=re.S)
    else:
        inside = inside.rstrip("\n") + f"\n\n{block}\n"
    text = text.replace(text[text.index(START):text.index(END) + len(END)], f"{START}{inside}{END}")
    path.write_text(text, encoding="utf-8")


def databases(opts: dict, workdir: str) -> list[tuple[benchdb.BenchDatabase, bool]]:
    """(database, made here) for each engine to measure."""
    url = os.environ.get("DATABASE_URL", "")
    if opts["reuse"]:
        if not url.startswith("postgres"):
            raise SystemExit("--reuse needs DATABASE_URL=postgres://… naming the server")
        base = url.rpartition("/")[0]
        return [(benchdb.BenchDatabase("PostgreSQL", f"{base}/{opts['reuse']}", None), False)]
    found = []
    for engine in ["sqlite", "postgres"] if not opts["engine"] else [opts["engine"]]:
        if engine == "postgres" and not url.startswith("postgres"):
            continue
        os.environ["DATABASE_URL"] = url if engine == "postgres" else ""
        found.append((benchdb.create(workdir, f"web_{opts['scale']}"), True))
        os.environ["DATABASE_URL"] = url
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="province", choices=["commune", "province", "nation"])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1, help="measure every page this many times, all pages in "
                        "turn in each round, and keep the round with the median ratio to its yardstick")
    parser.add_argument("--engine", choices=["sqlite", "postgres"], help="only this engine (default: both)")
    parser.add_argument("--reuse", metavar="DBNAME", help="measure this existing PostgreSQL database (no load)")
    parser.add_argument("--post-load", action="store_true", help="with --reuse: run synth's post-load hooks")
    parser.add_argument("--save", metavar="FILE", help="keep the result as JSON (for --compare)")
    parser.add_argument("--compare", metavar="FILE", help="a saved result at another scale, for the ratio")
    parser.add_argument("--write", action="store_true", help="put the table into BENCHMARKS.md")
    parser.add_argument("--only", metavar="NAMES", help="only the pages whose name contains one of these "
                        "comma-separated words (the yardstick is always measured); not with --write")
    opts = vars(parser.parse_args())
    if opts["only"] and opts["write"]:
        parser.error("--only measures part of the table: it cannot --write it")
    compare = json.loads(Path(opts["compare"]).read_text()) if opts["compare"] else None
    sections = []
    with tempfile.TemporaryDirectory() as workdir:
        for database, made in databases(opts, workdir):
            env = {**os.environ, "DATABASE_URL": database.url, "GIAOBAN_VAR": workdir, "DEBUG": "false",
                   "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
                   "SECURE_COOKIES": "false"}
            try:
                print(f"{database.engine}: {'measuring' if opts['reuse'] else 'loading and measuring'}", flush=True)
                out = subprocess.run([sys.executable, __file__, "--child", json.dumps(opts)], env=env, check=True,
                                     stdout=subprocess.PIPE, text=True, timeout=3 * 3600).stdout
            finally:
                if made:
                    benchdb.drop(database)
            print("".join(line + "\n" for line in out.splitlines() if not line.startswith("RESULT ")), end="")
            result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])
            result["label"] = label(database.engine, opts)
            if opts["save"]:
                Path(opts["save"]).parent.mkdir(parents=True, exist_ok=True)
                Path(opts["save"]).write_text(json.dumps({**result, "opts": opts}), encoding="utf-8")
            section = table(database.engine, opts, result, compare)
            sections.append(section)
            if opts["write"]:
                write(result["label"], section)
    print("\n\n".join(sections))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print("RESULT " + json.dumps(child(json.loads(sys.argv[2]))), flush=True)
    else:
        main()
