"""Areas: the top body of the tree above a body (a province's Front), which the caches' versions are kept per.

A write concerns the areas of the bodies it involves; a user's cached pages are keyed by the
versions of the areas of the user's bodies (directives/listcache.py, dashboard/caching.py,
meetings/pagecache.py). Here because bodies, blocs and meetings all live at or above this app.
"""

from __future__ import annotations

from collections.abc import Iterable

from giaoban.organisations.models import Bloc, Organization


def top_path(tree_path: str) -> str:
    """The tree path of the top body above (or at) a body: "/12/340/" → "/12/"."""
    head = tree_path.strip("/").split("/", 1)[0]
    return f"/{head}/" if head else ""


def of_bodies(ids: Iterable[int | None]) -> set[str]:
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return set()
    return {top_path(path) for path in Organization.objects.filter(pk__in=wanted).values_list("tree_path", flat=True)}


def of_bloc(bloc_id: int | None) -> set[str]:
    """The bloc's convening body and members: each sees the bloc's meetings, directives and reports."""
    if bloc_id is None:
        return set()
    convening = Bloc.objects.filter(pk=bloc_id).values_list("convening_id", flat=True)
    members = Bloc.members.through.objects.filter(bloc_id=bloc_id).values_list("organization_id", flat=True)
    return of_bodies([*convening, *members])


def of_meeting(meeting) -> set[str]:
    """The areas of a meeting's host and of its bloc's bodies (those who see it)."""
    return of_bodies([meeting.host_id]) | of_bloc(meeting.bloc_id)
