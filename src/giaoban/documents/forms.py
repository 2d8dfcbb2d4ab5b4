from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import nfc
from giaoban.documents.models import NewsItem


class IssueForm(forms.Form):
    """What the office fills in when it issues: the date, who signs, who receives."""

    issued_on = forms.DateField(label=_("Ngày ban hành"), input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                                help_text=_("Dạng ngày/tháng/năm, ví dụ 07/4/2022."))
    signer_name = forms.CharField(label=_("Người ký"), max_length=150)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=255, required=False,
                                   help_text=_("Ví dụ: Phó Bí thư, Chủ tịch, Phó Trưởng ban."))
    recipients = forms.CharField(label=_("Nơi nhận"), widget=forms.Textarea(attrs={"rows": 5}), required=False,
                                 help_text=_("Mỗi nơi nhận một dòng; dòng “Lưu” được thêm tự động."))

    def clean_issued_on(self) -> datetime.date:
        day = self.cleaned_data["issued_on"]
        if not 2000 <= day.year <= 2100:
            raise forms.ValidationError(_("Ngày ban hành không hợp lệ."))
        return day

    def clean_signer_name(self) -> str:
        name = nfc(self.cleaned_data["signer_name"])
        if not name:
            raise forms.ValidationError(_("Hãy nhập tên người ký."))
        return name

    def recipient_list(self) -> list[str]:
        lines = [nfc(line).lstrip("-– ").rstrip(",;.") for line in self.cleaned_data.get("recipients", "").splitlines()]
        return [line for line in lines if line and not line.lower().startswith("lưu")]


class NewsItemForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = NewsItem
        fields = ["title", "lead", "body", "author", "published"]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3}), "body": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean_title(self) -> str:
        title = nfc(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Hãy nhập tiêu đề."))
        return title

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not nfc(body):
            raise forms.ValidationError(_("Hãy nhập nội dung tin."))
        return body
