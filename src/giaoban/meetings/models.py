"""Meetings: periodic briefings, working sessions, conferences, and what they record."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.text import fold, nfc
from giaoban.core.versioning import ConcurrentEditError, Versioned
from giaoban.meetings import schedule, states
from giaoban.meetings.sanitize import sanitize_minutes
from giaoban.meetings.states import MeetingState
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.models import Period


class Person(models.Model):
    """An official in the directory, so names are typed once."""

    name = models.CharField(_("họ và tên"), max_length=150)
    title = models.CharField(_("chức vụ"), max_length=255, blank=True)
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="people")
    name_folded = models.CharField(max_length=150, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name

    def save(self, *args, **kwargs) -> None:
        self.name, self.title = nfc(self.name), nfc(self.title)
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    @classmethod
    def remember(cls, name: str, title: str = "", organization: Organization | None = None) -> "Person":
        """The directory entry for this name (and body), created on first use so names are typed once."""
        name, title = nfc(name), nfc(title)
        people = cls.objects.filter(name_folded=fold(name))
        person = (people.filter(organization=organization).first() if organization else None) or people.first()
        if person is None:
            person = cls.objects.create(name=name, title=title, organization=organization)
        elif (title and not person.title) or (organization and not person.organization_id):
            person.title = person.title or title
            person.organization = person.organization or organization
            person.save()
        return person


class MeetingKind(models.TextChoices):
    BRIEFING = "briefing", _("Hội nghị giao ban")
    WORKING_SESSION = "working_session", _("Buổi làm việc")
    CONFERENCE = "conference", _("Hội nghị")


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "MeetingQuerySet":
        """Meetings whose host, bloc convening body or a bloc member is within the user's reach.

        For most users (up to a province) the bodies and blocs are literal id lists, read once per
        request, so the database can weigh them: a commune's few meetings through the host and bloc
        indexes, a province's by walking the newest-first index (date, id) until a page is full, not
        every meeting of the country as an OR of subqueries made it. Users who see most of the
        country keep the subqueries, which that index walk answers at once.
        """
        from giaoban.accounts.access import visible_organization_ids

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        visible = visible_organization_ids(user)
        blocs = Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible)).values("pk")
        if not isinstance(visible, list):
            return self.filter(Q(host__in=visible) | Q(bloc__in=blocs))
        bloc_ids = list(blocs.order_by().values_list("pk", flat=True).distinct())
        return self.filter(Q(host__in=visible) | Q(bloc__in=bloc_ids))

    def briefings_of(self, bloc: Bloc) -> "MeetingQuerySet":
        return self.filter(bloc=bloc, kind=MeetingKind.BRIEFING)

    def same_occasion(self, host: Organization, date) -> "MeetingQuerySet":
        """Meetings of this host on this day: entering one of them again is most likely a duplicate."""
        return self.filter(host=host, date=date).select_related("host")


class Meeting(Versioned):
    kind = models.CharField(_("loại"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.BRIEFING)
    title = models.CharField(_("tên hội nghị"), max_length=300)
    bloc = models.ForeignKey(Bloc, verbose_name=_("khối"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="meetings")
    host = models.ForeignKey(Organization, verbose_name=_("cơ quan tổ chức"), on_delete=models.PROTECT,
                             related_name="hosted_meetings")
    period = models.ForeignKey(Period, verbose_name=_("kỳ đánh giá"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    next_period = models.ForeignKey(Period, verbose_name=_("kỳ triển khai"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("ngày họp"))
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    minutes = models.TextField(_("biên bản"), blank=True)  # sanitised HTML
    is_public = models.BooleanField(_("công khai trên lịch công tác"), default=False)
    # The text the record was entered from ("Nhập từ văn bản"), kept so the source is never lost.
    source_text = models.TextField(_("văn bản gốc"), blank=True)
    # Who kept the minutes (thư ký); signs the minutes beside the chair.
    secretary = models.ForeignKey(Person, verbose_name=_("thư ký hội nghị"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    series = models.ForeignKey("BriefingSeries", verbose_name=_("chuỗi giao ban"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="meetings")
    state = models.CharField(_("trạng thái"), max_length=16, choices=MeetingState.choices,
                             default=MeetingState.DRAFT, editable=False)
    state_reason = models.TextField(_("lý do"), blank=True, editable=False)
    state_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    state_changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
                                         on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuộc họp")
        verbose_name_plural = _("cuộc họp")
        ordering = ["-date", "-pk"]
        # (date, id): the newest meetings first and the page after a key (meetings/listing.py).
        indexes = [models.Index(fields=["bloc", "date"]), models.Index(fields=["date", "id"], name="meeting_date_id")]
        constraints = [
            # One meeting per series and period, even when two editors press "next" at once.
            models.UniqueConstraint(fields=["series", "period"], condition=Q(series__isnull=False),
                                    name="meeting_once_per_series_period"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("meetings:detail", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        self.title, self.place = nfc(self.title), nfc(self.place)
        self.minutes = sanitize_minutes(self.minutes)
        if self._state.adding and self.state == MeetingState.DRAFT and self.date and self.date < timezone.localdate():
            self.state = MeetingState.HELD  # a meeting recorded after the day it took place
        super().save(*args, **kwargs)

    # --- state: the rules are in meetings/states.py -------------------------------------------

    def may_edit(self, part: str) -> bool:
        """Whether `part` (a states.Part) may still be changed in this meeting's state."""
        return part in states.editable(self.state)

    def editable_parts(self) -> list[str]:
        """Labels of what may be changed now, in the pages' order (for the meeting page)."""
        allowed = states.editable(self.state)
        return [str(label) for value, label in states.Part.choices if value in allowed]

    def available_actions(self) -> list[str]:
        return [action for action in states.MANUAL if states.allowed(self.state, action)]

    def transition(self, action: str, *, by=None, reason: str = "", expected_version: int | None = None) -> None:
        """Move to the action's state; ValidationError (in Vietnamese) if the state does not allow it.

        With `expected_version`, ConcurrentEditError if the meeting was saved since that version was read.
        """
        reason = nfc(reason).strip()
        if action not in states.TRANSITIONS:
            raise ValidationError(_("Thao tác không hợp lệ."))
        if action in states.NEEDS_REASON and not reason:
            raise ValidationError(_("Hãy ghi lý do hoãn hoặc hủy cuộc họp."))
        with transaction.atomic():
            # Read the row under lock: the state someone else just set is the one that counts.
            fresh = Meeting.objects.select_for_update().get(pk=self.pk)
            if expected_version is not None and fresh.version != expected_version:
                raise ConcurrentEditError(self, fresh, {})
            if not states.allowed(fresh.state, action):
                raise ValidationError(_("Cuộc họp đang ở trạng thái “%(state)s”: không thể “%(action)s”.") % {
                    "state": fresh.get_state_display(), "action": states.Action(action).label})
            fresh.state, fresh.state_reason = states.target(action), reason
            fresh.state_changed_at = timezone.now()
            fresh.state_changed_by = by if by is not None and by.is_authenticated else None
            fresh.version += 1  # an edit form opened before the change is refused as stale
            fresh.save()
        for field in ("state", "state_reason", "state_changed_at", "state_changed_by", "version"):
            setattr(self, field, getattr(fresh, field))

    def _advance(self, action: str, by) -> bool:
        """Take the step if the state allows it; documents and conclusions never fail because of it."""
        if not states.allowed(Meeting.objects.values_list("state", flat=True).get(pk=self.pk), action):
            return False
        try:
            self.transition(action, by=by)
        except ValidationError:  # someone moved the meeting on meanwhile
            return False
        return True

    def mark_invitation_issued(self, by=None) -> bool:
        return self._advance(states.Action.INVITE, by)

    def mark_concluded(self, by=None) -> bool:
        return self._advance(states.Action.CONCLUDE, by)

    def mark_notice_issued(self, by=None) -> bool:
        return self._advance(states.Action.ISSUE_NOTICE, by)

    def clean(self) -> None:
        errors = {}
        if self.kind == MeetingKind.BRIEFING and self.period_id is None:
            errors["period"] = _("Hội nghị giao ban cần ghi kỳ đánh giá (ví dụ “Quý I/2022”).")
        if self.period_id and self.next_period_id and self.next_period.start <= self.period.start:
            errors["next_period"] = _("Kỳ triển khai phải sau kỳ đánh giá.")
        if self.bloc_id and self.host_id and not (
            self.host_id == self.bloc.convening_id or self.bloc.members.filter(pk=self.host_id).exists()
            or self.bloc.convening.is_within(self.host)
        ):
            errors["host"] = _("Cơ quan tổ chức phải là cơ quan chủ trì, thành viên hoặc cấp trên của khối.")
        if errors:
            raise ValidationError(errors)

    @property
    def convening(self) -> Organization:
        """The body whose leader closes and carries over this meeting's directives."""
        return self.bloc.convening if self.bloc_id else self.host

    @property
    def is_briefing(self) -> bool:
        return self.kind == MeetingKind.BRIEFING

    def record_is_issued(self) -> bool:
        """Whether its conclusion notice was issued: the conclusion and directives then change only by amendment."""
        return Conclusion.objects.filter(meeting_id=self.pk, issued_at__isnull=False).exists()

    def previous_briefings(self) -> "MeetingQuerySet":
        """The bloc's earlier briefings (none for a meeting without a bloc)."""
        if not self.bloc_id:
            return Meeting.objects.none()
        earlier = Meeting.objects.briefings_of(self.bloc).filter(Q(date__lt=self.date) | Q(date=self.date,
                                                                                            pk__lt=self.pk or 0))
        return earlier.exclude(pk=self.pk)

    @staticmethod
    def default_title(kind: str, period: Period | None, next_period: Period | None = None) -> str:
        """ "Hội nghị giao ban Quý I/2022, triển khai nhiệm vụ Quý II/2022" from the kind and periods."""
        title = str(MeetingKind(kind).label)
        if period:
            title += f" {period.label}"
        if next_period:
            title += str(_(", triển khai nhiệm vụ %(next)s") % {"next": next_period.label})
        return title


class MeetingChair(models.Model):
    """Who chaired (chủ trì) or concluded, with the title written beside the name that day."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="chairs")
    person = models.ForeignKey(Person, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("chức vụ"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.person.name}, {self.title}" if self.title else self.person.name


class Presence(models.TextChoices):
    PRESENT = "present", _("Có mặt")
    DELEGATED = "delegated", _("Cử người dự thay")
    ABSENT = "absent", _("Vắng không có lý do")
    EXCUSED = "excused", _("Vắng có lý do")


# A body represented by a delegate attended; the documents name only these.
ATTENDED = (Presence.PRESENT, Presence.DELEGATED)


class Attendance(models.Model):
    """One invited body, or one invited person of a body, and whether they came."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                                     related_name="+")
    person = models.ForeignKey(Person, verbose_name=_("người được mời"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    presence = models.CharField(_("tình trạng"), max_length=10, choices=Presence.choices, default=Presence.PRESENT)
    delegate_name = models.CharField(_("người dự"), max_length=255, blank=True)
    reason = models.CharField(_("lý do vắng"), max_length=255, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organization"], condition=Q(person__isnull=True),
                                    name="attendance_unique"),
            models.UniqueConstraint(fields=["meeting", "organization", "person"],
                                    condition=Q(person__isnull=False), name="attendance_person_unique"),
        ]

    def __str__(self) -> str:
        who = f"{self.person.name} ({self.organization})" if self.person_id else str(self.organization)
        return f"{who}: {self.get_presence_display()}"

    @property
    def attended(self) -> bool:
        return self.presence in ATTENDED

    def clean(self) -> None:
        if self.presence == Presence.DELEGATED and not nfc(self.delegate_name):
            raise ValidationError({"delegate_name": _("Hãy ghi tên người dự thay.")})


class QuorumRule(models.Model):
    """The share of invited bodies that must attend for a kind of meeting to be valid (e.g. 2/3)."""

    kind = models.CharField(_("loại cuộc họp"), max_length=20, choices=MeetingKind.choices, unique=True)
    numerator = models.PositiveSmallIntegerField(_("tử số"), default=1)
    denominator = models.PositiveSmallIntegerField(_("mẫu số"), default=2)

    class Meta:
        verbose_name = _("quy định số đơn vị tối thiểu")
        verbose_name_plural = _("quy định số đơn vị tối thiểu")
        constraints = [models.CheckConstraint(condition=Q(numerator__gte=1, denominator__gte=1)
                                              & Q(numerator__lte=models.F("denominator")),
                                              name="quorum_fraction_valid")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.fraction_label}"

    @property
    def fraction_label(self) -> str:
        return f"{self.numerator}/{self.denominator}"

    def required(self, invited: int) -> int:
        """The fewest attending bodies that make the quorum: ceil(invited × fraction), in integers."""
        return -(-invited * self.numerator // self.denominator)


class AgendaKind(models.TextChoices):
    REPORT = "report", _("Báo cáo")
    DISCUSSION = "discussion", _("Thảo luận")
    CARRIED_OVER = "carried_over", _("Việc chưa hoàn thành kỳ trước")
    OTHER = "other", _("Khác")


class AgendaEntry(models.Model):
    """One line of an agenda: a meeting's own, or a series' template for its briefings."""

    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    kind = models.CharField(_("loại"), max_length=16, choices=AgendaKind.choices, default=AgendaKind.REPORT)
    title = models.CharField(_("nội dung"), max_length=500)
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị trình bày"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class AgendaItem(AgendaEntry):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")


class Conclusion(Versioned):
    """The leader's closing direction; its directives live in the directives app."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="conclusion")
    text = models.TextField(_("nội dung kết luận"), blank=True)
    concluded_by = models.ForeignKey(Person, verbose_name=_("người kết luận"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    concluded_by_title = models.CharField(_("chức vụ người kết luận"), max_length=255, blank=True)
    # Set when the conclusion notice is first issued: from then on the conclusion and its directives as
    # issued are the official record; a change to what they say is an amendment (directives.Amendment).
    issued_at = models.DateTimeField(_("ngày ban hành thông báo kết luận"), null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết luận")
        verbose_name_plural = _("kết luận")

    def __str__(self) -> str:
        return str(_("Kết luận: %(meeting)s") % {"meeting": self.meeting})

    @property
    def is_issued(self) -> bool:
        return self.issued_at is not None

    @classmethod
    def mark_issued(cls, meeting: "Meeting", when=None) -> "Conclusion":
        """Freeze the meeting's conclusion (created empty if none was written); the first issue date is kept."""
        conclusion, _created = cls.objects.get_or_create(meeting=meeting)
        if conclusion.issued_at is None:
            conclusion.issued_at = when or timezone.now()
            conclusion.save_versioned(conclusion.version)
        return conclusion


class Attachment(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="meetings/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name


class Recurrence(models.TextChoices):
    DAY_OF_MONTH = "day", _("Ngày cố định trong tháng")
    WEEKDAY = "weekday", _("Thứ cố định trong tháng")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Thứ Hai")
    TUESDAY = 1, _("Thứ Ba")
    WEDNESDAY = 2, _("Thứ Tư")
    THURSDAY = 3, _("Thứ Năm")
    FRIDAY = 4, _("Thứ Sáu")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("đầu tiên")
    SECOND = 2, _("thứ hai")
    THIRD = 3, _("thứ ba")
    FOURTH = 4, _("thứ tư")
    LAST = schedule.LAST, _("cuối cùng")


SERIES_PERIOD_TYPES = [("month", _("Hằng tháng")), ("quarter", _("Hằng quý")), ("half", _("6 tháng")),
                       ("year", _("Hằng năm"))]


class SeriesQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SeriesQuerySet":
        """The same reach as the series' meetings: the host's, the bloc's convening body's and members' people."""
        from giaoban.accounts.access import visible_organizations

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        visible = visible_organizations(user)
        blocs = Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible)).values("pk")
        return self.filter(Q(host__in=visible) | Q(bloc__in=blocs))


class BriefingSeries(Versioned):
    """A bloc's recurring briefing: each meeting reviews one period and starts from the one before."""

    name = models.CharField(_("tên chuỗi giao ban"), max_length=255)
    bloc = models.ForeignKey(Bloc, verbose_name=_("khối"), on_delete=models.PROTECT, related_name="series")
    host = models.ForeignKey(Organization, verbose_name=_("cơ quan tổ chức"), on_delete=models.PROTECT,
                             related_name="briefing_series")
    period_type = models.CharField(_("định kỳ"), max_length=16, choices=SERIES_PERIOD_TYPES, default="month")
    first_period = models.ForeignKey(Period, verbose_name=_("kỳ đầu tiên"), on_delete=models.PROTECT,
                                     related_name="+")
    recurrence = models.CharField(_("cách tính ngày họp"), max_length=8, choices=Recurrence.choices,
                                  default=Recurrence.DAY_OF_MONTH)
    day = models.SmallIntegerField(_("ngày trong tháng"), default=5,
                                   help_text=_("1–31; ngày lớn hơn số ngày của tháng là ngày cuối tháng."))
    weekday = models.PositiveSmallIntegerField(_("thứ"), choices=Weekday.choices, default=Weekday.TUESDAY)
    week = models.SmallIntegerField(_("tuần"), choices=WeekOfMonth.choices, default=WeekOfMonth.FIRST)
    # 1: the briefing on a period is held in the month after it ends (Quý I → tháng 4); 0: in its last month.
    month_offset = models.PositiveSmallIntegerField(_("họp vào tháng"), default=1,
                                                    choices=[(0, _("tháng cuối của kỳ")),
                                                             (1, _("tháng liền sau kỳ"))])
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    attendees = models.ManyToManyField(Organization, verbose_name=_("thành phần dự thường xuyên"), blank=True,
                                       related_name="+")
    active = models.BooleanField(_("đang áp dụng"), default=True)

    history = HistoricalRecords(m2m_fields=[attendees])
    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("chuỗi giao ban")
        verbose_name_plural = _("chuỗi giao ban")
        ordering = ["bloc__name", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("meetings:series_detail", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        self.name, self.place = nfc(self.name), nfc(self.place)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if self.first_period_id and self.first_period.type != self.period_type:
            errors["first_period"] = _("Kỳ đầu tiên phải cùng định kỳ với chuỗi (ví dụ “Tháng 1/2026” cho chuỗi "
                                       "hằng tháng).")
        if not 1 <= (self.day or 0) <= 31:
            errors["day"] = _("Ngày trong tháng phải từ 1 đến 31.")
        if self.bloc_id and self.host_id and self.host_id != self.bloc.convening_id and not (
                self.bloc.members.filter(pk=self.host_id).exists() or self.bloc.convening.is_within(self.host)):
            errors["host"] = _("Cơ quan tổ chức phải là cơ quan chủ trì, thành viên hoặc cấp trên của khối.")
        if errors:
            raise ValidationError(errors)

    def next_period(self) -> Period:
        """The period after the series' latest meeting; the first period when there is none yet."""
        latest = (self.meetings.filter(period__type=self.period_type).select_related("period")
                  .order_by("-period__start").first())
        return latest.period.next() if latest else self.first_period

    def date_for(self, period: Period) -> datetime.date:
        """The rule's day for the briefing on `period`, moved to the next working day off weekends and holidays."""
        year, month = schedule.month_after(period.end.year, period.end.month, self.month_offset)
        if self.recurrence == Recurrence.WEEKDAY:
            nominal = schedule.nominal_date(year, month, weekday=self.weekday, week=self.week)
        else:
            nominal = schedule.nominal_date(year, month, day=self.day)
        return schedule.next_working_day(nominal)


class SeriesAgendaItem(AgendaEntry):
    """The agenda every briefing of the series starts from."""

    series = models.ForeignKey(BriefingSeries, on_delete=models.CASCADE, related_name="agenda_items")
