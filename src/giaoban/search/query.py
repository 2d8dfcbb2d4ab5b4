"""Search the folded entries: full text per database, visibility by the records' own rules,
one portable ranking so that SQLite and PostgreSQL return the same hits in the same order."""

from __future__ import annotations

import datetime
import functools
import html
import json
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BigIntegerField, BooleanField, Case, F, Func, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from giaoban.accounts.access import visible_organizations
from giaoban.core.keyset import COUNT_LIMIT
from giaoban.directives.models import Directive
from giaoban.documents.models import Document
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Organization
from giaoban.periods.models import Period
from giaoban.reports.access import visible_reports
from giaoban.search import resultcache, scope
from giaoban.search.indexing import words
from giaoban.search.models import EntryKind, SearchEntry

MAX_TERMS = 10
SNIPPET = 180
SNIPPET_HEAD = 2000  # characters folded first to find a snippet's hit
# The hits ranked: the most recent ones, one more than a count shows ("hơn 1.000", paging.py). Ranking
# reads every ranked hit's texts, so ranking every hit of a common word cost what the province holds.
WINDOW = COUNT_LIMIT + 1
PROBE = 2 * WINDOW  # an area's newest rows checked one by one before its (area, word) keys are asked
RECENT = (F("date").desc(nulls_last=True), F("id").desc())


def terms(query: str) -> list[str]:
    """The folded words of a query. "MTTQ" needs no expansion here: the index holds both forms."""
    return words(query)[:MAX_TERMS]


def _tsquery(found: list[str]) -> str:
    return " & ".join([*found[:-1], f"{found[-1]}:*"])


def _full_text(found: list[str]) -> RawSQL:
    """SQLite: ids of entries containing every term (the last one as a prefix: people type as they search)."""
    expression = " ".join([*(f'"{t}"' for t in found[:-1]), f'"{found[-1]}"*'])
    return RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])


def visible_entries(user) -> QuerySet[SearchEntry]:
    if user.is_superuser:
        return SearchEntry.objects.all()
    directives = Directive.objects.visible_to(user).values("pk")
    issuers = visible_organizations(user).values("pk")
    # A directive and its updates are seen together: one test against the visible directives, so the
    # database gathers them once, not once for the directives and again for the updates.
    directive_of = Case(When(kind=EntryKind.UPDATE, then=F("directive_id")), default=F("object_id"))
    return SearchEntry.objects.alias(directive_of=directive_of).filter(
        Q(kind=EntryKind.MEETING, object_id__in=Meeting.objects.visible_to(user).values("pk"))
        | Q(kind__in=[EntryKind.DIRECTIVE, EntryKind.UPDATE], directive_of__in=directives)
        | Q(kind=EntryKind.REPORT, object_id__in=visible_reports(user).values("pk"))
        | Q(kind=EntryKind.DOCUMENT, object_id__in=Document.objects.filter(issuer__in=issuers).values("pk"))
    )


def _rank(found: list[str]) -> Case:
    """Whole phrase in the title, then in the text, then each word in the title."""
    phrase = " ".join(found)
    score = Case(When(title_folded__contains=phrase, then=Value(8)), default=Value(0), output_field=IntegerField())
    score += Case(When(folded__contains=phrase, then=Value(4)), default=Value(0), output_field=IntegerField())
    for term in found:
        score += Case(When(title_folded__contains=term, then=Value(1)), default=Value(0),
                      output_field=IntegerField())
    return score


def _in_areas(areas: list[str]) -> Q | RawSQL:
    """Entries listing one of `areas`: on PostgreSQL in the form the GIN index over (areas, words) declares."""
    if connection.vendor != "postgresql":
        return scope.within(areas)
    return RawSQL("string_to_array(btrim(search_searchentry.scope), ' ') && %s::text[]", [areas],
                  output_field=BooleanField())


class _Unindexed(Func):
    template = "+%(expressions)s"


def _matching(found: list[str]) -> In | RawSQL:
    """Entries holding every term: on PostgreSQL written on the row itself, so that the GIN index
    answers the words and the areas in one scan; on SQLite through the FTS5 table."""
    if connection.vendor != "postgresql":
        # `+id`: not through the rowid, so that SQLite reads the entries in the order asked for
        # (the date index) and looks each id up in the matches, instead of every match then a sort.
        return In(_Unindexed(F("id"), output_field=BigIntegerField()), _full_text(found))
    return RawSQL("search_searchentry.words @@ to_tsquery('simple', %s)",
                  [_tsquery(found)], output_field=BooleanField())


def _area_tsquery(areas: list[str], found: list[str]) -> str:
    """The (area, word) keys of the query in each area (migration 0004): `'12/tuyen' & '12/truyen':*` per area, ORed."""
    def key(area: str, term: str) -> str:
        return "'" + f"{area}/{term}".replace("'", "''") + "'"
    return " | ".join("(" + " & ".join([*(key(area, t) for t in found[:-1]), key(area, found[-1]) + ":*"]) + ")"
                      for area in areas)


def _matching_in(found: list[str], areas: list[str]) -> Q | RawSQL:
    """Entries of one of `areas` holding every term: on PostgreSQL through the (area, word) keys, whose
    posting lists hold one area's entries each; the plain words test too, so that a plan reading the
    area in date order checks each row by its stored words and computes the keys of the matches only."""
    if connection.vendor != "postgresql":
        return Q(_matching(found)) & scope.within(areas)
    keys = RawSQL("search_area_words(search_searchentry.scope, search_searchentry.words) @@ %s::tsquery",
                  [_area_tsquery(areas, found)], output_field=BooleanField())
    return Q(_matching(found)) & Q(keys)


def _checked(found: list[str]) -> In | RawSQL:
    """PostgreSQL: the row's stored words against the query, in a form no index answers (row by row)."""
    if connection.vendor != "postgresql":
        return _matching(found)
    return RawSQL("(search_searchentry.words || ''::tsvector) @@ to_tsquery('simple', %s)", [_tsquery(found)],
                  output_field=BooleanField())


def _visible_matching(user, found: list[str], *,
                      keyed: bool = True) -> tuple[QuerySet[SearchEntry], list[str] | None]:
    """The user's entries holding every term, looked for in the user's areas only (through the
    (area, word) keys; unless `keyed` is false: each row then checked by its words, _own_recent).

    Entries of an area the user sees whole are visible by their scope alone (scope.py); the
    records' rules are asked only for the others, so a province admin's search neither gathers the
    province's visible directives nor ranks another province's rows.
    """
    areas = scope.user_areas(user)
    if areas is None:
        return visible_entries(user).filter(_matching(found)), None
    mine, whole = areas
    entries = SearchEntry.objects.filter(_matching_in(found, mine) if keyed else _checked(found))
    if not whole:
        return entries & visible_entries(user), mine
    if set(whole) >= set(mine):  # every entry of the user's areas is visible: no rule to ask
        return entries, mine
    return entries.filter(Q(_in_areas(whole)) | Q(pk__in=visible_entries(user).values("pk"))), mine


def _recent(entries: QuerySet[SearchEntry], unkeyed: QuerySet[SearchEntry], areas: list[str] | None) -> list[int]:
    """The ids of the WINDOW most recent entries, read once (the page and its count both use them).

    On PostgreSQL, for a user of one area, its rows seen from that area alone are read in date
    order from the (scope, date, id) index, or, for a rare word, from the GIN index (the planner
    chooses by the words' statistics); the few rows seen from several areas through their own
    partial GIN index; and the two merged here. One query on both would collect every hit of the
    area and sort them all. On SQLite the (date, id, scope) index is read in order, each row's id
    looked up in the full-text matches (_matching).
    """
    if connection.vendor != "postgresql" or areas is None or len(areas) != 1:
        return list(entries.order_by(*RECENT).values_list("pk", flat=True)[:WINDOW])
    shared = RawSQL("btrim(search_searchentry.scope) LIKE %s", ["% %"], output_field=BooleanField())
    found = [*_own_recent(entries, unkeyed, f" {areas[0]} "),
             *entries.filter(shared).order_by(*RECENT).values_list("date", "pk")[:WINDOW]]
    found.sort(key=lambda row: (row[0] is not None, row[0] or datetime.date.min, row[1]), reverse=True)
    return [pk for _, pk in found[:WINDOW]]


def _own_recent(entries: QuerySet[SearchEntry], unkeyed: QuerySet[SearchEntry], own: str) -> list[tuple]:
    """The WINDOW most recent (date, id) of the rows seen from this area alone.

    The area's PROBE newest rows are checked first, one by one by their words: a common word fills
    the window there (the planner cannot tell how common an (area, word) key is, and would read
    every hit of the area through the keys). A rarer word is then looked up through the keys."""
    newest = RawSQL("SELECT id FROM (SELECT id FROM search_searchentry WHERE scope = %s "
                    "ORDER BY date DESC NULLS LAST, id DESC LIMIT %s) newest", [own, PROBE])
    found = list(unkeyed.filter(scope=own, pk__in=newest).order_by(*RECENT).values_list("date", "pk")[:WINDOW])
    if len(found) == WINDOW:  # the window lies among the newest rows: nothing older can enter it
        return found
    return list(entries.filter(scope=own).order_by(*RECENT).values_list("date", "pk")[:WINDOW])


def _among(ids: list[int]) -> RawSQL:
    """Entries whose id is one of `ids`, passed as one parameter (an array, a JSON list), not a thousand."""
    if connection.vendor == "postgresql":
        return RawSQL("search_searchentry.id = ANY(%s)", [ids], output_field=BooleanField())
    return RawSQL("search_searchentry.id IN (SELECT value FROM json_each(%s))", [json.dumps(ids)],
                  output_field=BooleanField())


def _narrowed(entries: QuerySet[SearchEntry], kind: str, organization: Organization | None,
              period: Period | None) -> QuerySet[SearchEntry]:
    if kind:
        entries = entries.filter(kind=kind)
    if organization is not None:
        entries = entries.filter(organization__tree_path__startswith=organization.tree_path)
    if period is not None:
        entries = entries.filter(period=period)
    return entries


def search(user, query: str, *, kind: str = "", organization: Organization | None = None,
           period: Period | None = None) -> QuerySet[SearchEntry]:
    found = terms(query)
    if not found or not user.is_authenticated:
        return SearchEntry.objects.none()
    entries, areas = _visible_matching(user, found)
    # The same entries checked row by row, for reading an area's newest rows in date order (_recent).
    unkeyed = _visible_matching(user, found, keyed=False)[0]
    narrowed = [_narrowed(e, kind, organization, period) for e in (entries, unkeyed)]
    ranked = SearchEntry.objects.filter(_among(_recent(*narrowed, areas)))
    return ranked.annotate(rank=_rank(found)).order_by("-rank", "-date", "-id")


@dataclass(frozen=True)
class Found:
    """A search's ranked ids and the cache key they are kept under ('' for no search)."""
    key: str = ""
    ids: list[int] = field(default_factory=list)


def found(user, query: str, *, kind: str = "", organization: Organization | None = None,
          period: Period | None = None) -> Found:
    """The ids search() finds, in its order: from the shared cache while the user's areas are unchanged."""
    folded = terms(query)
    if not folded or not user.is_authenticated:
        return Found()
    key = resultcache.key(user, [" ".join(folded), kind, str(getattr(organization, "pk", "")),
                                 str(getattr(period, "pk", ""))])
    return Found(key, resultcache.built(key, lambda: list(
        search(user, query, kind=kind, organization=organization, period=period).values_list("pk", flat=True))))


def in_order(ids: list[int]) -> list[SearchEntry]:
    """The entries `ids` name, with their bodies, in that order (an entry deleted meanwhile is left out)."""
    rows = SearchEntry.objects.filter(_among(ids)).select_related("organization").in_bulk()
    return [rows[pk] for pk in ids if pk in rows]


@functools.cache  # a few hundred distinct characters, met thousands of times per page of snippets
def _fold_char(char: str) -> str:
    """One character folded to one character, so positions in the folded text are positions in the text."""
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn").lower()
    return base[:1] or " "


def snippet(text: str, found: list[str]) -> SafeString:
    """A short piece of the text around the first hit, every hit marked; HTML-escaped."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(found, key=len, reverse=True)) + r")\w*")
    # The text's head first: folding a long minute character by character to show 180 of them cost most of a page.
    hits = list(pattern.finditer("".join(_fold_char(c) for c in text[:SNIPPET_HEAD])))
    # Past the head, or near its end (a piece, or a word, cut there), the whole text decides.
    if len(text) > SNIPPET_HEAD and (not hits or hits[0].start() + SNIPPET > SNIPPET_HEAD - 50):
        hits = list(pattern.finditer("".join(_fold_char(c) for c in text)))
    if not hits:
        return mark_safe(html.escape(text[:SNIPPET]) + ("…" if len(text) > SNIPPET else ""))
    start = max(0, hits[0].start() - SNIPPET // 3)
    end = min(len(text), start + SNIPPET)
    pieces, cursor = ["…" if start else ""], start
    for hit in hits:
        if hit.start() < start or hit.end() > end:
            continue
        pieces += [html.escape(text[cursor:hit.start()]), f"<mark>{html.escape(text[hit.start():hit.end()])}</mark>"]
        cursor = hit.end()
    pieces += [html.escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(pieces))


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    url: str
    title: SafeString
    snippet: SafeString


def url_of(entry: SearchEntry) -> str:
    if entry.kind == EntryKind.UPDATE:
        return reverse("directives:detail", args=[entry.directive_id])
    names = {EntryKind.MEETING: "meetings:detail", EntryKind.DIRECTIVE: "directives:detail",
             EntryKind.REPORT: "reports:detail", EntryKind.DOCUMENT: "documents:detail"}
    return reverse(names[entry.kind], args=[entry.object_id])


def hits(entries, query: str) -> list[Hit]:
    found = terms(query)
    return [Hit(e, url_of(e), snippet(e.title, found), snippet(e.body or e.title, found)) for e in entries]


def matching_ids(model, text: str) -> QuerySet | RawSQL:
    """Ids of `model`'s records whose indexed text matches (for the lists' own filter boxes)."""
    kind = {Meeting: EntryKind.MEETING, Directive: EntryKind.DIRECTIVE}[model]
    found = terms(text)
    if not found:
        return SearchEntry.objects.none().values("object_id")
    if connection.vendor == "postgresql":  # the stored words, checked on the row (the planner may read the GIN)
        return RawSQL("SELECT object_id FROM search_searchentry WHERE kind = %s AND words @@ to_tsquery('simple', %s)",
                      [kind.value, _tsquery(found)])
    # The (kind, object_id) index read alone, each id looked up in the matches (not every match's row).
    return SearchEntry.objects.filter(_matching(found), kind=kind).values("object_id")
