"""What the directives app shows on a meeting's page (declared on DirectivesConfig, see meetings/hooks.py)."""

import dataclasses

from django.http import HttpRequest
from django.template.loader import get_template
from django.urls import reverse

from giaoban.core.keyset import keyset_page
from giaoban.directives import listcache
from giaoban.directives.carryover import pending_directives
from giaoban.directives.models import Directive
from giaoban.directives.scope import top_path
from giaoban.meetings.models import Meeting

# The unfinished directives of earlier briefings grow with the bloc's history: shown a page at a time
# ("Xem tiếp" loads the next one in place), in the order of the meetings that gave them.
PENDING_PAGE = 20
PENDING_ORDER = ["meeting_date", "meeting_id", "order", "pk"]


def meeting_context(request: HttpRequest, meeting: Meeting) -> dict:
    """The meeting's own directives, and a page of the earlier ones still open (with whether each came here)."""
    directives = (Directive.objects.filter(meeting=meeting).select_related("lead").prefetch_related("places")
                  .with_latest_update().order_by("order", "pk"))
    return {"directives": directives, **pending_context(request, meeting)}


def pending_context(request: HttpRequest, meeting: Meeting) -> dict:
    """One page of the earlier briefings' open directives (`?sau=` in the request: the page after a key)."""
    # No count: over a bloc's whole history it cost more than the page (a link to the next page is enough).
    page = keyset_page(request, pending_directives(meeting), PENDING_ORDER, PENDING_PAGE, count_limit=None)
    carried_here = set(meeting.carried_directives.filter(pk__in=[d.pk for d in page]).values_list("pk", flat=True))
    # Plain rows (their shared cells rendered, what the leader's decision forms need, their addresses): the meeting page
    # keeps them in the shared cache and renders the forms, which carry the CSRF token, per request.
    cells = get_template("directives/_pending_cells.html")
    rows = [{"pk": d.pk, "version": d.version, "carried": d.pk in carried_here, "cells": cells.render({"d": d}),
             "carry_url": reverse("directives:carry", args=[d.pk]),
             "close_url": reverse("directives:close", args=[d.pk])} for d in page]
    return {"pending": rows, "pending_page": dataclasses.replace(page, object_list=rows)}


def meeting_versions(meeting: Meeting) -> list[str]:
    """The data versions the directives on a meeting's page are built from (meetings/pagecache.py).

    Its directives and the bloc's earlier ones live in the area of their meeting's host; those of a
    briefing hosted elsewhere reach into the bloc's convening body's area, whose version their writes
    replace too (directives/areas.py). So the areas of the host and of the convening body cover them.
    """
    bodies = [meeting.host, meeting.bloc.convening if meeting.bloc_id else None]
    found = sorted({top_path(body.tree_path) for body in bodies if body is not None and body.tree_path})
    return [listcache.SHARED, *(listcache.area_version(area) for area in found)]
