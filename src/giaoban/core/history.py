"""Readable change history ("who changed what, when") from django-simple-history records."""

from collections import defaultdict

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import get_m2m_reverse_field_name

_TYPES = {"+": gettext_lazy("Tạo mới"), "~": gettext_lazy("Sửa"), "-": gettext_lazy("Xoá")}
HIDDEN = {"version", "name_folded", "minutes", "source_text"}


class _Names:
    """The names of the records that changes point to, one query per related model for the whole history.

    Looking each value up as it was shown cost a query per changed link (38 queries for one
    directive page); the page now costs the same whatever the history holds.
    """

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set] = defaultdict(set)
        self.names: dict[type[models.Model], dict] = {}

    def want(self, field: models.Field, value) -> None:
        if isinstance(field, models.ForeignKey) and value not in (None, ""):
            self.wanted[field.related_model].add(value)
        elif isinstance(field, models.ManyToManyField) and value:
            self.wanted[field.related_model].update(value)

    def fetch(self) -> None:
        for model, ids in self.wanted.items():
            self.names[model] = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}

    def of(self, model: type[models.Model]) -> dict:
        return self.names.get(model, {})


def _display(field: models.Field, value, names: _Names) -> str:
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return names.of(field.related_model).get(value, f"#{value}")
    if isinstance(field, models.ManyToManyField):
        ids = set(value)
        return ", ".join(name for pk, name in names.of(field.related_model).items() if pk in ids) or "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y %H:%M" if hasattr(value, "hour") else "%d/%m/%Y")
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    return str(value)


def history_entries(instance: models.Model, limit: int = 100) -> list[dict]:
    """Newest first: when, who, what kind of change, and each changed field's old and new value.

    A fixed number of queries whatever the history holds: the records, the links each one
    recorded (one query per many-to-many field) and the names they point to (one per model).
    """
    model = type(instance)
    records = list(instance.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit])
    previous = [*records[1:], records[-1].prev_record] if records else []
    m2m_fields = list(getattr(records[0], "_history_m2m_fields", [])) if records else []
    links = _links(m2m_fields, [r for r in [*records, *previous[-1:]] if r is not None])
    entries, names = [], _Names()
    for record, before in zip(records, previous, strict=True):
        changes = []
        if before is not None and record.history_type == "~":
            diff = record.diff_against(before, excluded_fields=[f.name for f in m2m_fields]).changes
            found = [(model._meta.get_field(c.field), c.old, c.new) for c in diff if c.field not in HIDDEN]
            for field in m2m_fields:
                old = links.get((field.name, before.history_id), [])
                new = links.get((field.name, record.history_id), [])
                if old != new:
                    found.append((field, old, new))
            for field, old, new in found:
                names.want(field, old)
                names.want(field, new)
                changes.append((field, old, new))
            if not changes:
                continue  # a save that changed nothing the user can see (version bump only)
        entries.append({"when": record.history_date, "who": record.history_user, "type": _TYPES[record.history_type],
                        "changes": changes, "reason": record.history_change_reason or ""})
    names.fetch()
    for entry in entries:
        entry["changes"] = [{"field": str(field.verbose_name), "old": _display(field, old, names),
                             "new": _display(field, new, names)} for field, old, new in entry["changes"]]
    return entries


def _links(fields: list[models.ManyToManyField], records: list) -> dict[tuple[str, int], list]:
    """{(field name, history id): the linked ids as that record saved them}, one query per field."""
    links: dict[tuple[str, int], list] = {}
    for field in fields:
        rows = getattr(records[0], field.name).model.objects.filter(history__in=[r.history_id for r in records])
        target = get_m2m_reverse_field_name(field)
        for history_id, linked in rows.order_by(target).values_list("history", target):
            links.setdefault((field.name, history_id), []).append(linked)
    return links
