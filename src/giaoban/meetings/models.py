"""Meetings: periodic briefings, working sessions, conferences, and what they record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.text import fold, nfc
from giaoban.core.versioning import Versioned
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


class MeetingKind(models.TextChoices):
    BRIEFING = "briefing", _("Hội nghị giao ban")
    WORKING_SESSION = "working_session", _("Buổi làm việc")
    CONFERENCE = "conference", _("Hội nghị")


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
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cuộc họp")
        verbose_name_plural = _("cuộc họp")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["bloc", "date"])]

    def __str__(self) -> str:
        return self.title


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

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết luận")
        verbose_name_plural = _("kết luận")

    def __str__(self) -> str:
        return str(_("Kết luận: %(meeting)s") % {"meeting": self.meeting})


class Attachment(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="meetings/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng"), default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
