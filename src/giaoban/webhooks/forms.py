from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giaoban.webhooks.models import Webhook


class WebhookForm(forms.ModelForm):
    url = forms.URLField(label=_("Địa chỉ nhận (URL)"), max_length=500, assume_scheme="https", error_messages={
        "required": _("Hãy nhập địa chỉ nhận sự kiện."), "invalid": _("Địa chỉ không hợp lệ: hãy nhập dạng https://…")})

    class Meta:
        model = Webhook
        fields = ["url"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if urlsplit(url).scheme not in {"http", "https"}:
            raise ValidationError(_("Địa chỉ nhận phải bắt đầu bằng http:// hoặc https://."))
        return url
