"""A soak: 20 clients for N minutes on a mix of pages, gunicorn (2 sync workers), errors and memory per minute.

The pages are web_bench's (dashboard, directive lists and filters, search, meetings, directive
page, consolidation, public page) asked in turn by the province Front admin; wrk runs one
minute at a time and after each minute the line printed gives the requests, errors (socket
errors and non-2xx/3xx answers), p95, and the resident memory of each gunicorn worker, so a
leak shows as a rising RSS and a crashed or restarted worker as a new pid.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/soak.py \\
        --minutes 10 --reuse giaoban_province
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import benchdb
import web_bench

HERE = Path(__file__).resolve().parent


def child() -> dict:
    """In a process on the database: the pages and the admin's session cookie."""
    import django

    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import yardstick

    yardstick.create_tables()
    pages, users, _token = web_bench.subjects()
    paths = [path for _name, path, who in pages if who == "admin" and path != "/_yardstick/"]
    return {"paths": paths, "cookie": web_bench.session_cookie(users["admin"])["BENCH_COOKIE"]}


def workers(master: int) -> dict[int, int]:
    """pid → RSS in MB of the gunicorn workers (the master's children)."""
    found = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except (OSError, ValueError):
            continue
        if fields.get("PPid", "").strip() == str(master):
            found[int(status.parent.name)] = int(fields.get("VmRSS", "0 kB").split()[0]) // 1024
    return found


def soak(minutes: int, clients: int, setup: dict) -> int:
    env_paths = "|".join(quote(p, safe=":/?&=+") for p in setup["paths"])
    errors_total = 0
    with web_bench.gunicorn() as base:
        master = web_bench.gunicorn_pid
        for minute in range(1, minutes + 1):
            out = subprocess.run(["wrk", "-t2", f"-c{clients}", "-d60s", "--timeout", "30s",
                                  "-s", str(HERE / "soak.lua"), base + "/"],
                                 env={**os.environ, "BENCH_COOKIE": setup["cookie"], "BENCH_PATHS": env_paths},
                                 capture_output=True, text=True, timeout=180, check=True).stdout
            result = json.loads(next(line for line in out.splitlines() if line.startswith("BENCH "))[6:])
            errors = result["socket_errors"] + result["status_errors"]
            errors_total += errors
            rss = ", ".join(f"{pid}: {mb} MB" for pid, mb in sorted(workers(master).items()))
            print(f"minute {minute:2d}: {result['requests']:5d} requests, {errors} errors, p95 "
                  f"{result['p95'] / 1000:6.0f} ms; workers RSS {rss}", flush=True)
    print(f"total errors: {errors_total}")
    return errors_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--reuse", metavar="DBNAME", help="an existing PostgreSQL database on DATABASE_URL's server")
    parser.add_argument("--scale", default="province", help="without --reuse: the synth scale to load")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        url = os.environ.get("DATABASE_URL", "")
        made = None
        if opts.reuse:
            database_url = f"{url.rpartition('/')[0]}/{opts.reuse}"
        else:
            made = benchdb.create(workdir, "soak")
            database_url = made.url
        env = {"DATABASE_URL": database_url, "GIAOBAN_VAR": workdir, "DEBUG": "false",
               "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
               "SECURE_COOKIES": "false"}
        os.environ.update(env)
        try:
            if made:
                subprocess.run([str(Path(sys.executable).parent / "giaoban"), "migrate", "-v0"], check=True)
                subprocess.run([str(Path(sys.executable).parent / "giaoban"), "synth", "--scale", opts.scale,
                                "--years", "5"], check=True, capture_output=True)
            out = subprocess.run([sys.executable, __file__, "--child"], check=True, capture_output=True,
                                 text=True).stdout
            setup = json.loads(out.strip().splitlines()[-1])
            started = time.perf_counter()
            soak(opts.minutes, opts.clients, setup)
            print(f"soak of {opts.minutes} min at {opts.clients} clients done in {time.perf_counter() - started:.0f} s")
        finally:
            if made:
                benchdb.drop(made)


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        print(json.dumps(child()))
    else:
        main()
