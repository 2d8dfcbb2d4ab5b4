"""Names as texts write them → records: bodies, blocs, communes and hamlets.

Texts say "MTTQ", "Ban Thường trực Ủy ban MTTQ Việt Nam huyện", "Hồ Sơn".
We look for an exact name first, then for a body of the right type and level
among the bodies the user can reach (bloc members first).  A name that matches
nothing, or several things, stays unresolved: the user picks on the form.
"""

import re

from django.db.models import Q

from giaoban.accounts.access import visible_organizations
from giaoban.accounts.models import Membership
from giaoban.core.text import fold
from giaoban.organisations.models import (
    MEMBER_ORGANISATION_TYPES,
    AdminUnit,
    Bloc,
    Level,
    Organization,
    OrganizationType,
    find_organization,
)

T = OrganizationType
# Folded keywords → body type; order matters ("ban dan van" before "huyen uy").
_TYPE_WORDS = [
    ("ban dan van", T.MASS_MOBILISATION_BOARD), ("ban tuyen giao va dan van", T.MASS_MOBILISATION_BOARD),
    ("mttq", T.FRONT_COMMITTEE), ("mat tran", T.FRONT_COMMITTEE),
    ("hoi nong dan", T.FARMERS_UNION), ("phu nu", T.WOMEN_UNION), ("hoi lhpn", T.WOMEN_UNION),
    ("doan thanh nien", T.YOUTH_UNION), ("doan tncs", T.YOUTH_UNION), ("cuu chien binh", T.VETERANS_ASSOCIATION),
    ("hoi ccb", T.VETERANS_ASSOCIATION), ("cong doan", T.TRADE_UNION), ("lien doan lao dong", T.TRADE_UNION),
    ("huyen uy", T.PARTY_COMMITTEE), ("thi uy", T.PARTY_COMMITTEE), ("thanh uy", T.PARTY_COMMITTEE),
    ("tinh uy", T.PARTY_COMMITTEE), ("dang uy", T.PARTY_COMMITTEE),
]
_MEMBER_GROUP = re.compile(r"(to chuc chinh tri|doan the)")
_LEVEL_WORDS = [(re.compile(r"\b(tinh)\s*$"), Level.PROVINCE), (re.compile(r"\b(huyen|thi xa|thanh pho)\s*$"),
                                                                     Level.DISTRICT),
                (re.compile(r"\b(xa|phuong|thi tran)\s*$"), Level.COMMUNE), (re.compile(r"\b(ap|thon)\s*$"),
                                                                              Level.HAMLET)]


def reachable_bodies(user) -> "list[Organization]":
    """Bodies a form may offer the user: those they can see and the bodies above their own."""
    ancestor_ids = set()
    for path in Membership.objects.filter(user=user).values_list("organization__tree_path", flat=True):
        ancestor_ids.update(int(part) for part in path.strip("/").split("/") if part)
    return Organization.objects.filter(Q(pk__in=visible_organizations(user).values("pk")) | Q(pk__in=ancestor_ids))


def meeting_bodies(user, host: Organization | None = None, bloc: Bloc | None = None):
    """Bodies a directive of this meeting may name: reachable ones, the bloc's members, the host's subtree."""
    query = Q(pk__in=reachable_bodies(user).values("pk"))
    if bloc is not None:
        query |= Q(pk__in=bloc.members.values("pk")) | Q(pk=bloc.convening_id)
    if host is not None:
        query |= Q(tree_path__startswith=host.tree_path)
    return Organization.objects.filter(query).order_by("tree_path")


def _body_type(key: str) -> str | None:
    for word, org_type in _TYPE_WORDS:
        if word in key:
            return org_type
    return None


def _level(key: str) -> str | None:
    for pattern, level in _LEVEL_WORDS:
        if pattern.search(key):
            return level
    return None


def is_plural(name: str) -> bool:
    """ "các xã", "các tổ chức chính trị - xã hội": a group, not one body."""
    return bool(re.search(r"\bcac\b", fold(name)))


def resolve_bodies(name: str, candidates: list[Organization]) -> list[Organization]:
    """Every candidate body the name may designate ("các đoàn thể" names several); [] when unknown."""
    if not name:
        return []
    exact = find_organization(name)
    if exact is not None:
        return [exact]
    key = fold(name).replace("–", "-")
    if _MEMBER_GROUP.search(key) and _body_type(key) is None:
        return [body for body in candidates if body.type in MEMBER_ORGANISATION_TYPES]
    org_type = _body_type(key)
    if org_type is None:
        return []
    matches = [body for body in candidates if body.type == org_type]
    level = _level(key)
    if level:
        matches = [body for body in matches if body.level == level]
    if not is_plural(name) and len(matches) > 1:
        # "MTTQ" alone in a district briefing is the district's front: the highest one.
        top = min(len(body.tree_path) for body in matches)
        matches = [body for body in matches if len(body.tree_path) == top]
    return matches


def resolve_body(name: str, candidates: list[Organization]) -> Organization | None:
    """The one body a name designates, or None if it names none or several."""
    if not name or is_plural(name):
        return None
    matches = resolve_bodies(name, candidates)
    return matches[0] if len(matches) == 1 else None


def guess_bloc(host: Organization | None, blocs: list[Bloc]) -> Bloc | None:
    """The bloc the host convenes, or the single bloc convened within the host's subtree."""
    if host is None:
        return None
    convened = [b for b in blocs if b.convening_id == host.pk]
    if len(convened) == 1:
        return convened[0]
    below = [b for b in blocs if b.convening.tree_path.startswith(host.tree_path)]
    return below[0] if len(below) == 1 else None


def _is_within(unit: AdminUnit, root: AdminUnit, depth: int = 5) -> bool:
    while unit is not None and depth:
        if unit.pk == root.pk:
            return True
        unit, depth = unit.parent, depth - 1
    return False


def resolve_place(name: str, near: AdminUnit | None = None) -> AdminUnit | None:
    """The commune or hamlet called `name`; among namesakes, the one inside `near` (the host's locality)."""
    units = list(AdminUnit.objects.named(name).select_related("parent__parent__parent")[:50])
    if near is not None and len(units) > 1:
        inside = [u for u in units if _is_within(u, near)]
        units = inside or units
    return units[0] if len(units) == 1 else None


def split_names(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", value or "") if part.strip()]
