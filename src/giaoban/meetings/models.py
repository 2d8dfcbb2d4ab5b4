"""Meetings: periodic briefings, working sessions, conferences, and what they record."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.text import fold, nfc
from giaoban.core.versioning import Versioned
from giaoban.meetings.sanitize import sanitize_minutes
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
        """Meetings whose host, bloc convening body or a bloc member is within the user's reach."""
        from giaoban.accounts.access import visible_organizations

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        visible = visible_organizations(user)
        blocs = Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible)).values("pk")
        return self.filter(Q(host__in=visible) | Q(bloc__in=blocs))

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
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuộc họp")
        verbose_name_plural = _("cuộc họp")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["bloc", "date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("meetings:detail", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        self.title, self.place = nfc(self.title), nfc(self.place)
        self.minutes = sanitize_minutes(self.minutes)
        super().save(*args, **kwargs)

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
    ABSENT = "absent", _("Vắng")
    EXCUSED = "excused", _("Vắng có lý do")


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                                     related_name="+")
    presence = models.CharField(_("tình trạng"), max_length=10, choices=Presence.choices, default=Presence.PRESENT)
    delegate_name = models.CharField(_("người dự"), max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "organization"], name="attendance_unique")]

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_presence_display()}"


class AgendaKind(models.TextChoices):
    REPORT = "report", _("Báo cáo")
    DISCUSSION = "discussion", _("Thảo luận")
    CARRIED_OVER = "carried_over", _("Việc chưa hoàn thành kỳ trước")
    OTHER = "other", _("Khác")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    kind = models.CharField(_("loại"), max_length=16, choices=AgendaKind.choices, default=AgendaKind.REPORT)
    title = models.CharField(_("nội dung"), max_length=500)
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị trình bày"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


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
