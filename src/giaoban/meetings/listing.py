"""The meeting list's filters and order: newest first, read by keyset so a page costs what it shows."""

from django.db.models import Q

from giaoban.core import textsearch
from giaoban.core.text import fold
from giaoban.meetings.models import MeetingKind, MeetingQuerySet
from giaoban.organisations.models import Bloc

# Served by the index (date, id): the newest meetings, and the page after a key, are an index range.
ORDER = ["-date", "-pk"]
PER_PAGE = 30


def filtered(meetings: MeetingQuerySet, *, bloc: Bloc | None = None, kind: str = "",
             query: str = "") -> MeetingQuerySet:
    """`meetings` of the bloc, of the kind, and matching what was typed (title, text or host's name)."""
    if bloc is not None:
        meetings = meetings.filter(bloc=bloc)
    if kind in MeetingKind.values:
        meetings = meetings.filter(kind=kind)
    if query:
        matched = textsearch.matching(meetings.model.objects.all(), query, "title").values("pk")
        meetings = meetings.filter(Q(pk__in=matched) | Q(host__name_folded__contains=fold(query)))
    return meetings

