"""The change history of meetings, conclusions, directives and reports, carried when asked (--with-history).

Each record's django-simple-history rows are written as they are: when, which
kind of change, by whom, why, and the record's values then (links as stable
keys). Importing puts exactly these rows back for the record, replacing the ones
its import wrote, and leaves a history that already matches the file untouched.
The snapshots of many-to-many fields (a directive's coordinating bodies) are not
carried: the rows still say when and by whom the record changed.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from giaoban.interchange import values as v

META = {"id", "history_id", "history_date", "history_change_reason", "history_type", "history_user"}


def tracked_fields(historical: type[models.Model]) -> list[models.Field]:
    return [f for f in historical._meta.fields if f.name not in META]


# How a field's value is written and read back (DateTimeField before DateField: it is one).
_CONVERSIONS = [(models.DateTimeField, v.instant, v.read_instant), (models.DateField, v.day, v.read_day),
                (models.TimeField, v.clock, v.read_clock), (models.DecimalField, v.number, v.read_number)]


def _convert(field: models.Field, value: Any, link: Callable[[type, Any], Any], reading: bool) -> Any:
    """A field's value in the file (`reading` False) or in the database (True); links go through `link`."""
    if value is None:
        return None
    if isinstance(field, models.ForeignKey):
        return link(field.related_model, value)
    for kind, write, read in _CONVERSIONS:
        if isinstance(field, kind):
            return read(value) if reading else write(value)
    return value


def export_rows(record: models.Model, key_of: Callable[[type, Any], str | None], user_of: Callable) -> list[dict]:
    """The record's history, oldest first; `key_of(model, id)` names a linked record, `user_of` a user."""
    historical = record.history.model
    fields = tracked_fields(historical)
    return [{"date": v.instant(row.history_date), "type": row.history_type, "user": user_of(row.history_user),
             "reason": row.history_change_reason or "",
             "values": {f.name: _convert(f, getattr(row, f.attname), key_of, False) for f in fields}}
            for row in record.history.order_by("history_date", "history_id").select_related("history_user")]


def import_rows(record: models.Model, rows: list[dict], id_of: Callable[[type, str], Any]) -> bool:
    """Make the record's history exactly `rows`; False (nothing written) when it already is."""
    historical = record.history.model
    fields = tracked_fields(historical)
    users = {u.get_username(): u.pk for u in get_user_model().objects.filter(
        username__in={row["user"] for row in rows if row["user"]})}
    wanted = [(v.read_instant(row["date"]), row["type"], users.get(row["user"]), row["reason"] or None,
               tuple(_convert(f, row["values"].get(f.name), id_of, True) for f in fields)) for row in rows]
    current = [(row.history_date, row.history_type, row.history_user_id, row.history_change_reason,
                tuple(getattr(row, f.attname) for f in fields))
               for row in record.history.order_by("history_date", "history_id")]
    if current == wanted:
        return False
    record.history.all().delete()
    historical.objects.bulk_create([
        historical(id=record.pk, history_date=date, history_type=kind, history_user_id=user,
                   history_change_reason=reason, **{f.attname: value for f, value in zip(fields, values, strict=True)})
        for date, kind, user, reason, values in wanted])
    return True
