"""Writing synthetic rows in bulk: COPY on PostgreSQL, executemany on SQLite.

Model instances and bulk_create cost more Python time per row than drawing the row itself, and
at nation scale (≈ 20M rows) that alone would take half an hour; so synth draws plain tuples
with ids it allocates itself, and a `Table` turns them into full rows: the columns synth gives,
then every other concrete column filled with the field's default (computed once per load:
`version` 1, empty texts, `timezone.now()` for auto timestamps).  PostgreSQL receives them through
psycopg 3's `cursor.copy()`, SQLite through one executemany per batch, so both engines get
the same rows for a seed.  Sequences are moved past the allocated ids at the end (`finish`).
"""

import contextlib
import datetime
import queue
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

# Fields whose values SQLite's driver cannot store as they are (aware datetimes, decimals, times).
_SQLITE_ADAPTED = (models.DateTimeField, models.DecimalField, models.TimeField)


class Table:
    """One table's full rows from the columns synth draws (`given`, attnames, id first)."""

    def __init__(self, model: type[models.Model], given: Sequence[str]) -> None:
        self.model = model
        fields = {f.attname: f for f in model._meta.concrete_fields}
        missing = [name for name in given if name not in fields]
        if missing:
            raise ValueError(f"{model._meta.label}: no column {missing}")
        now = timezone.now()
        rest = [f for name, f in fields.items() if name not in given]
        self.fields = [fields[name] for name in given] + rest
        self.columns = [f.column for f in self.fields]
        self.tail = tuple(self._default(f, now) for f in rest)
        self.width = len(given)

    @staticmethod
    def _default(field: models.Field, now: datetime.datetime):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        elif field.has_default() or not field.null:
            value = field.get_default()
        else:
            value = None
        if isinstance(field, models.FileField):
            return str(value or "")
        return field.get_db_prep_save(value, connection) if isinstance(field, models.JSONField) else value

    def rows(self, drawn: Iterable[tuple]) -> Iterable[tuple]:
        tail = self.tail
        return (row + tail for row in drawn)


class Ids:
    """The next free id of each table, read once, so rows can refer to each other before they are written."""

    def __init__(self) -> None:
        self._next: dict[type[models.Model], int] = {}

    def take(self, model: type[models.Model], n: int) -> range:
        if model not in self._next:
            last = model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0
            self._next[model] = last + 1
        start = self._next[model]
        self._next[model] = start + n
        return range(start, start + n)


def write(table: Table, drawn: Sequence[tuple]) -> int:
    """Write the drawn rows of one table; returns how many."""
    if not drawn:
        return 0
    cols = ", ".join(connection.ops.quote_name(c) for c in table.columns)
    name = connection.ops.quote_name(table.model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The driver's own cursor: its errors are given Django's classes, as the ORM's are.
            with connection.wrap_database_errors, cursor.cursor.copy(f"COPY {name} ({cols}) FROM STDIN") as copy:
                for row in table.rows(drawn):
                    copy.write_row(row)
        else:
            adapt = [(i, f) for i, f in enumerate(table.fields) if isinstance(f, _SQLITE_ADAPTED)]
            marks = ", ".join(["%s"] * len(table.columns))
            rows = []
            for row in table.rows(drawn):
                row = list(row)
                for i, f in adapt:
                    row[i] = f.get_db_prep_save(row[i], connection)
                rows.append(row)
            cursor.executemany(f"INSERT INTO {name} ({cols}) VALUES ({marks})", rows)
    return len(drawn)


class Sink:
    """Where a load's rows go: written at once on this connection, in the caller's transactions."""

    def write(self, table: Table, drawn: Sequence[tuple]) -> int:
        return write(table, drawn)

    def transaction(self) -> contextlib.AbstractContextManager:
        return transaction.atomic()

    def close(self) -> None:
        """Wait until every row is written; raises what went wrong writing them."""


_COMMIT, _ROLLBACK, _STOP = object(), object(), object()


class Pipe(Sink):
    """A committed PostgreSQL load's rows, sent by a thread on a connection of its own while the caller
    draws the next ones: drawing rows and PostgreSQL storing them had taken turns, each waiting for
    the other.  A transaction here is one on the thread's connection, committed once its rows are in."""

    def __init__(self, replica: bool) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=64)
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(replica,), name="synth-rows")
        self._thread.start()

    def write(self, table: Table, drawn: Sequence[tuple]) -> int:
        self._put((table, drawn))
        return len(drawn)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            yield
        except BaseException:
            self._put(_ROLLBACK)
            raise
        self._put(_COMMIT)

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join()
        if self._failure is not None:
            raise self._failure

    def _put(self, item: object) -> None:
        if self._failure is not None:
            raise self._failure
        self._queue.put(item)

    def _run(self, replica: bool) -> None:
        try:
            with connection.cursor() as cursor:
                if replica:
                    cursor.execute("SET session_replication_role = replica")
            transaction.set_autocommit(False)
            while (item := self._queue.get()) is not _STOP:
                if item is _COMMIT:
                    transaction.commit()
                elif item is _ROLLBACK:
                    transaction.rollback()
                else:
                    write(*item)
            transaction.rollback()  # rows drawn after the last commit belong to no finished transaction
        except BaseException as error:
            self._failure = error
            while self._queue.get() is not _STOP:  # the caller learns at its next row; never leave it blocked
                pass
        finally:
            connection.close()


@contextlib.contextmanager
def bulk_session(model_list: Sequence[type[models.Model]], *, defer_indexes: bool = False) -> Iterator[Sink]:
    """On PostgreSQL, write without the checks and indexes that cost most per row, and restore them.

    Foreign-key triggers are skipped (a superuser's `session_replication_role = replica`): every
    row would queue a deferred check per reference, for references synth itself just allocated
    (the SQLite tests run with foreign keys on and check them).  With `defer_indexes` (nation
    scale) the tables' non-unique indexes, the search GIN index first among them, are dropped
    and built again at the end, once, instead of being updated row by row; unique indexes stay,
    so a duplicate still fails the load.  Outside a transaction the rows go through a `Pipe`.
    """
    if connection.vendor != "postgresql":
        yield Sink()
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        superuser = cursor.fetchone()[0]
        if superuser:
            cursor.execute("SET session_replication_role = replica")
        deferred = _drop_indexes(cursor, [m._meta.db_table for m in model_list]) if defer_indexes else []
    sink = Sink() if connection.in_atomic_block else Pipe(replica=superuser)
    try:
        yield sink
    finally:
        try:
            sink.close()
        finally:
            if superuser:
                with connection.cursor() as cursor:
                    cursor.execute("SET session_replication_role = DEFAULT")
            if deferred:
                build_indexes(deferred)


INDEX_BUILDERS = 2


def build_indexes(deferred: Sequence[tuple[str, str]]) -> None:
    """Run the deferred (table, CREATE INDEX) pairs, largest table first, on INDEX_BUILDERS connections.

    An index builds on one core (PostgreSQL's parallel workers help b-trees only, and the search
    entries' GIN index alone takes about as long as all the others), so two builders keep both
    cores busy.  Inside a transaction (the tests) other connections would wait on its locks: there
    the indexes are built one after the other on this connection.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT t, pg_relation_size(t::regclass) FROM unnest(%s::text[]) t",
                       [sorted({table for table, _ in deferred})])
        sizes = dict(cursor.fetchall())
    ordered = [definition for table, definition in sorted(deferred, key=lambda pair: -sizes[pair[0]])]
    if connection.in_atomic_block:
        _build(ordered)
        return
    pending: queue.SimpleQueue[str] = queue.SimpleQueue()
    for definition in ordered:
        pending.put(definition)
    with ThreadPoolExecutor(INDEX_BUILDERS) as pool:
        for builder in [pool.submit(_builder, pending) for _ in range(INDEX_BUILDERS)]:
            builder.result()


def _builder(pending: "queue.SimpleQueue[str]") -> None:
    """One thread's share, on the thread's own connection (Django's connections are per thread)."""

    def taken() -> Iterator[str]:
        while True:
            try:
                yield pending.get_nowait()
            except queue.Empty:
                return

    try:
        _build(taken())
    finally:
        connection.close()


def _build(definitions: Iterable[str]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for definition in definitions:
            cursor.execute(definition)
        cursor.execute("RESET maintenance_work_mem")


def _drop_indexes(cursor, tables: list[str]) -> list[tuple[str, str]]:
    """Drop the plain (non-unique, non-constraint) indexes of `tables`; returns (table, definition) pairs."""
    cursor.execute(
        "SELECT i.indexrelid::regclass::text, t.oid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
        " JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname = ANY(%s) AND NOT i.indisunique"
        " AND NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
        " ORDER BY 1", [tables])
    found = cursor.fetchall()
    for name, _table, _definition in found:
        cursor.execute(f"DROP INDEX {name}")
    return [(table, definition) for _name, table, definition in found]


def finish(model_list: Iterable[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids synth gave (SQLite's AUTOINCREMENT follows by itself),
    and give PostgreSQL the tables' statistics: the post-load rebuilds and the first pages are planned
    from them, and autovacuum may not have looked at tables filled in one transaction yet."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    if connection.vendor == "postgresql":
        statements.append("ANALYZE")  # a sample of each table: seconds, even at nation scale
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
