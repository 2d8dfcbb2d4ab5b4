"""PostgreSQL: one GIN key per (area, word) of an entry, so a query's keys name the user's areas and words together.

The (areas, words) GIN index of 0003 answers a province user's query by intersecting two posting
lists that both grow with the country: every entry of the country holding the words, and every
entry of the area. At national size that is hundreds of thousands of row ids per query for a
common phrase even when the area holds a few hundred hits. Here each entry's keys are its words
prefixed by each area of its scope ("12/tuyen"), so a key's posting list holds one area's entries
only and a province's search reads what the province holds, at any size of the country.

The keys are an expression of the row (no stored column): the migration builds an index and
rewrites no row. The expression is an IMMUTABLE SQL function of (scope, words), so the query
writes the same expression and the planner matches it to the index (query._area_matching).
SQLite keeps its FTS5 table and its (date, id, scope) index: a commune's or a province's data.
"""

from django.db import migrations

FUNCTION = (
    "CREATE OR REPLACE FUNCTION search_area_words(scope text, words tsvector) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ "
    "SELECT array_to_tsvector(ARRAY(SELECT area || '/' || word "
    "FROM unnest(string_to_array(btrim(scope), ' ')) AS area, unnest(tsvector_to_array(words)) AS word)) $$"
)
POSTGRESQL = (
    FUNCTION,
    # A GIN build sorts its keys in this memory: the default 64 MB spills a country's keys to disk many times.
    "SET LOCAL maintenance_work_mem = '256MB'",
    "CREATE INDEX search_entry_area_words ON search_searchentry USING gin (search_area_words(scope, words))",
)
POSTGRESQL_BACK = (
    "DROP INDEX search_entry_area_words",
    "DROP FUNCTION search_area_words(text, tsvector)",
)


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement, params=None)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_stored_words"),
    ]

    operations = [migrations.RunPython(_run({"postgresql": POSTGRESQL}), _run({"postgresql": POSTGRESQL_BACK}))]
