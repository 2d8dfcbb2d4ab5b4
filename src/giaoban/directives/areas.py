"""The areas (provinces: the top body of the tree above a body) that a write to a directive or a meeting concerns.

A province's users see their area's directives and meetings, plus the few that reach into it from
another area (a lead or coordinating body, a bloc's convening body or member lying here). So a
write concerns the area it lives in and, when it reaches out, the areas of the bodies it involves.
What a row was before a save matters as much as what it becomes (a lead moved elsewhere leaves an
area), so callers ask both before and after the write. Shared by the dashboard's cache and the
directive lists' cache (directives/listcache.py).
"""

from __future__ import annotations

from giaoban.organisations.areas import of_bloc, of_bodies, of_meeting, top_path
from giaoban.organisations.models import Organization

__all__ = ["of_bloc", "of_bodies", "of_body", "of_directive", "of_meeting", "top_path"]


def of_body(body: Organization) -> set[str]:
    """Its area as stored and under its parent now (the tree path is rewritten only after the save)."""
    found = {top_path(body.tree_path)} if body.tree_path else set()
    under = top_path(body.parent.tree_path) if body.parent_id else (f"/{body.pk}/" if body.pk else "")
    return found | ({under} if under else set())


def of_directive(directive) -> set[str]:
    found = {directive.area} if directive.area else set()
    if directive.reaches_out or not directive.area:
        bodies = [directive.lead_id, *directive.coordinating.values_list("pk", flat=True)] if directive.pk else [
            directive.lead_id]
        found |= of_bodies(bodies)
        meeting = directive.meeting if directive.meeting_id else None
        if meeting is not None:
            found |= of_bodies([meeting.host_id]) | of_bloc(meeting.bloc_id)
    return found
