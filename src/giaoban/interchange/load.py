"""Read an interchange file into the database: all or nothing, and a second run changes nothing.

Records are found by their stable keys (keys.py) and only written when a value
differs, so re-importing the same file leaves every row, version and history as it was.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils.dateparse import parse_datetime, parse_time

from giaoban.core.versioning import Versioned
from giaoban.directives.models import Directive, DirectiveUpdate
from giaoban.interchange import keys
from giaoban.interchange.fileformat import check
from giaoban.meetings.models import AgendaItem, Attendance, Conclusion, Meeting, Person
from giaoban.organisations.models import AdminUnit, Bloc, Organization


class Counts(dict):
    def add(self, name: str, created: bool, changed: bool) -> None:
        bucket = "created" if created else "changed" if changed else "unchanged"
        self[bucket] = self.get(bucket, 0) + 1


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _upsert(model: type[models.Model], found: models.Model | None, values: dict[str, Any],
            counts: Counts) -> models.Model:
    if found is None:
        record = model(**values)
        record.save()
        counts.add(model.__name__, True, False)
        return record
    changed = [name for name, value in values.items() if getattr(found, name) != value]
    for name in changed:
        setattr(found, name, values[name])
    if changed:
        if isinstance(found, Versioned):  # an editor holding the old version must get a conflict
            found.version += 1
        found.save()
    counts.add(model.__name__, False, bool(changed))
    return found


def import_data(data: Any) -> Counts:
    check(data)
    counts = Counts()
    with transaction.atomic():
        units = _units(data["admin_units"], counts)
        orgs = _organisations(data["organisations"], units, counts)
        blocs = _blocs(data["blocs"], orgs, counts)
        meetings = _meetings(data["meetings"], orgs, blocs, counts)
        _directives(data["directives"], meetings, orgs, units, counts)
    return counts


def _units(rows: list[dict], counts: Counts) -> dict[str, AdminUnit]:
    units: dict[str, AdminUnit] = {}
    for row in sorted(rows, key=lambda r: _depth(r, {x["code"]: x for x in rows}, "code")):
        values = {"name": row["name"], "short_name": row["short_name"], "unit_type": row["unit_type"],
                  "level": row["level"], "parent": units.get(row["parent"]) if row["parent"] else None,
                  "valid_from": _day(row["valid_from"]), "valid_to": _day(row["valid_to"])}
        found = AdminUnit.objects.filter(code=row["code"]).first()
        units[row["code"]] = _upsert(AdminUnit, found, {"code": row["code"], **values}, counts)
    return units


def _depth(row: dict, by_key: dict[str, dict], key: str) -> int:
    depth, seen = 0, set()
    while row.get("parent") and row["parent"] in by_key and row[key] not in seen:
        seen.add(row[key])
        row, depth = by_key[row["parent"]], depth + 1
    return depth


def _organisations(rows: list[dict], units: dict[str, AdminUnit], counts: Counts) -> dict[str, Organization]:
    orgs: dict[str, Organization] = {}
    by_key = {row["key"]: row for row in rows}
    for row in sorted(rows, key=lambda r: (_depth(r, by_key, "key"), r["key"])):
        found = keys.find_organization(row["key"])
        values = {"name": row["name"], "short_name": row["short_name"], "type": row["type"], "level": row["level"],
                  "locality": units.get(row["locality"]) if row["locality"] else None, "email": row["email"],
                  "valid_from": _day(row["valid_from"]), "valid_to": _day(row["valid_to"])}
        if row["parent"]:
            values["parent"] = orgs[row["parent"]]
        elif found is None:
            values["parent"] = None  # a body whose parent is not in the file keeps its place, or starts a tree
        orgs[row["key"]] = _upsert(Organization, found, values, counts)
    return orgs


def _blocs(rows: list[dict], orgs: dict[str, Organization], counts: Counts) -> dict[str, Bloc]:
    blocs = {}
    for row in rows:
        bloc = _upsert(Bloc, Bloc.objects.filter(name=row["name"]).first(),
                       {"name": row["name"], "convening": orgs[row["convening"]], "active": row["active"]}, counts)
        _set_many(bloc.members, [orgs[key] for key in row["members"]])
        blocs[row["name"]] = bloc
    return blocs


def _set_many(manager, wanted: list[models.Model]) -> None:
    """Replace a many-to-many set only when it differs (a set() that changes nothing still writes history)."""
    if {obj.pk for obj in manager.all()} != {obj.pk for obj in wanted}:
        manager.set(wanted)


def _meetings(rows: list[dict], orgs, blocs, counts: Counts) -> dict[str, Meeting]:
    meetings = {}
    for row in rows:
        host = orgs[row["host"]]
        date = _day(row["date"])
        values = {"kind": row["kind"], "title": row["title"], "host": host, "bloc": blocs.get(row["bloc"]),
                  "period": keys.find_period(row["period"]), "next_period": keys.find_period(row["next_period"]),
                  "date": date, "start_time": parse_time(row["start_time"]) if row["start_time"] else None,
                  "place": row["place"], "minutes": row["minutes"], "is_public": row["is_public"]}
        found = Meeting.objects.filter(host=host, date=date, title=row["title"]).first()
        meeting = _upsert(Meeting, found, values, counts)
        _agenda(meeting, row["agenda"], orgs)
        _attendance(meeting, row["attendance"], orgs)
        _conclusion(meeting, row["conclusion"], counts)
        meetings[row["key"]] = meeting
    return meetings


def _agenda(meeting: Meeting, rows: list[dict], orgs) -> None:
    wanted = [(r["order"], r["kind"], r["title"], r["notes"], orgs[r["organization"]].pk if r["organization"] else None)
              for r in rows]
    current = list(meeting.agenda_items.order_by("order", "title").values_list(
        "order", "kind", "title", "notes", "organization_id"))
    if current != wanted:
        meeting.agenda_items.all().delete()
        AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, order=o, kind=k, title=t, notes=n,
                                                   organization_id=org) for o, k, t, n, org in wanted])


def _attendance(meeting: Meeting, rows: list[dict], orgs) -> None:
    for row in rows:
        Attendance.objects.update_or_create(meeting=meeting, organization=orgs[row["organization"]], defaults={
            "presence": row["presence"], "delegate_name": row["delegate_name"]})


def _conclusion(meeting: Meeting, row: dict | None, counts: Counts) -> None:
    if row is None:
        return
    person = None
    if row["concluded_by"]:
        person = Person.objects.filter(name=row["concluded_by"]).first() or Person.objects.create(
            name=row["concluded_by"], title=row["concluded_by_title"])
    _upsert(Conclusion, Conclusion.objects.filter(meeting=meeting).first(), {
        "meeting": meeting, "text": row["text"], "concluded_by": person,
        "concluded_by_title": row["concluded_by_title"]}, counts)


def _directives(rows: list[dict], meetings, orgs, units, counts: Counts) -> None:
    existing: dict[int, list[Directive]] = {}
    for row in rows:
        meeting = meetings[row["meeting"]]
        if meeting.pk not in existing:
            existing[meeting.pk] = list(meeting.directives.order_by("order", "pk"))
        position = int(row["key"].rsplit("#", 1)[1])
        mine = existing[meeting.pk]
        found = mine[position - 1] if position <= len(mine) else None
        directive = _upsert(Directive, found, _directive_values(row, meeting, orgs), counts)
        _set_many(directive.coordinating, [orgs[key] for key in row["coordinating"]])
        _set_many(directive.places, [units[code] for code in row["places"]])
        _set_many(directive.carried_to, [meetings[key] for key in row["carried_to"] if key in meetings])
        _updates(directive, row["updates"], orgs)


def _directive_values(row: dict, meeting: Meeting, orgs) -> dict:
    decimal = lambda v: None if v is None else Decimal(v)  # noqa: E731
    return {"meeting": meeting, "order": row["order"], "text": row["text"], "assignees_text": row["assignees_text"],
            "lead": orgs[row["lead"]] if row["lead"] else None, "deadline": _day(row["deadline"]),
            "deadline_precision": row["deadline_precision"], "target_text": row["target_text"],
            "target_value": decimal(row["target_value"]), "target_value_max": decimal(row["target_value_max"]),
            "target_unit": row["target_unit"], "priority": row["priority"], "status": row["status"],
            "closed_reason": row["closed_reason"],
            "closed_at": parse_datetime(row["closed_at"]) if row["closed_at"] else None}


def _updates(directive: Directive, rows: list[dict], orgs) -> None:
    for row in rows:
        created_at = parse_datetime(row["created_at"])
        if directive.updates.filter(created_at=created_at, note=row["note"]).exists():
            continue
        update = DirectiveUpdate.objects.create(
            directive=directive, note=row["note"], percent=row["percent"],
            organization=orgs[row["organization"]] if row["organization"] else None)
        # created_at is auto_now_add: set the original time afterwards.
        DirectiveUpdate.objects.filter(pk=update.pk).update(created_at=created_at)
