"""The briefing series form: the rule, place and time, standing attendees, and the agenda template."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giaoban.accounts.access import has_role, visible_organizations
from giaoban.accounts.models import Role
from giaoban.core.text import nfc
from giaoban.meetings.forms import AgendaFormSet, VersionField, clean_period, period_field
from giaoban.meetings.models import BriefingSeries, SeriesAgendaItem
from giaoban.meetings.resolve import reachable_bodies
from giaoban.organisations.models import Bloc, Organization


class SeriesForm(forms.ModelForm):
    first_period_label = period_field(_("Kỳ đầu tiên"), required=True)
    version = VersionField()

    class Meta:
        model = BriefingSeries
        fields = ["name", "bloc", "host", "period_type", "recurrence", "day", "weekday", "week", "month_offset",
                  "start_time", "place", "attendees", "active"]
        widgets = {"start_time": forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm"}),
                   "attendees": forms.CheckboxSelectMultiple}
        help_texts = {"month_offset": _("Ví dụ giao ban quý I họp vào tháng 4: chọn “tháng liền sau kỳ”.")}

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        visible = visible_organizations(user)
        self.fields["bloc"].queryset = (Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible))
                                        .distinct().order_by("name"))
        self.fields["host"].queryset = reachable_bodies(user).order_by("tree_path")
        blocs = self.fields["bloc"].queryset
        # Standing attendees: the bodies the user reaches and every member of the blocs offered.
        self.fields["attendees"].queryset = Organization.objects.filter(
            Q(pk__in=reachable_bodies(user).values("pk")) | Q(pk__in=blocs.values("members"))
            | Q(pk__in=blocs.values("convening"))).order_by("tree_path")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["first_period_label"].initial = self.instance.first_period.label

    def clean_first_period_label(self):
        return clean_period(self.cleaned_data.get("first_period_label", ""))

    def clean(self) -> dict:
        data = super().clean()
        self.instance.first_period = data.get("first_period_label")
        host, bloc = data.get("host"), data.get("bloc")
        if host and not (has_role(self.user, host, Role.EDITOR)
                         or (bloc and has_role(self.user, bloc.convening, Role.EDITOR))):
            self.add_error("host", _("Bạn chỉ lập được chuỗi giao ban của cơ quan mình cập nhật hoặc khối mình "
                                     "làm thường trực."))
        return data

    def _update_errors(self, errors) -> None:
        # The model speaks of `first_period`; on the form it is typed as a label.
        if hasattr(errors, "error_dict"):
            errors = ValidationError({"first_period_label" if k == "first_period" else k: v
                                      for k, v in errors.error_dict.items()})
        super()._update_errors(errors)


def agenda_template_initial(series: BriefingSeries) -> list[dict]:
    return [{"kind": i.kind, "title": i.title, "organization": i.organization, "notes": i.notes}
            for i in series.agenda_items.select_related("organization")]


def agenda_template_formset(series: BriefingSeries, bodies, data=None):
    return AgendaFormSet(data, prefix="agenda", bodies=bodies,
                         initial=agenda_template_initial(series) if series.pk else None)


def save_agenda_template(series: BriefingSeries, formset) -> None:
    series.agenda_items.all().delete()
    rows = [f.cleaned_data for f in formset.forms if nfc(f.cleaned_data.get("title"))]
    SeriesAgendaItem.objects.bulk_create([
        SeriesAgendaItem(series=series, order=order, kind=row["kind"], title=nfc(row["title"]),
                         organization=row.get("organization"), notes=(row.get("notes") or "").strip())
        for order, row in enumerate(rows)])
