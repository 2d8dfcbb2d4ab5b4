"""Optimistic locking: every editable record carries a version number.

A save names the version the editor loaded; if someone saved in between, the
UPDATE matches no row and the save is refused instead of overwriting.
"""

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _


class ConcurrentEditError(Exception):
    """Another user saved the record after this editor loaded it."""

    def __init__(self, instance: models.Model, current: models.Model | None, changes: dict[str, tuple]):
        self.instance = instance
        self.current = current
        self.changes = changes
        super().__init__(
            _("Bản ghi đã được người khác sửa sau khi bạn mở trang; thay đổi của bạn chưa được lưu.")
        )


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save_versioned(self, expected_version: int | None = None, **kwargs: Any) -> None:
        """Save only if the stored version is still `expected_version`; bump it."""
        if self._state.adding or self.pk is None:
            self.save(**kwargs)
            return
        expected = self.version if expected_version is None else int(expected_version)
        with transaction.atomic():
            updated = type(self)._default_manager.filter(pk=self.pk, version=expected).update(
                version=expected + 1
            )
            if not updated:
                current = type(self)._default_manager.filter(pk=self.pk).first()
                raise ConcurrentEditError(self, current, changed_fields(self, current))
            self.version = expected + 1
            self.save(**kwargs)


def changed_fields(mine: models.Model, current: models.Model | None) -> dict[str, tuple]:
    """Fields whose stored value differs from what this editor is about to save."""
    if current is None:
        return {}
    changes = {}
    for field in mine._meta.concrete_fields:
        if field.name in {"version", "id"} or not field.editable:
            continue
        ours, theirs = field.value_from_object(mine), field.value_from_object(current)
        if ours != theirs:
            changes[str(field.verbose_name)] = (theirs, ours)
    return changes
