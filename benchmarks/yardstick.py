"""The yardstick: a bare Django view rendering a 50-row list from a JOIN over 100k rows.

Served by the same gunicorn as the project (bench_urls.py) and measured interleaved with
the project's pages, so every page is quoted as a ratio to it: the machine is shared and
its speed varies from minute to minute, the ratio much less.
"""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template import engines

ITEMS, GROUPS, ROWS = 100_000, 1_000, 50
TEMPLATE = engines["django"].from_string(
    "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Yardstick</title></head><body>"
    "<h1>Danh sách</h1><table><thead><tr><th>#</th><th>Tên</th><th>Nhóm</th><th>Ngày</th></tr></thead><tbody>"
    "{% for id, title, day, group in rows %}<tr><td>{{ id }}</td><td>{{ title }}</td><td>{{ group }}</td>"
    "<td>{{ day|date:'d/m/Y' }}</td></tr>{% endfor %}</tbody></table></body></html>")


def create_tables() -> None:
    """Two plain tables, 1,000 groups and 100,000 items, in the benchmark's database (once: a reused
    database keeps them)."""
    if "bench_item" in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_group (id integer PRIMARY KEY, name varchar(100) NOT NULL)")
        cursor.execute("CREATE TABLE bench_item (id integer PRIMARY KEY, group_id integer NOT NULL "
                       "REFERENCES bench_group (id), title varchar(200) NOT NULL, day date NOT NULL)")
        cursor.execute("CREATE INDEX bench_item_group ON bench_item (group_id)")
        cursor.executemany("INSERT INTO bench_group (id, name) VALUES (%s, %s)",
                           [(g, f"Nhóm {g}") for g in range(1, GROUPS + 1)])
        for start in range(1, ITEMS + 1, 10_000):
            cursor.executemany("INSERT INTO bench_item (id, group_id, title, day) VALUES (%s, %s, %s, %s)",
                               [(i, i % GROUPS + 1, f"Việc số {i} của khối", f"2025-{i % 12 + 1:02d}-15")
                                for i in range(start, start + 10_000)])


@login_required
def view(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT i.id, i.title, i.day, g.name FROM bench_item i JOIN bench_group g ON g.id = i.group_id"
                       " ORDER BY i.id DESC LIMIT %s", [ROWS])
        rows = cursor.fetchall()
    return HttpResponse(TEMPLATE.render({"rows": rows}, request))
