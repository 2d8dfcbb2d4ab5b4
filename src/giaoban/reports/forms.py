from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giaoban.core.text import nfc
from giaoban.core.uploads import validate_upload
from giaoban.reports.formatting import NumberFormatError, format_number, parse_number
from giaoban.reports.models import Indicator, IndicatorKind, IndicatorValue, PeriodReport


class IndicatorValueField(forms.CharField):
    """A figure typed the Vietnamese way ("4.000.000.000", "92,5"), checked against its indicator."""

    def __init__(self, indicator: Indicator, **kwargs):
        self.indicator = indicator
        super().__init__(required=False, max_length=40, label=indicator.name, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "class": "num", "autocomplete": "off",
                                  "aria-describedby": f"unit-{indicator.code}"})

    def clean(self, value: str) -> Decimal | None:
        text = super().clean(value)
        try:
            number = parse_number(text)
        except NumberFormatError as error:
            raise ValidationError(_("“%(v)s” không phải là số.") % {"v": text}) from error
        return self.indicator.clean_value(number)


def show_value(indicator: Indicator, value: Decimal | None) -> str:
    """How a stored figure appears in the input box (no unit, Vietnamese separators)."""
    if value is None:
        return ""
    places = 0 if indicator.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) else 2
    return format_number(value, places)


class PeriodReportForm(forms.ModelForm):
    """Sections, indicator figures and the version the editor loaded."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PeriodReport
        fields = ["results", "strengths", "limitations", "causes", "plan", "proposals"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}

    def __init__(self, *args, indicators: list[Indicator], sections: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.section_keys = sections
        for name in list(self.Meta.fields):
            if name not in sections:
                del self.fields[name]
        current = {v.indicator_id: v.value for v in self.instance.values.all()} if self.instance.pk else {}
        for indicator in indicators:
            self.fields[self.value_field(indicator)] = IndicatorValueField(
                indicator, initial=show_value(indicator, current.get(indicator.pk)))
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    @staticmethod
    def value_field(indicator: Indicator) -> str:
        return f"chitieu_{indicator.code}"

    def indicator_rows(self) -> list[tuple[Indicator, forms.BoundField]]:
        return [(indicator, self[self.value_field(indicator)]) for indicator in self.indicators]

    def section_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.section_keys if name in self.fields]

    def clean(self) -> dict:
        data = super().clean()
        for name in self.section_keys:
            if name in data:
                data[name] = "\n".join(nfc(line) for line in (data[name] or "").replace("\r\n", "\n").split("\n"))
        return data

    def save_draft(self) -> PeriodReport:
        """Save sections and figures if nobody saved in between (ConcurrentEditError otherwise)."""
        report = self.instance
        with transaction.atomic():
            report.save_versioned(self.cleaned_data["version"])
            existing = {v.indicator_id: v for v in report.values.all()}
            for indicator in self.indicators:
                value = self.cleaned_data.get(self.value_field(indicator))
                stored = existing.get(indicator.pk)
                if stored is None and value is None:
                    continue
                if stored is None:
                    IndicatorValue.objects.create(report=report, indicator=indicator, value=value)
                elif stored.value != value:
                    stored.value = value
                    stored.save(update_fields=["value"])
        return report


class ReturnForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=2000)
    version = forms.IntegerField(widget=forms.HiddenInput)


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp Excel (.xlsx)"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp đính kèm"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload)
        return upload
