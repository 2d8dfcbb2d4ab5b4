"""The busiest list endpoints' pages: rows turned into JSON without the schema's per-row validation, and the
page's JSON kept in the shared cache until a write changes what it shows.

Reading a page of 50 directives through the schema (`ninja.Schema` reading every field of every row
through its getter, pydantic validating each) cost about a tenth of the page's CPU at province scale.
The rows come from our own database through our own models, so the list endpoints read the same
attributes and resolvers the schema names (`plain_row`) and render the page with ninja's own JSON
renderer: the body is the one the schema would give (tests/api/test_lists.py compares them), and the
OpenAPI schema is still generated from the response declared on the endpoint.

A list's first page (no cursor, no offset: the page most programs ask again and again) is kept in the
shared cache (core/versions.py) under a key made of the path and query string (filters, order, limit),
the day (`overdue` and the deadline's label depend on it), the language, the token user's memberships
(accounts.access.membership_key: two users share a page only with the same roles on the same bodies)
and the data versions the endpoint names: those of the directive lists (directives/listcache.py),
which every write to a directive, its links, a meeting, a body, a bloc or a place replaces after it
commits. The token is checked and its call counted before (api/auth.py), so a cached page is still
only served within the token's rate and its user's reach.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from ninja import Schema
from ninja.pagination import PaginationBase
from ninja.renderers import JSONRenderer
from pydantic import BaseModel

from giaoban.accounts.access import membership_key
from giaoban.core import versions

PREFIX = "api-page:"
# A safety net only: the versions make an entry unreachable as soon as the data changes.
TIMEOUT_SECONDS = 15 * 60
_RENDERER = JSONRenderer()
CONTENT_TYPE = f"{_RENDERER.media_type}; charset={_RENDERER.charset}"


def _reader(path: list[str]) -> Callable[[Any], Any]:
    """The value at the dotted path, None past a missing link, a method's result (as the schema reads it)."""
    def read(obj: Any) -> Any:
        for name in path:
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        return obj() if callable(obj) else obj
    return read


def plain_row(schema: type[Schema]) -> Callable[[Any], dict]:
    """A function giving the dict the schema would dump for one record (fields by name, in the schema's order).

    Only for schemas of plain values (no nested schema), whose resolvers take the record alone.
    """
    readers = []
    for name, field in schema.model_fields.items():
        if any(isinstance(kind, type) and issubclass(kind, BaseModel)
               for kind in (field.annotation, *getattr(field.annotation, "__args__", ()))):
            raise TypeError(f"{schema.__name__}.{name}: nested schemas are not plain rows")
        resolver = getattr(schema, f"resolve_{name}", None)
        readers.append((name, resolver or _reader((field.alias or name).split("."))))

    def row(obj: Any) -> dict:
        return {name: read(obj) for name, read in readers}
    return row


def first_page(request: HttpRequest) -> bool:
    """Only a list's first page is kept. The pages after it are read by a program walking the list, once: keeping
    them would cost a write per page for an entry nobody asks again, and a walk through a million directives
    would fill the shared cache with them, pushing out the entries that are asked again."""
    return not request.GET.get("cursor") and request.GET.get("offset", "0") in ("", "0")


def page_key(request: HttpRequest, version_names: list[str], today: datetime.date) -> str:
    parts = [request.path, request.META.get("QUERY_STRING", ""), today.isoformat(),
             translation.get_language() or "", membership_key(request.user),
             *versions.current_many(version_names)]
    return PREFIX + hashlib.sha256(chr(31).join(parts).encode()).hexdigest()


def plain_page(item: type[Schema], paginator: type[PaginationBase],
               version_names: Callable[[Any], list[str]]) -> Callable:
    """Serve a paginated list endpoint's page from the shared cache, built with `plain_row(item)` on a miss.

    Goes between the router's decorator and `@paginate(paginator)`, so the endpoint's parameters,
    validation and OpenAPI schema are those of the paginated view; an error it raises is never cached.
    """
    row = plain_row(item)
    fields = list(paginator.Output.model_fields)

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def respond(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            def build() -> str:
                page = view(request, **kwargs)
                data = {name: [row(obj) for obj in page[name]] if name == "items" else page[name] for name in fields}
                return _RENDERER.render(request, data, response_status=200)

            if not first_page(request):
                return HttpResponse(build(), content_type=CONTENT_TYPE)
            key = page_key(request, version_names(request.user), timezone.localdate())
            return HttpResponse(versions.built(key, build, TIMEOUT_SECONDS), content_type=CONTENT_TYPE)
        return respond
    return decorate
