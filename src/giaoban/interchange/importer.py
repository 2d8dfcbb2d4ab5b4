"""What the import's sections share: the records found or made so far, by key, and how one is written."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from giaoban.core.versioning import Versioned
from giaoban.interchange import keys
from giaoban.interchange.files import Archive, same_file, store
from giaoban.meetings.models import BriefingSeries, Meeting, Person
from giaoban.organisations.models import AdminUnit, Bloc, Organization
from giaoban.periods.models import Period


class Counts(dict):
    def add(self, created: bool, changed: bool) -> None:
        """Count one record as created, changed or unchanged."""
        bucket = "created" if created else "changed" if changed else "unchanged"
        self[bucket] = self.get(bucket, 0) + 1


class Importer:
    """What the sections share: the records found or made so far, by key, and the files written."""

    def __init__(self, data: dict, archive: Archive) -> None:
        self.data, self.version, self.archive = data, data["version"], archive
        self.counts = Counts()
        self.units: dict[str, AdminUnit] = {}
        self.orgs: dict[str, Organization] = {}
        self.users: dict[str, Any] = {}
        self.people: dict[str, Person] = {}
        self.blocs: dict[str, Bloc] = {}
        self.series: dict[str, Any] = {}
        self.meetings: dict[str, Any] = {}
        self.stored: list[models.fields.files.FieldFile] = []
        self.histories: list[tuple[models.Model, list[dict]]] = []

    def rows(self, section: str) -> list[dict]:
        """A section of the file; the sections a version-1 file lacks are empty."""
        return self.data.get(section) or []

    def org(self, key: str | None) -> Organization | None:
        return None if key is None else self.orgs[key]

    def user(self, username: str | None):
        return None if username is None else self.users[username]

    def person(self, key: str | None) -> Person | None:
        return None if key is None else self.people[key]

    def keep_history(self, record: models.Model, row: dict) -> None:
        """Put the file's history on the record once everything is written (writing adds history rows)."""
        if self.data.get("history") and "history" in row:
            self.histories.append((record, row["history"]))

    def id_of(self, model: type[models.Model], key: str) -> Any:
        """The id of the record a history row links to (None when the file does not describe it)."""
        if model is Period:
            return keys.find_period(key).pk
        found = {Organization: self.orgs, get_user_model(): self.users, Person: self.people, Bloc: self.blocs,
                 Meeting: self.meetings, BriefingSeries: self.series, AdminUnit: self.units}.get(model, {}).get(key)
        return found.pk if found is not None else None

    def upsert(self, model: type[models.Model], found: models.Model | None, values: dict[str, Any],
               files: dict[str, dict | None] | None = None, stamps: dict[str, Any] | None = None) -> models.Model:
        """Create, or update only what differs; `files` are file fields, `stamps` fields Django sets itself."""
        record = found if found is not None else model()
        changed = [name for name, value in values.items() if found is None or getattr(found, name) != value]
        for name in changed:
            setattr(record, name, values[name])
        for name, entry in (files or {}).items():
            if found is None or not same_file(getattr(found, name), entry):
                store(getattr(record, name), entry, self.archive)
                self.stored.append(getattr(record, name))
                changed.append(name)
        if changed:
            if found is not None and isinstance(found, Versioned):  # an editor holding the old version: a conflict
                record.version += 1
            record._amending = True  # a directive issued elsewhere is copied as it now is (directives.models)
            record.save()
        stamped = {name: value for name, value in (stamps or {}).items() if getattr(record, name) != value}
        if stamped:  # auto_now_add fields: written after the save, as the file has them
            model.objects.filter(pk=record.pk).update(**stamped)
            for name, value in stamped.items():
                setattr(record, name, value)
        self.counts.add(found is None, bool(changed or stamped))
        return record

    def discard_files(self) -> None:
        """Remove the files this import wrote: its transaction was rolled back, no row points to them."""
        for stored in self.stored:
            if stored.name and not type(stored.instance).objects.filter(
                    **{stored.field.name: stored.name}).exists():
                stored.storage.delete(stored.name)


def set_many(manager, wanted: list[models.Model]) -> None:
    """Replace a many-to-many set only when it differs (a set() that changes nothing still writes history)."""
    if {obj.pk for obj in manager.all()} != {obj.pk for obj in wanted}:
        manager.set(wanted)




def present(row: dict, fields: dict[str, tuple[str, Any]]) -> dict[str, Any]:
    """The model values of the `fields` (file name → (model field, reader)) the row carries.

    A field a version-1 file did not carry is left as the database has it.
    """
    return {name: read(row[key]) for key, (name, read) in fields.items() if key in row}
