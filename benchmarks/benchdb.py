"""Throw-away databases for the benchmarks, so a developer's own data is never touched.

`create(workdir, suffix)` gives a new SQLite file under `workdir`, or, when DATABASE_URL names
a PostgreSQL server, a freshly created database `<name>_<suffix>` on that server; `drop(db)`
removes the PostgreSQL one afterwards.
"""

import os
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BenchDatabase:
    engine: str  # "SQLite" or "PostgreSQL", for the printed table
    url: str
    postgres_name: str | None = None


def create(workdir: str, suffix: str) -> BenchDatabase:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        path = Path(workdir) / f"{suffix}-{time.time_ns()}.sqlite3"
        return BenchDatabase("SQLite", f"sqlite:///{path}")
    import psycopg

    base, _sep, name = url.rpartition("/")
    bench_db = f"{name or 'giaoban'}_{suffix}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{bench_db}"')
        conn.execute(f'CREATE DATABASE "{bench_db}"')
    return BenchDatabase("PostgreSQL", f"{base}/{bench_db}", bench_db)


def drop(database: BenchDatabase) -> None:
    if not database.postgres_name:
        return
    import psycopg

    try:
        from django.conf import settings
        from django.db import connections

        if settings.configured:  # a parent process that only made the database never set Django up
            connections.close_all()
    except ImportError:
        pass
    base = database.url.rpartition("/")[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database.postgres_name}" WITH (FORCE)')
