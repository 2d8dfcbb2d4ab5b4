"""`giaoban remind` at two data sizes and two digest counts: peak memory (RSS) and time per run.

Each run is a separate `giaoban remind --today DAY --no-email` process, so its peak RSS is its
own (getrusage of the finished child).  On each database: run 1 on DAY with no run recorded
(it catches every current occasion up: many digests), run 2 on DAY + 1 (only the occasions
since run 1: few digests), run 3 on DAY + 7 (a week of occasions).  The runs write notifications
and the ledger, so give it a database you can spare: a throw-away province database made here
(default), or `--reuse NAME`, an existing PostgreSQL database on DATABASE_URL's server, e.g. a
copy of the nation database (`createdb -T giaoban_nation giaoban_remind`).

    .venv/bin/python benchmarks/remind_bench.py                       # SQLite, province scale
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/remind_bench.py \\
        --reuse giaoban_remind --today 2026-12-01
"""

import argparse
import datetime
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchdb

BIN = Path(sys.executable).parent


def run(env: dict, *args: str) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, last line printed) of one giaoban process (the caller's only child)."""
    started = time.perf_counter()
    out = subprocess.run([str(BIN / "giaoban"), *args], env=env, check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    return seconds, peak / 1024, out.strip().splitlines()[-1]


def measured(env: dict, *args: str) -> tuple[float, float, str]:
    """One run inside a fresh wrapper process: RUSAGE_CHILDREN's peak is the largest child's, so each run
    gets a parent of its own and the figure is that run's alone."""
    out = subprocess.run([sys.executable, __file__, "--one", *args], env=env, check=True, capture_output=True,
                         text=True).stdout.strip().splitlines()[-1]
    seconds, mb, line = out.split("|", 2)
    return float(seconds), float(mb), line


def counts(env: dict) -> str:
    code = ("import django; django.setup(); from giaoban.directives.models import Directive; "
            "print(Directive.objects.count(), Directive.objects.open().count())")
    out = subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "giaoban.settings"},
                         check=True, capture_output=True, text=True).stdout.split()
    return f"{int(out[0]):,} directives, {int(out[1]):,} open"


def bench(env: dict, today: datetime.date, label: str) -> None:
    subprocess.run([str(BIN / "giaoban"), "migrate", "-v0"], env=env, check=True)
    print(f"{label}: {counts(env)}", flush=True)
    for day, what in [(today, "first run (catches up every current occasion)"),
                      (today + datetime.timedelta(days=1), "next day"),
                      (today + datetime.timedelta(days=8), "a week later")]:
        seconds, mb, line = measured(env, "remind", "--no-email", "--today", day.isoformat())
        print(f"  {day.isoformat()} {what:48s} {seconds:7.1f} s  peak RSS {mb:5.0f} MB   {line}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", metavar="DBNAME", help="an existing PostgreSQL database that may be written to")
    parser.add_argument("--scale", default="province", help="without --reuse: the synth scale to load")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 12, 1))
    opts = parser.parse_args()
    # DEBUG off: with it Django keeps the text of the last 9,000 queries, which would be measured as remind's.
    base_env = {**os.environ, "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(40),
                "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    with tempfile.TemporaryDirectory() as workdir:
        base_env["GIAOBAN_VAR"] = workdir
        if opts.reuse:
            url = os.environ.get("DATABASE_URL", "")
            if not url.startswith("postgres"):
                raise SystemExit("--reuse needs DATABASE_URL=postgres://… naming the server")
            bench({**base_env, "DATABASE_URL": f"{url.rpartition('/')[0]}/{opts.reuse}"}, opts.today, opts.reuse)
            return
        database = benchdb.create(workdir, "remind")
        env = {**base_env, "DATABASE_URL": database.url}
        try:
            subprocess.run([str(BIN / "giaoban"), "migrate", "-v0"], env=env, check=True)
            subprocess.run([str(BIN / "giaoban"), "synth", "--scale", opts.scale, "--years", str(opts.years)],
                           env=env, check=True, capture_output=True)
            bench(env, opts.today, f"{database.engine}, {opts.scale} scale")
        finally:
            benchdb.drop(database)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        seconds, mb, line = run(dict(os.environ), *sys.argv[2:])
        print(f"{seconds:.2f}|{mb:.0f}|{line}")
    else:
        main()
