"""API bodies turned into the web forms' own POST data, so every write runs the pages' validation.

A partial write starts from what the edit page would show (the forms' initial
values) and overlays only what the client sent, as if a user had changed those
fields on the page and pressed save.
"""

from typing import Any

from django.db.models import Model


def plain(value: Any) -> Any:
    """What a browser would post for an initial value: a record is posted as its id."""
    if isinstance(value, Model):
        return value.pk
    return "" if value is None else value


def form_data(form) -> dict[str, Any]:
    """The values an unbound form shows, keyed by field name (with the form's prefix)."""
    return {form.add_prefix(name): plain(form[name].initial) for name in form.fields}


def formset_data(prefix: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A formset's POST data for `rows` (field → value), management form included.

    Every row counts as an initial one: an extra row that equals the form's initial row at its
    place would otherwise count as untouched and be dropped (the page posts its shown rows so too).
    """
    data: dict[str, Any] = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(len(rows))}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{name}": plain(value) for name, value in row.items()})
    return data


def current_formset_data(formset) -> dict[str, Any]:
    """The POST data of an unbound formset as the page shows it (its initial rows)."""
    return formset_data(formset.prefix, list(formset.initial or []))
