"""What /healthz checks: the database answers, every migration is applied, the worker beats.

Each check returns a short word, never an exception text: the answer is public
and must not leak host names, users or paths.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from giaoban.operations.worker import latest_beat, stale_before

OK = "ok"
PASSING = {OK, "not used", "not checked"}


def database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unreachable"
    return OK


def migrations() -> str:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "pending" if plan else OK


def worker() -> str:
    if not settings.GIAOBAN_WORKER:  # e-mails are sent in-process: there is no worker to watch
        return "not used"
    last = latest_beat()
    if last is None:
        return "missing"
    return OK if last >= stale_before() else "stale"


def run_checks() -> dict[str, str]:
    checks = {"database": database()}
    if checks["database"] != OK:
        return {**checks, "migrations": "not checked", "worker": "not checked"}
    try:
        checks["migrations"] = migrations()
        checks["worker"] = worker()
    except DatabaseError:  # the database went away between two checks
        checks["database"] = "unreachable"
        checks.setdefault("migrations", "not checked")
        checks.setdefault("worker", "not checked")
    return checks


def failing(checks: dict[str, str]) -> list[str]:
    return [name for name, value in checks.items() if value not in PASSING]
