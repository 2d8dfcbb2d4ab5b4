"""Who is reminded for a body: the people who can act for it.

A role on a body covers its whole subtree (see accounts.access), and many
bodies have no account of their own: in the demo, the district Front's
editor keeps the records of the five member organisations below it.  So a
body's reminders go to the editors (or leaders, admins) directly on it, or,
when it has none, to those of the nearest body above it that has some; never
to everyone up to the province.
"""

from collections import defaultdict

from giaoban.accounts.models import Membership, Role
from giaoban.organisations.models import Organization


def _path(organization: Organization) -> list[int]:
    return [int(part) for part in organization.tree_path.strip("/").split("/") if part]


def responsible_people(organization_ids) -> dict[int, list]:
    """Body id → the active users who answer for it (possibly empty), each user once per body."""
    bodies = list(Organization.objects.filter(pk__in=set(organization_ids)).only("pk", "tree_path"))
    paths = {body.pk: _path(body) for body in bodies}
    editors: dict[int, list] = defaultdict(list)
    memberships = (Membership.objects.filter(organization_id__in={pk for path in paths.values() for pk in path},
                                             role__gte=Role.EDITOR, user__is_active=True)
                   .select_related("user").order_by("user__username"))
    for membership in memberships:
        editors[membership.organization_id].append(membership.user)
    return {pk: next((editors[level] for level in reversed(path) if editors.get(level)), [])
            for pk, path in paths.items()}


class Answering:
    """Every editor of the country, loaded once for a streamed `giaoban remind` (people, not records).

    `people(body_id, path)` gives what `responsible_people` gives for one body; `bound(user_id)` is the
    tree path from which, in the order of tree paths (code points), no body that person answers for can
    come any more: past the end of the subtrees of every body they are an editor on.
    """

    def __init__(self) -> None:
        self._editors: dict[int, list[int]] = defaultdict(list)
        self._bounds: dict[int, str] = {}
        self._cache: dict[int, tuple[int, ...]] = {}
        rows = (Membership.objects.filter(role__gte=Role.EDITOR, user__is_active=True)
                .order_by("user__username").values_list("organization_id", "user_id", "organization__tree_path"))
        for organization_id, user_id, tree_path in rows.iterator(chunk_size=5000):
            self._editors[organization_id].append(user_id)
            # Paths hold digits and "/": every path of the subtree sorts before the path followed by "\x7f".
            self._bounds[user_id] = max(self._bounds.get(user_id, ""), f"{tree_path}\x7f")

    def people(self, body_id: int, tree_path: str) -> tuple[int, ...]:
        found = self._cache.get(body_id)
        if found is None:
            levels = [int(part) for part in tree_path.strip("/").split("/") if part]
            found = tuple(next((self._editors[level] for level in reversed(levels) if self._editors.get(level)), ()))
            self._cache[body_id] = found
        return found

    def bound(self, user_id: int) -> str:
        return self._bounds[user_id]
