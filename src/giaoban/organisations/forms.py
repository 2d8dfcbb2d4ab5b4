from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import nfc
from giaoban.organisations.models import AdminUnit, Organization


class OrganizationForm(forms.ModelForm):
    """A new body under a parent; its locality is typed by name and must exist."""

    locality_name = forms.CharField(label=_("Địa bàn (xã, phường, tỉnh…)"), required=False, max_length=150)

    class Meta:
        model = Organization
        fields = ["name", "short_name", "type", "level", "valid_from", "email"]

    def __init__(self, *args, parent: Organization | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent

    def clean_locality_name(self) -> AdminUnit | None:
        name = nfc(self.cleaned_data.get("locality_name"))
        if not name:
            return None
        units = list(AdminUnit.objects.named(name)[:2])
        if not units:
            raise forms.ValidationError(_("Không tìm thấy đơn vị hành chính “%(name)s”. Hãy kiểm tra lại tên.")
                                        % {"name": name})
        if len(units) > 1:
            raise forms.ValidationError(_("Có nhiều đơn vị hành chính tên “%(name)s”; hãy ghi rõ tên đầy đủ.")
                                        % {"name": name})
        return units[0]

    def _post_clean(self) -> None:
        self.instance.parent = self.parent
        super()._post_clean()

    def save(self, commit: bool = True) -> Organization:
        self.instance.locality = self.cleaned_data.get("locality_name")
        return super().save(commit)
