"""Directive forms: the directives of a conclusion, progress reports, closing, and the list filters."""

from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import nfc
from giaoban.core.uploads import validate_upload
from giaoban.directives import deadlines
from giaoban.directives.models import (
    CLOSED_STATUSES,
    AmendmentKind,
    Directive,
    DirectiveStatus,
    DirectiveUpdate,
    FrozenRecordError,
    Priority,
    deadline_before_meeting,
)
from giaoban.meetings.forms import DATE_WIDGET, VersionField
from giaoban.meetings.resolve import resolve_place, split_names
from giaoban.organisations.models import AdminUnit, Organization


class DirectiveForm(forms.ModelForm):
    deadline_text = forms.CharField(
        label=_("Thời hạn"), required=False, max_length=80,
        widget=forms.TextInput(attrs={"placeholder": _("trong quý II/2022")}),
        help_text=_("Ví dụ: “trong quý II/2022”, “trước ngày 30/9/2023”, “trong tháng 8/2018”, “năm 2020”."))
    places_text = forms.CharField(label=_("Địa bàn"), required=False, max_length=500,
                                  help_text=_("Tên xã, thôn, ấp; cách nhau bằng dấu phẩy."))
    version = VersionField()

    class Meta:
        model = Directive
        fields = ["text", "assignees_text", "lead", "coordinating", "target_text", "target_value",
                  "target_value_max", "target_unit", "priority"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}),
                   "coordinating": forms.SelectMultiple(attrs={"size": 4})}

    def __init__(self, *args, bodies=None, near: AdminUnit | None = None, meeting_date=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.near = near
        self.meeting_date = meeting_date or (self.instance.meeting.date if self.instance.meeting_id else None)
        # As the notice issued it, if it was: then only an amendment changes these.
        self.issued = self.instance.issued_values()
        if bodies is not None:
            self.fields["lead"].queryset = bodies
            self.fields["coordinating"].queryset = bodies
        self.fields["text"].required = False  # an empty row of the formset is skipped, not an error
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["deadline_text"].initial = self.instance.deadline_label()
            self.fields["places_text"].initial = ", ".join(p.short_name for p in self.instance.places.all())

    def clean_deadline_text(self) -> tuple:
        try:
            day, precision = deadlines.parse(self.cleaned_data.get("deadline_text", ""), self.meeting_date)
        except deadlines.DeadlineError as error:
            raise ValidationError(str(error)) from error
        unchanged = self.instance.pk and (day, precision) == (self.instance.deadline, self.instance.deadline_precision)
        if day and self.meeting_date and day < self.meeting_date and not unchanged:
            raise ValidationError(deadline_before_meeting(self.meeting_date))
        return day, precision

    def clean_places_text(self) -> list[AdminUnit]:
        units, unknown = [], []
        for name in split_names(self.cleaned_data.get("places_text", "")):
            unit = resolve_place(name, self.near)
            (units.append(unit) if unit else unknown.append(name))
        if unknown:
            raise ValidationError(_("Không tìm thấy (hoặc trùng tên) địa bàn: %(names)s. Hãy sửa tên hoặc xoá.")
                                  % {"names": ", ".join(f"“{n}”" for n in unknown)})
        return units

    def clean(self) -> dict:
        data = super().clean()
        data["text"] = nfc(data.get("text"))
        if self.has_changed() and not data["text"] and not self.cleaned_data.get("DELETE"):
            self.add_error("text", _("Hãy ghi nội dung chỉ đạo."))
        lead = data.get("lead")
        if lead and lead in (data.get("coordinating") or []):
            self.add_error("coordinating", _("Đơn vị chủ trì không cần ghi lại ở phần phối hợp."))
        self.instance.deadline, self.instance.deadline_precision = data.get("deadline_text") or (None, "none")
        if self.issued is not None:
            self._refuse_issued_changes(data)
        return data

    def _refuse_issued_changes(self, data: dict) -> None:
        lead = data.get("lead")
        wanted = {"text": data.get("text"), "lead_id": lead.pk if lead else None,
                  "deadline": deadlines.normalise(self.instance.deadline, self.instance.deadline_precision),
                  "deadline_precision": self.instance.deadline_precision,
                  **{name: data.get(name) for name in ("target_text", "target_value", "target_value_max")},
                  "target_unit": data.get("target_unit")}
        fields = {"lead_id": "lead", "deadline": "deadline_text", "deadline_precision": "deadline_text"}
        for name, value in wanted.items():
            stored = self.issued[name]
            if (value or None) != (stored or None) and fields.get(name, name) not in self.errors:
                self.add_error(fields.get(name, name), str(FrozenRecordError().message))
    def _update_errors(self, errors: ValidationError) -> None:
        # The model speaks of `deadline`; on the form it is typed as a phrase.
        if hasattr(errors, "error_dict") and "deadline" in errors.error_dict:
            errors = ValidationError({("deadline_text" if k == "deadline" else k): v
                                      for k, v in errors.error_dict.items()})
        super()._update_errors(errors)

    def save_places(self, directive: Directive) -> None:
        wanted = self.cleaned_data.get("places_text") or []
        if {p.pk for p in directive.places.all()} != {p.pk for p in wanted}:
            directive.places.set(wanted)


class _DirectiveFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, bodies=None, near=None, meeting_date=None, **kwargs) -> None:
        self.bodies, self.near, self.meeting_date = bodies, near, meeting_date
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"bodies": self.bodies, "near": self.near, "meeting_date": self.meeting_date}

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data.get("DELETE") or not form.instance.pk:
                continue
            if form.instance.updates.exists() or form.instance.carried_to.exists():
                form.add_error(None, _("Chỉ đạo đã có báo cáo tiến độ hoặc đã chuyển kỳ, không xoá được; "
                                       "hãy để lãnh đạo đóng (hủy) kèm lý do."))


def directive_formset(extra: int = 3):
    return forms.modelformset_factory(Directive, form=DirectiveForm, formset=_DirectiveFormSet, extra=extra,
                                      can_delete=True, max_num=200)


class AmendmentForm(forms.ModelForm):
    """Đính chính / điều chỉnh of an issued directive: the new wording, lead, deadline or target, and why."""

    deadline_text = forms.CharField(label=_("Thời hạn"), required=False, max_length=80,
                                    widget=forms.TextInput(attrs={"placeholder": _("trong quý II/2022")}))
    kind = forms.ChoiceField(label=_("Hình thức"), choices=AmendmentKind.choices, widget=forms.RadioSelect,
                             initial=AmendmentKind.ADJUSTMENT,
                             help_text=_("Đính chính: thông báo ghi sai so với kết luận. Điều chỉnh: kết luận được "
                                         "thay đổi theo quyết định sau."))
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Hãy ghi lý do đính chính, điều chỉnh.")})
    version = VersionField()

    class Meta:
        model = Directive
        fields = ["text", "lead", "target_text", "target_value", "target_value_max", "target_unit"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, bodies=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if bodies is not None:
            self.fields["lead"].queryset = bodies
        self.fields["version"].initial = self.instance.version
        self.fields["deadline_text"].initial = self.instance.deadline_label()

    def clean_deadline_text(self) -> tuple:
        meeting_date = self.instance.meeting.date
        try:
            day, precision = deadlines.parse(self.cleaned_data.get("deadline_text", ""), meeting_date)
        except deadlines.DeadlineError as error:
            raise ValidationError(str(error)) from error
        if day and day < meeting_date:
            raise ValidationError(deadline_before_meeting(meeting_date))
        return day, precision

    def changes(self) -> dict:
        """The new values, for `directives.models.amend` (which records only those that differ)."""
        data = self.cleaned_data
        day, precision = data.get("deadline_text") or (None, "none")
        return {"text": nfc(data.get("text")), "lead": data.get("lead"), "deadline": day, "deadline_precision":
                precision, **{name: data.get(name) for name in ("target_text", "target_value", "target_value_max",
                                                                "target_unit")}}

    def _post_clean(self) -> None:
        # The instance is changed only by `amend`, which records the old wording first.
        pass


class ProgressForm(forms.ModelForm):
    organization = forms.ModelChoiceField(label=_("Báo cáo cho đơn vị"), queryset=Organization.objects.none())

    class Meta:
        model = DirectiveUpdate
        fields = ["note", "percent", "evidence"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3}),
                   "percent": forms.NumberInput(attrs={"min": 0, "max": 100})}

    def __init__(self, *args, bodies: list[Organization], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].error_messages["required"] = _("Hãy ghi tiến độ, kết quả thực hiện.")
        self.fields["percent"].error_messages["max_value"] = _("Tỷ lệ hoàn thành tối đa là 100%%.")
        self.fields["organization"].queryset = Organization.objects.filter(pk__in=[b.pk for b in bodies])
        # The options from the bodies in hand (the queryset only checks what is posted): no query to render them.
        field = self.fields["organization"]
        field.choices = [*([("", field.empty_label)] if field.empty_label is not None else []),
                         *[(b.pk, str(b)) for b in bodies]]
        if bodies:  # the lead first: most reports are made for it
            self.fields["organization"].initial = bodies[0]
        if len(bodies) == 1:
            self.fields["organization"].widget = forms.HiddenInput()

    def clean_note(self) -> str:
        note = nfc(self.cleaned_data.get("note"))
        if not note:
            raise ValidationError(_("Hãy ghi tiến độ, kết quả thực hiện."))
        return note

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload and hasattr(upload, "content_type"):
            validate_upload(upload)
        return upload


class CloseForm(forms.Form):
    status = forms.ChoiceField(label=_("Kết quả"), choices=[(s.value, s.label) for s in DirectiveStatus
                                                           if s in CLOSED_STATUSES])
    reason = forms.CharField(label=_("Lý do, kết quả"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                             error_messages={"required": _("Hãy ghi lý do hoặc kết quả.")})
    version = VersionField()

    def clean_reason(self) -> str:
        reason = nfc(self.cleaned_data.get("reason"))
        if not reason:
            raise ValidationError(_("Hãy ghi lý do hoặc kết quả."))
        return reason


def blank_progress_form(bodies: list[Organization]) -> SafeString:
    """The fields of an empty progress form for these bodies (the page adds its CSRF token around them)."""
    return _blank_progress_form(tuple((b.pk, str(b)) for b in bodies), translation.get_language() or "")


def blank_close_form(version: int) -> SafeString:
    """The fields of an empty closing form for a directive at this version."""
    return _blank_close_form(version, translation.get_language() or "")


# An empty form's fields are a pure function of these arguments and the language, and rendering them
# through the form templates cost more than the rest of a directive's page: worked out once per process.
@lru_cache(maxsize=1024)
def _blank_progress_form(bodies: tuple[tuple[int, str], ...], _language: str) -> SafeString:
    return ProgressForm(bodies=[Organization(pk=pk, name=name) for pk, name in bodies]).as_div()


@lru_cache(maxsize=1024)
def _blank_close_form(version: int, _language: str) -> SafeString:
    return CloseForm(initial={"version": version}).as_div()


SORTS = {
    # meeting_date: the meeting's day stored on the directive (see directives/scope.py), so indexes serve these.
    "deadline": ("deadline", "meeting_date", "pk"),
    "-deadline": ("-deadline", "-meeting_date", "-pk"),
    "meeting": ("-meeting_date", "meeting_id", "order", "pk"),
    "lead": ("lead__name", "deadline", "pk"),
    "status": ("status", "deadline", "pk"),
    "priority": ("-priority", "deadline", "pk"),
}


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False,
                               choices=[("", _("Tất cả")), ("open", _("Chưa hoàn thành")),
                                        *[(s.value, s.label) for s in DirectiveStatus]])
    overdue = forms.BooleanField(label=_("Chỉ việc quá hạn"), required=False)
    lead = forms.ModelChoiceField(label=_("Đơn vị chủ trì"), required=False, queryset=Organization.objects.none(),
                                  empty_label=_("Tất cả"))
    period = forms.CharField(label=_("Kỳ giao ban"), required=False, max_length=60,
                             widget=forms.TextInput(attrs={"placeholder": _("Quý I/2022"), "list": "period-labels"}))
    deadline_from = forms.DateField(label=_("Hạn từ ngày"), required=False, widget=DATE_WIDGET)
    deadline_to = forms.DateField(label=_("đến ngày"), required=False, widget=DATE_WIDGET)
    place = forms.CharField(label=_("Địa bàn"), required=False, max_length=100)
    priority = forms.TypedChoiceField(label=_("Mức độ"), required=False, coerce=int, empty_value=None,
                                      choices=[("", _("Tất cả")), *Priority.choices])
    sort = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=[
        ("deadline", _("Hạn gần nhất trước")), ("-deadline", _("Hạn xa nhất trước")),
        ("meeting", _("Cuộc họp mới nhất trước")), ("lead", _("Theo đơn vị chủ trì")),
        ("status", _("Theo trạng thái")), ("priority", _("Quan trọng trước"))])

    def __init__(self, *args, leads=None, lead_options=None, **kwargs) -> None:
        """`leads` are the bodies one may filter by; `lead_options`, if given, the few the <select> shows."""
        super().__init__(*args, **kwargs)
        if leads is not None:
            self.fields["lead"].queryset = leads
        if lead_options is not None:
            self.fields["lead"].choices = [("", self.fields["lead"].empty_label),
                                           *[(org.pk, str(org)) for org in lead_options]]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("deadline_from"), data.get("deadline_to")
        if start and end and end < start:
            self.add_error("deadline_to", _("Ngày cuối phải sau ngày đầu."))
        if data.get("period"):
            from giaoban.periods.logic import PeriodLabelError, parse_label

            try:
                data["period_key"] = parse_label(data["period"])
            except PeriodLabelError as error:
                self.add_error("period", str(error))
        return data
