"""Control characters are refused at every text input, in one place.

`install()` (from CoreConfig.ready) gives every django.forms.CharField — and so
every subclass and every model form's text field — the check, so the error
shows inline beside the field and the rest of what the user typed stays on the
page.  Imports that do not go through a form (Excel uploads) call
`no_control_characters` themselves.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import control_characters

MESSAGE = _("Có ký tự điều khiển không nhìn thấy được (%(chars)s), thường do dán từ một phần mềm khác. "
            "Hãy xóa các ký tự đó rồi gửi lại.")


def no_control_characters(value: Any) -> None:
    """Raise ValidationError (Vietnamese) if a text — or any text inside a JSON value — has a control character."""
    found = sorted({char for text in _texts(value) for char in control_characters(text)})
    if found:
        raise ValidationError(MESSAGE, code="control_characters", params={"chars": ", ".join(found)})


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (*_texts(key), *_texts(item))]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _texts(item)]
    return []


def install() -> None:
    """Make every forms.CharField refuse control characters (idempotent).

    The check goes into CharField.validate rather than each field's validators
    list: fields declared on a form class are copied, not constructed, for each
    form, and some form classes (Django's own, those the admin imports) exist
    before this app is ready.
    """
    if getattr(forms.CharField, "_control_characters_refused", False):
        return
    original = forms.CharField.validate

    def validate(self: forms.CharField, value: Any) -> None:
        original(self, value)
        no_control_characters(value)

    forms.CharField.validate = validate
    forms.CharField._control_characters_refused = True
