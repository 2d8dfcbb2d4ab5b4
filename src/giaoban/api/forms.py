from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import nfc


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Tên gợi nhớ (dùng cho phần mềm nào)"), max_length=100,
                           error_messages={"required": _("Hãy đặt tên cho mã truy cập.")})

    def clean_name(self) -> str:
        name = nfc(self.cleaned_data.get("name"))
        if not name:
            raise ValidationError(_("Hãy đặt tên cho mã truy cập."))
        return name
