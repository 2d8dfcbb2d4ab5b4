"""PostgreSQL: the folded words stored once per row as a tsvector, and the (areas, words) GIN index on it.

Matching a row against a query used to parse its folded text again (to_tsvector per row): ≈80 µs
per row checked, so a list narrowed by a text filter, read in its own order and checking row by
row, paid that for every row it passed. The stored column is computed by the database on every
insert and update (a generated column: no code keeps it in step), and the planner has statistics
on it to choose between reading the index and checking rows in order.

Adding a generated column rewrites the table once, every row's words parsed in SQL: on a
province's 112,554 rows 9.5 s for the rewrite, 3.0 s for the (areas, words) GIN index and 2.0 s
for the three smaller indexes (a shared 2-core machine at load ≈7, where a plain rewrite of the
same table took 2.1 s), under an exclusive lock on the search table (searching and indexing wait).
Applied to the national database (5,676,192 rows) it took 3 min 48 s (load ≈ 3–5).
SQLite keeps its FTS5 table (0001) and gets the index a search reads in date order (query._recent).
"""

from django.db import migrations

# The old index is dropped first: the rewrite would otherwise build it again (parsing every row twice).
POSTGRESQL = (
    "DROP INDEX search_entry_scope_fts",
    "ALTER TABLE search_searchentry ADD COLUMN words tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED",
    "CREATE INDEX search_entry_scope_words ON search_searchentry USING gin "
    "(string_to_array(btrim(scope), ' '), words)",
    # A search ranks its most recent hits (query.py): a user's area read in date order, and the
    # few rows seen from several areas through an index of their own.
    "CREATE INDEX search_entry_recent ON search_searchentry (scope, date DESC NULLS LAST, id DESC)",
    "CREATE INDEX search_entry_shared_words ON search_searchentry USING gin "
    "(string_to_array(btrim(scope), ' '), words) WHERE btrim(scope) LIKE '% %'",
    # The directive list's text filter (query.matching_ids): the directives' words alone.
    "CREATE INDEX search_entry_directive_words ON search_searchentry USING gin (words) WHERE kind = 'directive'",
)
POSTGRESQL_BACK = (
    "DROP INDEX search_entry_directive_words",
    "DROP INDEX search_entry_shared_words",
    "DROP INDEX search_entry_recent",
    "DROP INDEX search_entry_scope_words",
    "ALTER TABLE search_searchentry DROP COLUMN words",
    "CREATE INDEX search_entry_scope_fts ON search_searchentry USING gin "
    "(string_to_array(btrim(scope), ' '), to_tsvector('simple', folded))",
)
SQLITE = ("CREATE INDEX search_entry_recent ON search_searchentry (date DESC, id DESC, scope)",)
SQLITE_BACK = ("DROP INDEX search_entry_recent",)


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement, params=None)  # literal % in the statements
    return run


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_entry_scope"),
    ]

    operations = [migrations.RunPython(_run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
                                       _run({"postgresql": POSTGRESQL_BACK, "sqlite": SQLITE_BACK}))]
