"""Readable change history ("who changed what, when") from django-simple-history records."""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_TYPES = {"+": gettext_lazy("Tạo mới"), "~": gettext_lazy("Sửa"), "-": gettext_lazy("Xoá")}
HIDDEN = {"version", "name_folded", "minutes", "source_text"}


def _display(field: models.Field, value) -> str:
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        target = field.related_model.objects.filter(pk=value).first()
        return str(target) if target else f"#{value}"
    if isinstance(field, models.ManyToManyField):
        ids = [next((v for k, v in row.items() if k != field.model._meta.model_name), None) for row in value]
        names = field.related_model.objects.filter(pk__in=[i for i in ids if i]).values_list("pk", flat=True)
        return ", ".join(str(o) for o in field.related_model.objects.filter(pk__in=list(names))) or "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y %H:%M" if hasattr(value, "hour") else "%d/%m/%Y")
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    return str(value)


def history_entries(instance: models.Model, limit: int = 100) -> list[dict]:
    """Newest first: when, who, what kind of change, and each changed field's old and new value."""
    model = type(instance)
    records = list(instance.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit])
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else record.prev_record
        changes = []
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous).changes:
                if change.field in HIDDEN:
                    continue
                field = model._meta.get_field(change.field)
                changes.append({"field": str(field.verbose_name), "old": _display(field, change.old),
                                "new": _display(field, change.new)})
            if not changes:
                continue  # a save that changed nothing the user can see (version bump only)
        entries.append({"when": record.history_date, "who": record.history_user, "type": _TYPES[record.history_type],
                        "changes": changes, "reason": record.history_change_reason or ""})
    return entries
