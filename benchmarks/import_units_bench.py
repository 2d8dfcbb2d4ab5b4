"""Time `giaoban import-units` on a fresh database, then its idempotent rerun.

Sizes: one province, then all 34 provinces (3,321 communes), each with and
without the communes' Front committees and member organisations.
Runs against a throw-away SQLite file, or a throw-away PostgreSQL database
when DATABASE_URL names a PostgreSQL server (the database `<name>_bench` is
created and dropped).

    .venv/bin/python benchmarks/import_units_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/giaoban .venv/bin/python benchmarks/import_units_bench.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchdb

GIAOBAN = str(Path(sys.executable).with_name("giaoban"))


def run(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([GIAOBAN, *args], env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def fresh_database(env: dict, workdir: str) -> dict:
    env["DATABASE_URL"] = benchdb.create(workdir, "import_units_bench").url
    run(["migrate", "--noinput"], env)
    return env


def main() -> None:
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"import-units on {engine}")
    print(f"{'scope':34s} {'first run':>10s} {'second run':>11s}")
    with tempfile.TemporaryDirectory() as workdir:
        for label, args in [
            ("1 province (Lạng Sơn)", ["--province", "Lạng Sơn"]),
            ("1 province + fronts", ["--province", "Lạng Sơn", "--with-front"]),
            ("34 provinces, 3,321 communes", []),
            ("34 provinces + fronts", ["--with-front"]),
        ]:
            env = fresh_database({**os.environ, "DEBUG": "true"}, workdir)
            first = run(["import-units", *args], env)
            second = run(["import-units", *args], env)
            print(f"{label:34s} {first:9.2f}s {second:10.2f}s")


if __name__ == "__main__":
    main()
