"""Directives (chỉ đạo) from a conclusion, and their tracking to done."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.versioning import Versioned
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import AdminUnit, Organization


class DeadlinePrecision(models.TextChoices):
    """How precisely the conclusion named the deadline; `deadline` holds the last day it allows."""

    NONE = "none", _("Không thời hạn")
    DAY = "day", _("Ngày")
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF = "half", _("6 tháng")
    YEAR = "year", _("Năm")


class DirectiveStatus(models.TextChoices):
    NEW = "new", _("Mới giao")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    CANCELLED = "cancelled", _("Hủy")
    CARRIED_OVER = "carried_over", _("Chuyển kỳ sau")


OPEN_STATUSES = (DirectiveStatus.NEW, DirectiveStatus.IN_PROGRESS, DirectiveStatus.CARRIED_OVER)


class Priority(models.IntegerChoices):
    NORMAL = 0, _("Bình thường")
    HIGH = 1, _("Quan trọng")
    URGENT = 2, _("Khẩn")


class Directive(Versioned):
    meeting = models.ForeignKey(Meeting, verbose_name=_("cuộc họp giao"), on_delete=models.PROTECT,
                                related_name="directives")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung"))
    assignees_text = models.CharField(_("đơn vị được giao (như văn bản ghi)"), max_length=500, blank=True)
    lead = models.ForeignKey(Organization, verbose_name=_("đơn vị chủ trì"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="led_directives")
    coordinating = models.ManyToManyField(Organization, verbose_name=_("đơn vị phối hợp"), blank=True,
                                          related_name="coordinated_directives")
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    deadline_precision = models.CharField(_("độ chính xác thời hạn"), max_length=8,
                                          choices=DeadlinePrecision.choices, default=DeadlinePrecision.NONE)
    target_text = models.CharField(_("chỉ tiêu"), max_length=255, blank=True)
    target_value = models.DecimalField(_("chỉ tiêu (từ)"), max_digits=18, decimal_places=2, null=True, blank=True)
    target_value_max = models.DecimalField(_("chỉ tiêu (đến)"), max_digits=18, decimal_places=2, null=True,
                                           blank=True)
    target_unit = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    places = models.ManyToManyField(AdminUnit, verbose_name=_("địa bàn"), blank=True, related_name="directives")
    priority = models.SmallIntegerField(_("mức độ"), choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(_("trạng thái"), max_length=16, choices=DirectiveStatus.choices,
                              default=DirectiveStatus.NEW, db_index=True)
    closed_reason = models.TextField(_("lý do"), blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    # Briefings this directive was carried over to, oldest first.
    carried_to = models.ManyToManyField(Meeting, verbose_name=_("chuyển sang cuộc họp"), blank=True,
                                        related_name="carried_directives")

    history = HistoricalRecords(m2m_fields=[coordinating, places])

    class Meta:
        verbose_name = _("chỉ đạo")
        verbose_name_plural = _("chỉ đạo")
        ordering = ["meeting", "order", "pk"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """Derived, never stored: past the last day its deadline allows and still open."""
        today = today or datetime.date.today()
        return self.is_open and self.deadline is not None and self.deadline < today


class DirectiveUpdate(models.Model):
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="updates")
    note = models.TextField(_("tiến độ, kết quả"))
    percent = models.PositiveSmallIntegerField(_("% hoàn thành"), null=True, blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to="directives/%Y/%m/", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị báo cáo"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.note[:80]
