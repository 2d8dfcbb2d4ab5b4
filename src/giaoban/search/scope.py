"""The areas (provinces) a search entry can be seen from, so a search runs inside the user's areas.

An entry lists the area of every body through which someone may see it, by the records' own
`visible_to` rules: host, lead, coordinating bodies, the bloc's convening body and members,
issuer, the report's body and the convening bodies of its active blocs. So:

- whoever sees an entry holds a role on one of those bodies or above it, so one of the entry's
  areas is an area of the user's own bodies: a province user's query never touches another
  province's rows, even where a word is in every row (an index over areas and words, query.py);
- whoever holds a role on an area's top body sees every body of the area, so sees every entry
  listing that area without asking the rules (the rules are asked for the other entries only).

The second needs scopes exact, not merely wide enough: indexing.py computes them anew whenever
one of those bodies changes (a directive, its coordinating bodies, a meeting's host or bloc, a
bloc's members or state, a body moved to another province).

An area is a body's highest ancestor below the central level (its province); a central body is
its own area. Scopes are written as " 12 34 " (never empty once computed, so '' means "not yet").
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from giaoban.organisations.models import Bloc, Level, Organization


def _path_ids(tree_path: str) -> list[int]:
    return [int(part) for part in tree_path.strip("/").split("/") if part]


class Areas:
    """Areas of bodies, remembered: a rebuild asks for the same few hundred bodies millions of times."""

    def __init__(self) -> None:
        self.central = set(Organization.objects.filter(level=Level.CENTRAL).values_list("pk", flat=True))
        self._paths: dict[int, str] = {}
        self._blocs: dict[int, set[int]] = {}
        self._report_bodies: dict[int, set[int]] = {}

    def of_path(self, tree_path: str) -> int | None:
        ids = _path_ids(tree_path)
        return next((pk for pk in ids if pk not in self.central), ids[-1] if ids else None)

    def of(self, org_ids: Iterable[int | None]) -> set[int]:
        wanted = {pk for pk in org_ids if pk is not None}
        missing = wanted - self._paths.keys()
        if missing:
            self._paths.update(Organization.objects.filter(pk__in=missing).values_list("pk", "tree_path"))
        return {area for pk in wanted if pk in self._paths and (area := self.of_path(self._paths[pk])) is not None}

    def of_bloc(self, bloc_id: int | None) -> set[int]:
        """The bloc's convening body and members: each sees the bloc's meetings and directives."""
        if bloc_id is None:
            return set()
        if bloc_id not in self._blocs:
            bloc = Bloc.objects.filter(pk=bloc_id).values_list("convening_id", flat=True).first()
            members = Bloc.members.through.objects.filter(bloc_id=bloc_id).values_list("organization_id", flat=True)
            self._blocs[bloc_id] = self.of([bloc, *members])
        return self._blocs[bloc_id]

    def of_report_body(self, org_id: int) -> set[int]:
        """A report's body and the convening bodies of the active blocs it belongs to (they read its reports)."""
        if org_id not in self._report_bodies:
            convening = Bloc.objects.filter(active=True, members=org_id).values_list("convening_id", flat=True)
            self._report_bodies[org_id] = self.of([org_id, *convening])
        return self._report_bodies[org_id]


def text(areas: Iterable[int]) -> str:
    return " " + " ".join(str(a) for a in sorted(set(areas))) + " "


def user_areas(user) -> tuple[list[str], list[str]] | None:
    """The areas of the user's own bodies, and those of them the user sees whole (a role on the
    area's top body or above). None when the search need not be narrowed (superusers, members of a
    central body, whose subtree spans the country)."""
    if user.is_superuser:
        return None
    # Kept on the user like the memberships it is made of: the cache key and the search both ask.
    if not hasattr(user, "_search_areas"):
        user._search_areas = _areas_of(user)
    return user._search_areas


def _areas_of(user) -> tuple[list[str], list[str]] | None:
    from giaoban.accounts.access import has_role, home_organizations

    areas, found, whole = Areas(), set(), set()
    for org in home_organizations(user):
        area = areas.of_path(org.tree_path)
        if area is None or area in areas.central:
            return None
        found.add(area)
        top = org.tree_path[: org.tree_path.index(f"/{area}/") + len(f"/{area}/")]
        if has_role(user, Organization(pk=area, tree_path=top)):
            whole.add(area)
    return sorted(str(a) for a in found), sorted(str(a) for a in whole)


def within(areas: list[str]) -> Q:
    """Entries listing one of `areas` (portable form; PostgreSQL uses its index through query.py)."""
    condition = Q(pk__in=[])
    for area in areas:
        condition |= Q(scope__contains=f" {area} ")
    return condition
