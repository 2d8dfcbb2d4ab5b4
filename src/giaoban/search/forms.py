from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from giaoban.accounts.access import home_organizations
from giaoban.core.collation import vietnamese
from giaoban.organisations.models import Organization
from giaoban.periods import logic
from giaoban.periods.models import Period
from giaoban.search.models import EntryKind


class SearchForm(forms.Form):
    q = forms.CharField(label=_lazy("Tìm"), max_length=200, required=False,
                        widget=forms.SearchInput(attrs={"placeholder": _lazy("Gõ có dấu hoặc không dấu"),
                                                        "autocomplete": "off"}))
    loai = forms.ChoiceField(label=_lazy("Loại"), required=False,
                             choices=[("", _lazy("Tất cả"))] + list(EntryKind.choices))
    don_vi = forms.ModelChoiceField(label=_lazy("Đơn vị"), required=False, queryset=Organization.objects.none(),
                                    empty_label=_lazy("Mọi đơn vị được xem"))
    ky = forms.CharField(label=_lazy("Kỳ"), max_length=40, required=False,
                         widget=forms.TextInput(attrs={"placeholder": _lazy("ví dụ: Quý I/2022")}))

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The user's own bodies: choosing one narrows the hits to its subtree.
        ids = [org.pk for org in home_organizations(user)]
        self.fields["don_vi"].queryset = Organization.objects.filter(pk__in=ids).order_by(vietnamese("name"))

    def clean_ky(self) -> Period | None:
        label = self.cleaned_data["ky"].strip()
        if not label:
            return None
        try:
            key = logic.parse_label(label)
        except logic.PeriodLabelError as error:
            raise forms.ValidationError(str(error)) from error
        period = Period.objects.filter(type=key.type, year=key.year, number=key.number).first()
        if period is None:
            raise forms.ValidationError(_("Chưa có dữ liệu nào cho kỳ %(label)s.") % {"label": label})
        return period
