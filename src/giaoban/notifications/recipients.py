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
