"""Keyset pages: "Trang sau" carries the last row's sort key instead of a page number.

An offset page makes the database read and throw away every row before it, and a page count
needs a COUNT over every matching row; both grow with what the database holds. A keyset page
reads the rows after (or before) a key, in the list's order, so with an index serving that
order it costs what it shows. The count is bounded ("hơn 1.000"), never exact over millions.

Usage::

    page = keyset_page(request, queryset, ["deadline", "-meeting__date", "pk"], per_page=50,
                       nulls_last=["deadline"])
    page.object_list, page.next_query("status=open"), page.count_label

The order must end with a unique key (pk) so that every row has exactly one place.
"""

import base64
import binascii
import datetime
import decimal
import functools
import json
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import F, OrderBy, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

AFTER, BEFORE = "sau", "truoc"  # the URL parameters, in the language of the site's URLs
COUNT_LIMIT = 1000


@dataclass(frozen=True)
class Key:
    """One column of the order: its lookup path, its direction, and whether NULLs go last (nullable columns)."""

    name: str
    descending: bool = False
    nulls_last: bool = False

    def order(self) -> OrderBy:
        expr = F(self.name)
        nulls = {"nulls_last": True} if self.nulls_last else {}
        return expr.desc(**nulls) if self.descending else expr.asc(**nulls)

    def value(self, row) -> object:
        """The row's value for this key, following select_related objects (`meeting__date`)."""
        value = row
        for part in self.name.split("__"):
            if value is None:
                return None
            value = getattr(value, part)
        return value

    def equal(self, value) -> Q:
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: value})

    def beyond(self, value) -> Q | None:
        """The rows that come after `value` in this column's order (None: none do)."""
        if value is None:
            return None  # NULLs are last: nothing non-null comes after them
        beyond = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        return beyond | Q(**{f"{self.name}__isnull": True}) if self.nulls_last else beyond

    def reversed(self) -> "ReversedKey":
        return ReversedKey(self.name, not self.descending, self.nulls_last)


@dataclass(frozen=True)
class ReversedKey(Key):
    """A key read backwards (for "Trang trước"): NULLs that were last come first."""

    def order(self) -> OrderBy:
        expr = F(self.name)
        nulls = {"nulls_first": True} if self.nulls_last else {}
        return expr.desc(**nulls) if self.descending else expr.asc(**nulls)

    def beyond(self, value) -> Q | None:
        if value is None:  # NULLs first: every non-null value comes after
            return Q(**{f"{self.name}__isnull": False})
        return Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})


def keys_of(ordering: Iterable[str | OrderBy], nulls_last: Iterable[str] = ()) -> list[Key]:
    """Keys from an order_by() list: "name", "-name" or F("name").asc()/.desc(nulls_last=True)."""
    nullable = set(nulls_last)
    keys = []
    for item in ordering:
        if isinstance(item, OrderBy):
            if not isinstance(item.expression, F):
                raise ValueError(f"keyset order on an expression is not supported: {item!r}")
            keys.append(Key(item.expression.name, item.descending, bool(item.nulls_last)))
        else:
            name = item.lstrip("-")
            keys.append(Key(name, item.startswith("-"), name in nullable))
    return keys


def after(keys: Sequence[Key], values: Sequence) -> Q:
    """Rows strictly after `values` in the order of `keys`: k1 > v1, or k1 = v1 and k2 > v2, and so on."""
    return functools.reduce(operator.or_, segments(keys, values))


def segments(keys: Sequence[Key], values: Sequence) -> list[Q]:
    """`after` as disjoint conditions, each a range of the first key (in the order they come).

    A database reads `k1 >= v1 AND …` as an index range; `… OR k1 IS NULL` would make it read the
    whole index instead, so the NULLs of a nullable first key are their own segment, read after.
    """
    first, value = keys[0], values[0]
    rest = _chain(keys[1:], values[1:])
    isnull = Q(**{f"{first.name}__isnull": True})
    if value is None:  # at the NULLs: the rest of them, then (read backwards) every non-null row
        return [isnull & rest, ~isnull] if isinstance(first, ReversedKey) else [isnull & rest]
    op = "lt" if first.descending else "gt"
    within = (Q(**{f"{first.name}__{op}e": value})
              & (Q(**{f"{first.name}__{op}": value}) | Q(**{first.name: value}) & rest))
    nulls_follow = first.nulls_last and not isinstance(first, ReversedKey)
    return [within, isnull] if nulls_follow else [within]


def _chain(keys: Sequence[Key], values: Sequence) -> Q:
    condition, prefix = Q(pk__in=[]), Q()
    for key, value in zip(keys, values, strict=True):
        beyond = key.beyond(value)
        if beyond is not None:
            condition |= prefix & beyond
        prefix &= key.equal(value)
    return condition


def encode(values: Sequence) -> str:
    raw = json.dumps([_plain(value) for value in values], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(token: str, length: int) -> list | None:
    """The values a link carried, or None for a missing, damaged or foreign one (then: the first page)."""
    if not token:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, binascii.Error):
        return None
    ok = isinstance(values, list) and len(values) == length
    return values if ok and all(v is None or isinstance(v, str | int | float) for v in values) else None


def _plain(value) -> object:
    if isinstance(value, datetime.date | datetime.datetime | decimal.Decimal):
        return value.isoformat() if not isinstance(value, decimal.Decimal) else str(value)
    return getattr(value, "pk", value)  # a model instance keyed by itself


@dataclass
class KeysetPage:
    """One page of rows and the keys of its neighbours; iterable like a Django Page."""

    object_list: list
    has_next: bool
    has_previous: bool
    next_token: str = ""
    previous_token: str = ""
    count: int | None = None  # exact up to `count_limit`, None beyond
    count_limit: int = COUNT_LIMIT
    query: str = field(default="")  # the list's other parameters, kept by the links

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    def _link(self, param: str, token: str) -> str:
        return f"?{self.query}&{param}={token}" if self.query else f"?{param}={token}"

    @property
    def next_link(self) -> str:
        return self._link(AFTER, self.next_token) if self.has_next else ""

    @property
    def previous_link(self) -> str:
        return self._link(BEFORE, self.previous_token) if self.has_previous else ""

    @property
    def first_link(self) -> str:
        return f"?{self.query}" if self.query else "?"

    @property
    def count_label(self) -> str:
        """The bounded count as a page prints it: "37", "1.000" or "hơn 1.000"."""
        if self.count is None:
            return _("hơn %(limit)s") % {"limit": f"{self.count_limit:,}".replace(",", ".")}
        return f"{self.count:,}".replace(",", ".")


def bounded_count(queryset: QuerySet, limit: int = COUNT_LIMIT) -> int | None:
    """How many rows match, up to `limit` (None above it): a COUNT over at most limit + 1 rows."""
    found = queryset.order_by()[: limit + 1].count()
    return found if found <= limit else None


def keyset_page(request: HttpRequest, queryset: QuerySet, ordering: Sequence[str | OrderBy], per_page: int,
                nulls_last: Iterable[str] = (), count_limit: int | None = COUNT_LIMIT,
                parts: Sequence[Q] | None = None) -> KeysetPage:
    """The page `request` asks for (`?sau=` / `?truoc=` tokens); a damaged token gives the first page.

    `parts`: conditions whose union is what the list shows (they may overlap; the first is counted
    through its own index, the others only outside it). Each is read on its own, in the list's
    order and only as far as one page, and the pages merged: a database answers an OR of
    conditions by collecting every matching row and sorting them all, where each part alone can
    be read in the order of its own index. Only for orders without text columns (their database
    collation is not Python's).
    """
    keys = keys_of(ordering, nulls_last)
    query = request.GET.copy()
    for param in (AFTER, BEFORE, "page"):
        query.pop(param, None)
    start = decode(request.GET.get(AFTER, ""), len(keys))
    end = None if start is not None else decode(request.GET.get(BEFORE, ""), len(keys))
    read = functools.partial(_read_parts, queryset, parts) if parts else functools.partial(_read, queryset)
    page = _fetch(read, keys, start, end, per_page)
    page.query = query.urlencode()
    if count_limit is not None:
        page.count, page.count_limit = _count(queryset, parts, count_limit), count_limit
    return page


def _count(queryset: QuerySet, parts: Sequence[Q] | None, limit: int) -> int | None:
    """The bounded count; of parts, the first one's (through its index) plus the others' rows outside it."""
    if not parts:
        return bounded_count(queryset, limit)
    first = bounded_count(queryset.filter(parts[0]), limit)
    if len(parts) == 1 or first is None:
        return first
    rest = bounded_count(queryset.filter(functools.reduce(operator.or_, parts[1:])).exclude(parts[0]), limit - first)
    return None if rest is None else first + rest


def _read(queryset: QuerySet, keys: Sequence[Key], cursor: list | None, limit: int, names: Sequence[str] = ()) -> list:
    """The first `limit` rows after the cursor (with `names`: their pk and those values, not the rows)."""
    ordered = queryset.order_by(*[key.order() for key in keys])
    if names:
        ordered = ordered.values_list("pk", *names)
    if cursor is None:
        return list(ordered[:limit])
    found = []
    for segment in segments(keys, cursor):
        found += ordered.filter(segment)[: limit - len(found)]
        if len(found) >= limit:
            break
    return found


def _read_parts(queryset: QuerySet, parts: Sequence[Q], keys: Sequence[Key], cursor: list | None,
                limit: int) -> list:
    """The first `limit` rows of the union of the parts: each part's first `limit` keys, merged, then those rows."""
    if len(parts) == 1:
        return _read(queryset.filter(parts[0]), keys, cursor, limit)
    names = [key.name for key in keys]
    found: dict[int, tuple] = {}
    for part in parts:
        found.update((row[0], row[1:]) for row in _read(queryset.filter(part), keys, cursor, limit, names))
    wanted = sorted(found, key=functools.cmp_to_key(lambda a, b: _compare(keys, found[a], found[b])))[:limit]
    objects = {row.pk: row for row in queryset.filter(pk__in=wanted)}
    return [objects[pk] for pk in wanted if pk in objects]


def _compare(keys: Sequence[Key], a: tuple, b: tuple) -> int:
    """The database's order of two rows' keys, NULLs where the key puts them."""
    for key, x, y in zip(keys, a, b, strict=True):
        if x == y:
            continue
        if x is None or y is None:
            nulls_first = isinstance(key, ReversedKey)
            return (1 if x is None else -1) * (-1 if nulls_first else 1)
        return (-1 if x < y else 1) * (-1 if key.descending else 1)
    return 0


def _fetch(read, keys: list[Key], start: list | None, end: list | None, per_page: int) -> KeysetPage:
    backwards = end is not None
    read_keys = [key.reversed() for key in keys] if backwards else keys
    cursor = end if backwards else start
    try:
        found = read(read_keys, cursor, per_page + 1)
    except (ValidationError, ValueError, TypeError):  # a token whose values do not fit the columns
        if cursor is None:
            raise
        return _fetch(read, keys, None, None, per_page)
    more = len(found) > per_page
    found = found[:per_page]
    if backwards:
        found.reverse()
        if not more and len(found) < per_page:  # rows went away since: show the true first page
            return _fetch(read, keys, None, None, per_page)
        has_next, has_previous = True, more
    else:
        has_next, has_previous = more, cursor is not None
    return KeysetPage(found, has_next, has_previous,
                      next_token=encode([key.value(found[-1]) for key in keys]) if found else "",
                      previous_token=encode([key.value(found[0]) for key in keys]) if found else "")


def page_after(queryset: QuerySet, ordering: Sequence[str | OrderBy], per_page: int, cursor: str = "", *,
               tag: str = "", nulls_last: Iterable[str] = (), count_limit: int | None = COUNT_LIMIT,
               parts: Sequence[Q] | None = None) -> KeysetPage:
    """The page after `cursor` (an earlier page's `next_token`, or "" for the first): an API's `cursor` parameter.

    As `keyset_page`, forward only, and strict: a damaged cursor, one made for another order
    (`tag` names the order inside the token) or one whose values do not fit the columns raises
    ValueError instead of giving the first page, so that a program walking a list is never sent
    back to its start.
    """
    keys = keys_of(ordering, nulls_last)
    start = None
    if cursor:
        values = decode(cursor, len(keys) + 1)
        if values is None or values[0] != tag:
            raise ValueError("a cursor of another list or order")
        start = values[1:]
    read = functools.partial(_read_parts, queryset, parts) if parts else functools.partial(_read, queryset)
    try:
        found = read(keys, start, per_page + 1)
    except (ValidationError, TypeError) as error:
        raise ValueError("a cursor whose values do not fit the order") from error
    more = len(found) > per_page
    found = found[:per_page]
    page = KeysetPage(found, has_next=more, has_previous=start is not None,
                      next_token=encode([tag, *[key.value(found[-1]) for key in keys]]) if more else "")
    if count_limit is not None:
        page.count, page.count_limit = _count(queryset, parts, count_limit), count_limit
    return page
