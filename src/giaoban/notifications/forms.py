"""A person's reminder choices and a body's reminder settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from giaoban.notifications.models import ReminderPreference, ReminderSettings


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = ReminderPreference
        fields = ["in_app", "by_email"]


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["directive_days_before", "directive_on_the_day", "directive_every_days_after",
                  "report_days_before", "report_on_the_day", "report_every_days_after"]
        help_texts = {"directive_days_before": _("0: không nhắc trước hạn."),
                      "directive_every_days_after": _("0: không nhắc lại sau khi quá hạn."),
                      "report_every_days_after": _("Nhắc lại tối đa 30 ngày sau hạn nộp.")}

    def clean(self) -> dict:
        data = super().clean()
        for name in ("directive_days_before", "directive_every_days_after", "report_days_before",
                     "report_every_days_after"):
            if (data.get(name) or 0) > 365:
                self.add_error(name, _("Tối đa 365 ngày."))
        return data
