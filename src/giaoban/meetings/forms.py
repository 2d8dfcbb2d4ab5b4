"""Meeting forms: the meeting itself, its chairs, attendees and agenda, the conclusion, attachments."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from giaoban.accounts.access import has_role, visible_organizations
from giaoban.accounts.models import Role
from giaoban.core.text import fold, nfc
from giaoban.core.uploads import validate_upload
from giaoban.meetings import hooks
from giaoban.meetings.models import (
    AgendaItem,
    AgendaKind,
    Attendance,
    Conclusion,
    Meeting,
    MeetingChair,
    Person,
    Presence,
)
from giaoban.meetings.resolve import meeting_bodies, reachable_bodies
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.logic import PeriodLabelError, parse_label
from giaoban.periods.models import Period

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
# A name field that asks the directory for suggestions as the user types (htmx fills the datalist).
PEOPLE_PICKER = {"list": "people-names", "autocomplete": "off", "hx-get": reverse_lazy("meetings:people_suggest"),
                 "hx-trigger": "input changed delay:300ms", "hx-target": "#people-names", "hx-swap": "innerHTML"}


class VersionField(forms.IntegerField):
    """The version the editor loaded; the save is refused if the record moved on since."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        super().__init__(required=False, min_value=1, **kwargs)


def period_field(label: str, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=60,
                           widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Quý I/2022"),
                                                         "list": "period-labels"}))


def clean_period(value: str) -> Period | None:
    value = nfc(value)
    if not value:
        return None
    try:
        return Period.objects.get_for(parse_label(value))
    except PeriodLabelError as error:
        raise ValidationError(str(error)) from error


class MeetingForm(forms.ModelForm):
    period_label = period_field(_("Kỳ đánh giá"))
    next_period_label = period_field(_("Kỳ triển khai"))
    secretary_name = forms.CharField(label=_("Thư ký hội nghị"), max_length=150, required=False,
                                     widget=forms.TextInput(attrs=PEOPLE_PICKER))
    # Shown only once a duplicate was flagged (see _flag_duplicate).
    confirm_duplicate = forms.BooleanField(label=_("Đây là một cuộc họp khác, vẫn lưu"), required=False,
                                           widget=forms.HiddenInput)
    version = VersionField()

    class Meta:
        model = Meeting
        fields = ["kind", "title", "bloc", "host", "date", "start_time", "place", "is_public", "minutes"]
        widgets = {
            "date": DATE_WIDGET,
            "start_time": forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm"}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "title": _("Để trống: hệ thống tự đặt theo loại và kỳ (ví dụ “Hội nghị giao ban Quý I/2022”)."),
            "minutes": _("Dán từ Word hoặc gõ trực tiếp; định dạng đơn giản được giữ, mã lạ bị loại bỏ."),
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["title"].required = False
        visible = visible_organizations(user)
        self.fields["bloc"].queryset = (Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible))
                                        .distinct().order_by("name"))
        self.fields["host"].queryset = reachable_bodies(user).order_by("tree_path")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["period_label"].initial = self.instance.period.label if self.instance.period else ""
            self.fields["next_period_label"].initial = (self.instance.next_period.label
                                                        if self.instance.next_period else "")
            self.fields["secretary_name"].initial = self.instance.secretary.name if self.instance.secretary else ""

    def clean_period_label(self) -> Period | None:
        return clean_period(self.cleaned_data.get("period_label", ""))

    def clean_next_period_label(self) -> Period | None:
        return clean_period(self.cleaned_data.get("next_period_label", ""))

    def clean(self) -> dict:
        data = super().clean()
        self.instance.period = data.get("period_label")
        self.instance.next_period = data.get("next_period_label")
        host, bloc = data.get("host"), data.get("bloc")
        if host and not (has_role(self.user, host, Role.EDITOR)
                         or (bloc and has_role(self.user, bloc.convening, Role.EDITOR))):
            self.add_error("host", _("Bạn chỉ ghi được cuộc họp của cơ quan mình cập nhật hoặc khối mình làm "
                                     "thường trực."))
        if not nfc(data.get("title", "")):
            data["title"] = Meeting.default_title(data.get("kind") or "briefing", self.instance.period,
                                                  self.instance.next_period)
            self.instance.title = data["title"]
        moved = self.instance.pk is None or {"host", "date"} & set(self.changed_data)
        if host and data.get("date") and moved and not data.get("confirm_duplicate"):
            self._flag_duplicate(host, data["date"])
        return data

    def save(self, commit: bool = True) -> Meeting:
        # The secretary is filed in the directory only when the meeting is saved, not on every check.
        name = nfc(self.cleaned_data.get("secretary_name"))
        self.instance.secretary = Person.remember(name, "", self.instance.host) if name else None
        return super().save(commit)

    def _update_errors(self, errors: ValidationError) -> None:
        # The model's rules speak of `period`/`next_period`; on the form they are typed as labels.
        if hasattr(errors, "error_dict"):
            renames = {"period": "period_label", "next_period": "next_period_label"}
            errors = ValidationError({renames.get(k, k): v for k, v in errors.error_dict.items()})
        super()._update_errors(errors)

    def _flag_duplicate(self, host: Organization, date) -> None:
        """Refuse, until confirmed, a meeting of the same host on the same day as one already recorded."""
        same = Meeting.objects.visible_to(self.user).same_occasion(host, date).exclude(pk=self.instance.pk).first()
        if same is not None:
            self.flag_duplicate(_(
                "Đã có cuộc họp “%(title)s” của %(host)s ngày %(date)s. Nếu đây là một cuộc họp khác, hãy đánh dấu "
                "ô này rồi lưu lại.") % {"title": same.title, "host": host.name, "date": date.strftime("%d/%m/%Y")})

    def offer_duplicate_choice(self) -> None:
        self.fields["confirm_duplicate"].widget = forms.CheckboxInput()

    def flag_duplicate(self, message: str) -> None:
        self.offer_duplicate_choice()
        self.add_error("confirm_duplicate", message)


class ChairForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False,
                           widget=forms.TextInput(attrs=PEOPLE_PICKER))
    title = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("title") and not data.get("name"):
            raise ValidationError(_("Hãy ghi họ tên người chủ trì."))
        return data


class AttendanceForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Organization.objects.none(), required=False)
    person_name = forms.CharField(label=_("Người được mời"), max_length=150, required=False,
                                  widget=forms.TextInput(attrs=PEOPLE_PICKER))
    presence = forms.ChoiceField(label=_("Tình trạng"), choices=Presence.choices, initial=Presence.PRESENT)
    delegate_name = forms.CharField(label=_("Người dự"), max_length=255, required=False)
    reason = forms.CharField(label=_("Lý do vắng"), max_length=255, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("presence") == Presence.DELEGATED and not nfc(data.get("delegate_name")):
            self.add_error("delegate_name", _("Hãy ghi tên người dự thay."))
        if data.get("presence") in (Presence.PRESENT, Presence.DELEGATED):
            data["reason"] = ""  # a reason only explains an absence
        return data


class AgendaForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=AgendaKind.choices, initial=AgendaKind.REPORT)
    title = forms.CharField(label=_("Nội dung"), max_length=500, required=False)
    organization = forms.ModelChoiceField(label=_("Đơn vị trình bày"), queryset=Organization.objects.none(),
                                          required=False)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class _BodiesFormSet(forms.BaseFormSet):
    def __init__(self, *args, bodies=None, **kwargs) -> None:
        self.bodies = bodies if bodies is not None else Organization.objects.none()
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if "organization" in form.fields:
            form.fields["organization"].queryset = self.bodies
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        if "organization" in form.fields:
            form.fields["organization"].queryset = self.bodies
        return form


class _AttendanceFormSet(_BodiesFormSet):
    def clean(self) -> None:
        seen = set()
        for form in kept_forms(self):
            org = form.cleaned_data.get("organization") if hasattr(form, "cleaned_data") else None
            if org is None:
                continue
            key = (org.pk, fold(form.cleaned_data.get("person_name") or ""))
            if key in seen:
                raise ValidationError(_("Đơn vị “%(name)s” được ghi hai lần trong danh sách dự họp.")
                                      % {"name": org.name})
            seen.add(key)


# can_delete: a row removed in place (core/formsets.py) is posted with DELETE and skipped.
ChairFormSet = forms.formset_factory(ChairForm, extra=2, max_num=20, can_delete=True)
AttendanceFormSet = forms.formset_factory(AttendanceForm, formset=_AttendanceFormSet, extra=2, max_num=200,
                                          can_delete=True)
AgendaFormSet = forms.formset_factory(AgendaForm, formset=_BodiesFormSet, extra=2, max_num=100, can_delete=True)


def kept_forms(formset) -> list:
    """The rows to save: not removed (DELETE) by the user."""
    return [form for form in formset.forms if not getattr(form, "cleaned_data", {}).get("DELETE")]


def posted_host(user, value: str | None) -> Organization | None:
    """The host a posted form names, if the user may name it (the rows' body lists depend on it)."""
    if not value or not str(value).isdigit():
        return None
    return reachable_bodies(user).filter(pk=int(value)).first()


def chairs_initial(meeting: Meeting) -> list[dict]:
    return [{"name": c.person.name, "title": c.title} for c in meeting.chairs.select_related("person")]


def attendance_initial(meeting: Meeting | None, bloc: Bloc | None = None) -> list[dict]:
    if meeting is not None and meeting.pk:
        return [{"organization": a.organization, "person_name": a.person.name if a.person_id else "",
                 "presence": a.presence, "delegate_name": a.delegate_name, "reason": a.reason}
                for a in meeting.attendances.select_related("organization", "person")]
    if bloc is not None:  # a new briefing: the bloc's members are expected
        return [{"organization": org, "presence": Presence.PRESENT} for org in bloc.members.order_by("tree_path")]
    return []


def agenda_initial(meeting: Meeting) -> list[dict]:
    return [{"kind": i.kind, "title": i.title, "organization": i.organization, "notes": i.notes}
            for i in meeting.agenda_items.select_related("organization")]


def save_chairs(meeting: Meeting, formset) -> None:
    """Replace the chairs with the formset's rows, filing each name in the Person directory."""
    meeting.chairs.all().delete()
    order = 0
    for form in kept_forms(formset):
        name = nfc(form.cleaned_data.get("name"))
        if not name:
            continue
        title = nfc(form.cleaned_data.get("title"))
        person = Person.remember(name, title, meeting.host)
        MeetingChair.objects.create(meeting=meeting, person=person, title=title, order=order)
        order += 1


def save_attendances(meeting: Meeting, formset) -> None:
    meeting.attendances.all().delete()
    for form in kept_forms(formset):
        org = form.cleaned_data.get("organization")
        if org is not None:
            name = nfc(form.cleaned_data.get("person_name"))
            Attendance.objects.create(meeting=meeting, organization=org, presence=form.cleaned_data["presence"],
                                      person=Person.remember(name, "", org) if name else None,
                                      delegate_name=nfc(form.cleaned_data.get("delegate_name")),
                                      reason=nfc(form.cleaned_data.get("reason")))


def save_agenda(meeting: Meeting, formset) -> None:
    meeting.agenda_items.all().delete()
    order = 0
    for form in kept_forms(formset):
        title = nfc(form.cleaned_data.get("title"))
        if not title:
            continue
        AgendaItem.objects.create(meeting=meeting, order=order, kind=form.cleaned_data["kind"], title=title,
                                  organization=form.cleaned_data.get("organization"),
                                  notes=form.cleaned_data.get("notes", "").strip())
        order += 1


def save_meeting(user, form, chairs, attendance, agenda) -> tuple[Meeting, list[str]]:
    """Store the valid meeting form with its chairs, attendance and agenda, all or nothing.

    A new meeting records who entered it; an edit is refused (ConcurrentEditError) if someone saved
    since the version on the form. Returns the meeting and the notes of the apps above meetings.
    """
    created = form.instance.pk is None
    with transaction.atomic():
        meeting = form.save(commit=False)
        if created:
            meeting.created_by = user
            meeting.save()
        else:
            meeting.save_versioned(form.cleaned_data.get("version") or meeting.version)
        save_chairs(meeting, chairs)
        save_attendances(meeting, attendance)
        save_agenda(meeting, agenda)
        notes = hooks.meeting_saved(meeting, user=user, created=created)
    return meeting, notes


class ConclusionForm(forms.ModelForm):
    concluded_by_name = forms.CharField(label=_("Người kết luận"), max_length=150, required=False,
                                        widget=forms.TextInput(attrs=PEOPLE_PICKER))
    version = VersionField()

    class Meta:
        model = Conclusion
        fields = ["text", "concluded_by_title"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            if self.instance.concluded_by:
                self.fields["concluded_by_name"].initial = self.instance.concluded_by.name

    def apply(self, meeting: Meeting) -> Conclusion:
        """Fill the (unsaved) conclusion from the form; the caller saves it with the version check."""
        conclusion = self.instance
        conclusion.meeting = meeting
        conclusion.text = self.cleaned_data.get("text", "").strip()
        name = nfc(self.cleaned_data.get("concluded_by_name"))
        conclusion.concluded_by = Person.remember(name, conclusion.concluded_by_title, meeting.host) if name else None
        return conclusion


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Tệp đính kèm"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload)
        return upload


def meeting_forms(user, meeting: Meeting | None, bloc: Bloc | None, data=None, initial: dict | None = None):
    """The meeting form with its chairs, attendance and agenda formsets (entering, editing, importing)."""
    initial = initial or {}
    meeting = meeting or Meeting()
    bodies = meeting_bodies(user, meeting.host if meeting.host_id else None, bloc or meeting.bloc)
    form = MeetingForm(data, instance=meeting, user=user, initial=initial.get("meeting"))
    chairs = ChairFormSet(data, prefix="chairs", initial=initial.get("chairs") or
                          (chairs_initial(meeting) if meeting.pk else None))
    attendance = AttendanceFormSet(data, prefix="attendance", bodies=bodies,
                                   initial=attendance_initial(meeting if meeting.pk else None, bloc))
    agenda = AgendaFormSet(data, prefix="agenda", bodies=bodies,
                           initial=agenda_initial(meeting) if meeting.pk else None)
    if meeting.pk:  # what the meeting's state keeps fixed is disabled (a posted value is ignored)
        from giaoban.meetings.locking import lock_parts
        from giaoban.meetings.states import Part

        lock_parts(meeting, form, [(Part.PARTICIPANTS, chairs), (Part.PARTICIPANTS, attendance),
                                   (Part.AGENDA, agenda)])
    return form, chairs, attendance, agenda


def datalists(**context) -> dict:
    """The page context plus the period labels the forms suggest.

    The people datalist starts empty and is filled as the user types (people.suggest), with only the
    officials of bodies the user may see.
    """
    return {"period_labels": [p.label for p in Period.objects.order_by("-start")[:40]], **context}
