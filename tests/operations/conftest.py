"""Subprocesses (gunicorn, `giaoban worker`) that reach the very database the test uses."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def postgres_url(settings_dict: dict, host: str | None = None, port: int | None = None) -> str:
    user = quote(settings_dict["USER"] or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict.get("PASSWORD") else ""
    return (f"postgres://{user}{password}@{host or settings_dict['HOST'] or '127.0.0.1'}:"
            f"{port or settings_dict['PORT'] or 5432}/{settings_dict['NAME']}")


@pytest.fixture
def shared_database(transactional_db, tmp_path) -> Iterator[Path | None]:
    """PostgreSQL: the test database as it is (None).  SQLite: the in-memory test
    database copied to a file that this test's own connection uses too (its path)."""
    if connection.vendor != "sqlite":
        yield None
        return
    settings_dict = connection.settings_dict
    memory = settings_dict["NAME"]
    keeper = sqlite3.connect(memory, uri=True)  # an in-memory database lives while a connection is open
    path = tmp_path / "db" / "giaoban.sqlite3"
    path.parent.mkdir()
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    settings_dict["NAME"] = str(path)  # Django refuses to close an in-memory connection: rename it first
    connection.close()
    try:
        yield path
    finally:
        connection.close()
        settings_dict["NAME"] = memory
        connection.ensure_connection()
        keeper.close()


def database_url(path: Path | None, host: str | None = None, port: int | None = None) -> str:
    return f"sqlite:///{path}" if path else postgres_url(connection.settings_dict, host, port)


def app_env(tmp_path: Path, database: str, **extra: str) -> dict:
    """A production-like environment: no DEBUG, a real secret, the project's tests importable."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "GIAOBAN_DEMO", "PYTEST_CURRENT_TEST"}}
    # The test's own secret: sessions made here with force_login() must be valid there.
    env.update(DATABASE_URL=database, SECRET_KEY=settings.SECRET_KEY,
               ALLOWED_HOSTS="127.0.0.1", GIAOBAN_VAR=str(tmp_path / "var"), MEDIA_ROOT=str(tmp_path / "media"),
               GIAOBAN_ENV="production", STATIC_MANIFEST="false",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "src")]), **extra)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)
