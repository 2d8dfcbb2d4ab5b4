"""Who may see and change what: a role on a body covers its subtree.

Every app asks these functions (directly or through the `rules` predicates in
rules.py) instead of writing its own checks.  The user's memberships are read
once per request and cached on the user object.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from giaoban.accounts.models import Membership, Role
from giaoban.organisations.areas import top_path
from giaoban.organisations.models import Organization

User = AbstractBaseUser | AnonymousUser


def _memberships(user: User) -> list[tuple[str, int, int]]:
    """(tree_path, role, organization id) of each membership, cached on the user with the bodies themselves
    (one query per request answers both)."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_giaoban_memberships", None)
    if cached is None:
        cached = _keep(user, list(Membership.objects.filter(user=user).select_related("organization")
                                  .order_by("organization__tree_path", "pk")))
    return cached


def _keep(user: AbstractBaseUser, rows: list[Membership]) -> list[tuple[str, int, int]]:
    """Cache the user's memberships (bodies selected) as `_memberships` and `home_organizations` read them."""
    user._giaoban_memberships = [(m.organization.tree_path, m.role, m.organization_id) for m in rows]
    user._giaoban_home_organizations = list({m.organization_id: m.organization for m in rows}.values())
    return user._giaoban_memberships


def active_user_with_memberships(user_id: int) -> AbstractBaseUser | None:
    """The active user `user_id` with their memberships (as `_memberships` caches them), in one query for anyone
    holding a membership: the memberships joined to their user (a second query only for a user with none)."""
    from django.contrib.auth import get_user_model

    rows = list(Membership.objects.filter(user_id=user_id, user__is_active=True).select_related("user", "organization")
                .order_by("organization__tree_path", "pk"))
    user = rows[0].user if rows else get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        _keep(user, rows)
    return user


def membership_key(user: User) -> str:
    """The user's memberships (body path, role, body id), sorted, as one string ("superuser" for one).

    What a user may see and do is a function of these and of the data, so two users with the same
    key may share a cached page built for either of them.
    """
    if user.is_authenticated and user.is_superuser:
        return "superuser"
    return ";".join(f"{path}:{role}:{org_id}" for path, role, org_id in sorted(_memberships(user)))


def role_in(user: User, organization: Organization | None) -> int:
    """The highest role the user holds on `organization` or any body above it (0 for none)."""
    if organization is None or not user.is_authenticated:
        return 0
    if user.is_superuser:
        return Role.ADMIN
    path = organization.tree_path
    return max((role for root, role, _id in _memberships(user) if path.startswith(root)), default=0)


def has_role(user: User, organization: Organization | None, minimum: int = Role.VIEWER) -> bool:
    return role_in(user, organization) >= minimum


def visible_organizations(user: User, minimum: int = Role.VIEWER) -> QuerySet[Organization]:
    """Every body the user may act on with at least `minimum` role."""
    if not user.is_authenticated:
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.all()
    roots = [root for root, role, _id in _memberships(user) if role >= minimum]
    if not roots:
        return Organization.objects.none()
    return Organization.objects.within([Organization(tree_path=path) for path in roots])


# Above this many bodies (a central admin's country) the ids stay a subquery instead of a literal list.
MAX_LISTED_IDS = 2000


def visible_organization_ids(user: User) -> "list[int] | QuerySet":
    """The ids of the bodies the user may view, read once per request and cached on the user.

    A literal list lets the database use the lead and coordinating indexes directly; for the
    few users who see most of the country, a subquery on the tree paths instead.
    """
    cached = getattr(user, "_giaoban_visible_ids", None)
    if cached is None:
        query = visible_organizations(user).order_by().values_list("pk", flat=True)
        ids = list(query[: MAX_LISTED_IDS + 1])
        cached = ids if len(ids) <= MAX_LISTED_IDS else query
        user._giaoban_visible_ids = cached
    return cached


def home_organization_ids(user: User) -> list[int]:
    """The ids of the bodies the user is a member of, from the memberships already read (no query)."""
    return [org_id for _path, _role, org_id in _memberships(user)]


def home_organizations(user: User) -> list[Organization]:
    """The bodies the user is a member of (not their subtrees), for "my organisation" pages (read with the
    memberships: no query of its own)."""
    if not _memberships(user):
        return []
    return list(user._giaoban_home_organizations)


def visible_roots(user: User) -> tuple[list[str], list[str]]:
    """The tree paths the user's view starts from: (top bodies, bodies lower down not under those).

    A top body's subtree is a whole area (directives store their area), so callers can test it
    by equality; the lower ones are small subtrees, tested by their bodies' ids.
    """
    if not user.is_authenticated:
        return [], []
    roots = sorted({root for root, role, _id in _memberships(user) if role >= Role.VIEWER})
    tops = [root for root in roots if root.count("/") == 2]
    lower = [root for root in roots if root not in tops and not any(root.startswith(top) for top in tops)]
    return tops, lower


def user_areas(user: User) -> list[str] | None:
    """The areas (organisations/areas.py) of the bodies the user may view, sorted; None for a superuser, who
    sees every area, present and future. The caches key a user's pages by these areas' data versions."""
    if user.is_superuser:
        return None
    tops, lower = visible_roots(user)
    return sorted({top_path(path) for path in [*tops, *lower]})
