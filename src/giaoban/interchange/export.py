"""One organisation's subtree as plain JSON-ready data, and its files (see docs/interchange.md).

Everything is sorted by stable keys and carries no database id, so the same
records give the same file in any database. The sections name other records
through an `Exporter`, which remembers every body, user and person named so
that the file also describes them (a lead from elsewhere, the author of a
progress report), and every stored file so that it travels in the zip.
"""

from typing import Any

from django.contrib.auth import get_user_model

from giaoban.accounts.models import Membership
from giaoban.interchange import export_meetings, export_records
from giaoban.interchange.fileformat import FORMAT, VERSION
from giaoban.interchange.files import FileBag
from giaoban.interchange.keys import organization_key, person_key
from giaoban.interchange.values import day
from giaoban.meetings.models import Person
from giaoban.organisations.models import AdminUnit, Bloc, Organization


class Exporter:
    """What the sections share: the subtree, and the bodies, users, people and files they name."""

    def __init__(self, root: Organization, with_history: bool) -> None:
        self.root, self.with_history = root, with_history
        self.subtree = list(root.subtree().select_related("locality", "parent"))
        self.bag = FileBag()
        self.organizations: dict[int, Organization] = {org.pk: org for org in self.subtree}
        self.users: dict[int, Any] = {}
        self.people: dict[int, Person] = {}
        self.units: set[int] = set()
        self.meeting_keys: dict[int, str] = {}
        self.linked: dict[tuple, str | None] = {}  # (model, id) → key, for history rows

    def org(self, organization: Organization | None) -> str | None:
        if organization is None:
            return None
        self.organizations.setdefault(organization.pk, organization)
        return organization_key(organization)

    def user(self, user) -> str | None:
        if user is None:
            return None
        self.users.setdefault(user.pk, user)
        return user.get_username()

    def person(self, person: Person | None) -> str | None:
        if person is None:
            return None
        self.people.setdefault(person.pk, person)
        if person.organization_id:
            self.org(person.organization)
        return person_key(person)

    def file(self, stored) -> dict | None:
        return self.bag.add(stored)


def export_subtree(root: Organization, with_history: bool = False) -> tuple[dict[str, Any], FileBag]:
    """The interchange data of `root`'s subtree, and the files it names."""
    ex = Exporter(root, with_history)
    blocs = list(Bloc.objects.filter(convening__in=ex.subtree).select_related("convening__locality")
                 .prefetch_related("members__locality"))
    for person in Person.objects.filter(organization__in=ex.subtree).select_related("organization__locality"):
        ex.person(person)
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "root": organization_key(root),
                            "history": with_history, "blocs": sorted((_bloc(ex, b) for b in blocs),
                                                                     key=lambda b: b["name"])}
    data["memberships"] = _memberships(ex)
    data.update(export_meetings.sections(ex, blocs))
    data.update(export_records.sections(ex, blocs))
    # Last: the sections above named the bodies, users and people they point to.
    data["people"] = sorted((_person(ex, p) for p in list(ex.people.values())), key=lambda p: p["key"])
    data["users"] = _users(ex)
    data["organisations"] = _organisations(ex)
    data["admin_units"] = _admin_units(ex)
    return data, ex.bag


def _admin_units(ex: Exporter) -> list[dict]:
    units = ex.units | {org.locality_id for org in ex.organizations.values() if org.locality_id}
    wanted, frontier = set(), units
    while frontier:  # the units' parents too, so that the tree can be rebuilt
        wanted |= frontier
        frontier = set(AdminUnit.objects.filter(pk__in=frontier, parent__isnull=False)
                       .values_list("parent_id", flat=True)) - wanted
    return [{"code": u.code, "name": u.name, "short_name": u.short_name, "unit_type": u.unit_type,
             "level": u.level, "parent": u.parent.code if u.parent_id else None,
             "valid_from": day(u.valid_from), "valid_to": day(u.valid_to)}
            for u in AdminUnit.objects.filter(pk__in=wanted).select_related("parent").order_by("code")]


def _organisations(ex: Exporter) -> list[dict]:
    included = set(ex.organizations)
    rows = []
    for org in ex.organizations.values():
        # The root's parent and a referenced body's parent lie outside the file.
        parent = org.parent if org.parent_id in included and org.pk != ex.root.pk else None
        rows.append({"key": organization_key(org), "name": org.name, "short_name": org.short_name, "type": org.type,
                     "level": org.level, "parent": organization_key(parent) if parent else None,
                     "locality": org.locality.code if org.locality_id else None, "email": org.email,
                     "valid_from": day(org.valid_from), "valid_to": day(org.valid_to)})
    return sorted(rows, key=lambda row: row["key"])


def _bloc(ex: Exporter, bloc: Bloc) -> dict:
    return {"name": bloc.name, "convening": ex.org(bloc.convening), "active": bloc.active,
            "members": sorted(ex.org(org) for org in bloc.members.all())}


def _memberships(ex: Exporter) -> list[dict]:
    rows = Membership.objects.filter(organization__in=ex.subtree).select_related("user", "organization__locality")
    return sorted(({"user": ex.user(m.user), "organization": ex.org(m.organization), "role": m.role,
                    "title": m.title} for m in rows), key=lambda m: (m["organization"], m["user"]))


def _users(ex: Exporter) -> list[dict]:
    """Accounts without their password hashes (docs/interchange.md says why)."""
    users = get_user_model().objects.filter(pk__in=list(ex.users)).order_by("username")
    return [{"username": u.get_username(), "first_name": u.first_name, "last_name": u.last_name, "email": u.email,
             "is_active": u.is_active} for u in users]


def _person(ex: Exporter, person: Person) -> dict:
    return {"key": person_key(person), "name": person.name, "title": person.title,
            "organization": ex.org(person.organization) if person.organization_id else None}

