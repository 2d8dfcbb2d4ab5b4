"""The "Nhập từ văn bản" upload form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giaoban.core.uploads import validate_upload


class ImportForm(forms.Form):
    text = forms.CharField(label=_("Dán nội dung văn bản"), required=False,
                           widget=forms.Textarea(attrs={"rows": 12}))
    file = forms.FileField(label=_("hoặc chọn tệp (TXT, HTML, DOCX, PDF)"), required=False)

    EXTENSIONS = ["txt", "html", "htm", "docx", "pdf"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_upload(upload, self.EXTENSIONS)
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file") and not self.errors:
            raise ValidationError(_("Hãy dán nội dung hoặc chọn một tệp."))
        return data


