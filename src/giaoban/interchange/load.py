"""Read an interchange file into the database: all or nothing, and a second run changes nothing.

Records are found by their stable keys (keys.py) and only written when a value
differs, so re-importing the same file leaves every row, version and history as it
was. Records the file does not name are left alone: an import adds and updates,
it never deletes (only the rows of a record the file carries whole, such as a
meeting's agenda, are replaced by the file's). Saves made by an import queue no
webhook event: the records are not news, they happened elsewhere.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from giaoban.accounts.models import Membership
from giaoban.interchange import keys, load_meetings, load_records
from giaoban.interchange.fileformat import check
from giaoban.interchange.files import Archive
from giaoban.interchange.history import import_rows
from giaoban.interchange.importer import Counts, Importer, set_many
from giaoban.interchange.values import read_day
from giaoban.meetings.models import Person
from giaoban.organisations.models import AdminUnit, Bloc, Organization
from giaoban.webhooks.events import muted


def import_data(data: Any, archive: Archive | None = None) -> Counts:
    check(data)
    importer = Importer(data, archive or Archive(None))
    try:
        with transaction.atomic(), muted():
            _units(importer)
            _organisations(importer)
            _users(importer)
            _people(importer)
            _blocs(importer)
            load_meetings.load(importer)
            load_records.load(importer)
            for record, rows in importer.histories:
                import_rows(record, rows, importer.id_of)
    except BaseException:
        importer.discard_files()
        raise
    return importer.counts


def _depth(row: dict, by_key: dict[str, dict], key: str) -> int:
    depth, seen = 0, set()
    while row.get("parent") and row["parent"] in by_key and row[key] not in seen:
        seen.add(row[key])
        row, depth = by_key[row["parent"]], depth + 1
    return depth


def _units(im: Importer) -> None:
    rows = im.rows("admin_units")
    by_code = {x["code"]: x for x in rows}
    for row in sorted(rows, key=lambda r: _depth(r, by_code, "code")):
        values = {"code": row["code"], "name": row["name"], "short_name": row["short_name"],
                  "unit_type": row["unit_type"], "level": row["level"],
                  "parent": im.units.get(row["parent"]) if row["parent"] else None,
                  "valid_from": read_day(row["valid_from"]), "valid_to": read_day(row["valid_to"])}
        im.units[row["code"]] = im.upsert(AdminUnit, AdminUnit.objects.filter(code=row["code"]).first(), values)


def _organisations(im: Importer) -> None:
    rows = im.rows("organisations")
    by_key = {row["key"]: row for row in rows}
    for row in sorted(rows, key=lambda r: (_depth(r, by_key, "key"), r["key"])):
        found = keys.find_organization(row["key"])
        values = {"name": row["name"], "short_name": row["short_name"], "type": row["type"], "level": row["level"],
                  "locality": im.units.get(row["locality"]) if row["locality"] else None, "email": row["email"],
                  "valid_from": read_day(row["valid_from"]), "valid_to": read_day(row["valid_to"])}
        if row["parent"]:
            values["parent"] = im.orgs[row["parent"]]
        elif found is None:
            values["parent"] = None  # a body whose parent is not in the file keeps its place, or starts a tree
        im.orgs[row["key"]] = im.upsert(Organization, found, values)


def _users(im: Importer) -> None:
    """Accounts by user name. A new one gets no usable password: its owner sets one (docs/interchange.md)."""
    user_model = get_user_model()
    for row in im.rows("users"):
        found = user_model.objects.filter(username=row["username"]).first()
        values = {name: row[name] for name in ("username", "first_name", "last_name", "email", "is_active")}
        if found is None:
            user = user_model(**values)
            user.set_unusable_password()
            user.save()
            im.counts.add(True, False)
            im.counts["users_without_password"] = im.counts.get("users_without_password", 0) + 1
            im.users[row["username"]] = user
        else:
            im.users[row["username"]] = im.upsert(user_model, found, values)
    for row in im.rows("memberships"):
        user, organization = im.user(row["user"]), im.org(row["organization"])
        im.upsert(Membership, Membership.objects.filter(user=user, organization=organization).first(),
                  {"user": user, "organization": organization, "role": row["role"], "title": row["title"]})


def _people(im: Importer) -> None:
    for row in im.rows("people"):
        organization = im.org(row["organization"])
        found = Person.objects.filter(name=row["name"], organization=organization).order_by("pk").first()
        im.people[row["key"]] = im.upsert(Person, found, {"name": row["name"], "title": row["title"],
                                                          "organization": organization})


def _blocs(im: Importer) -> None:
    for row in im.rows("blocs"):
        bloc = im.upsert(Bloc, Bloc.objects.filter(name=row["name"]).first(),
                         {"name": row["name"], "convening": im.orgs[row["convening"]], "active": row["active"]})
        set_many(bloc.members, [im.orgs[key] for key in row["members"]])
        im.blocs[row["name"]] = bloc
