"""Period reports (báo cáo kết quả) and the indicators (chỉ tiêu) they carry.

A body reports its own work for a period; the convening body of its bloc
reviews (accepts or returns) and consolidates.  Figures are Decimals: money
in whole đồng, percentages 0–100, counts whole and never negative.
"""

import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.text import nfc
from giaoban.core.versioning import Versioned
from giaoban.organisations.models import Bloc, Organization, OrganizationType
from giaoban.periods.models import Period, PeriodType
from giaoban.reports import aggregation
from giaoban.reports.formatting import format_money, format_money_words, format_number


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("Số lượng")
    MONEY = "money", _("Số tiền (đồng)")
    PERCENT = "percent", _("Tỷ lệ phần trăm")
    RATIO = "ratio", _("Chỉ số, bình quân")


class Aggregation(models.TextChoices):
    SUM = aggregation.SUM, _("Cộng")
    AVERAGE = aggregation.AVERAGE, _("Trung bình")
    MAX = aggregation.MAX, _("Lớn nhất")
    LAST = aggregation.LAST, _("Số cuối kỳ")
    NONE = aggregation.NONE, _("Không tổng hợp")


class Section(models.TextChoices):
    """The parts of a period report, in the order offices write them."""

    RESULTS = "results", _("Kết quả thực hiện")
    STRENGTHS = "strengths", _("Ưu điểm")
    LIMITATIONS = "limitations", _("Tồn tại, hạn chế")
    CAUSES = "causes", _("Nguyên nhân")
    PLAN = "plan", _("Phương hướng, nhiệm vụ kỳ tới")
    PROPOSALS = "proposals", _("Đề xuất, kiến nghị")


SECTION_KEYS = [s.value for s in Section]


def _all_sections() -> list[str]:
    return list(SECTION_KEYS)


class IndicatorQuerySet(models.QuerySet):
    def valid_in(self, period: Period) -> "IndicatorQuerySet":
        """Indicators in force at some time during `period`."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=period.end)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=period.start))


class Indicator(models.Model):
    """A figure bodies report (chỉ tiêu): "Suất quà Tết trao tặng", in "suất", summed."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=40)
    kind = models.CharField(_("loại số liệu"), max_length=10, choices=IndicatorKind.choices)
    tree_aggregation = models.CharField(_("tổng hợp theo cấp"), max_length=10, choices=Aggregation.choices,
                                        default=Aggregation.SUM)
    time_aggregation = models.CharField(_("cộng dồn theo thời gian"), max_length=10, choices=Aggregation.choices,
                                        default=Aggregation.SUM)
    # Empty = every kind of body reports it.
    organization_types = models.JSONField(_("loại đơn vị báo cáo"), default=list, blank=True,
                                          help_text=_("Để trống nếu mọi đơn vị đều báo cáo chỉ tiêu này."))
    area = models.CharField(_("lĩnh vực"), max_length=120, blank=True)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    valid_from = models.DateField(_("áp dụng từ"), null=True, blank=True)
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)

    history = HistoricalRecords()
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def clean(self) -> None:
        self.name, self.unit = nfc(self.name), nfc(self.unit)
        if self.tree_aggregation == Aggregation.LAST:
            raise ValidationError({"tree_aggregation": _("“Số cuối kỳ” chỉ dùng khi cộng dồn theo thời gian.")})
        unknown = set(self.organization_types or []) - set(OrganizationType.values)
        if unknown:
            raise ValidationError({"organization_types": _("Loại đơn vị không hợp lệ: %(types)s")
                                   % {"types": ", ".join(sorted(unknown))}})
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết áp dụng phải sau ngày bắt đầu.")})

    def applies_to(self, organization_type: str) -> bool:
        return not self.organization_types or organization_type in self.organization_types

    def clean_value(self, value: Decimal | None) -> Decimal | None:
        """The value as stored, or a Vietnamese ValidationError saying what is wrong with it."""
        if value is None:
            return None
        value = Decimal(value)
        if not value.is_finite():
            raise ValidationError(_("Giá trị không hợp lệ."))
        if value < 0:
            if self.kind == IndicatorKind.COUNT:
                raise ValidationError(_("Số lượng không được âm."))
            if self.kind == IndicatorKind.MONEY:
                raise ValidationError(_("Số tiền không được âm."))
            raise ValidationError(_("Giá trị không được âm."))
        if self.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) and value != value.to_integral_value():
            if self.kind == IndicatorKind.COUNT:
                raise ValidationError(_("Số lượng phải là số nguyên."))
            raise ValidationError(_("Số tiền tính bằng đồng, không có phần lẻ."))
        if self.kind == IndicatorKind.PERCENT and value > 100:
            raise ValidationError(_("Tỷ lệ phần trăm phải từ 0 đến 100."))
        if value >= Decimal(10) ** 16:
            raise ValidationError(_("Giá trị quá lớn."))
        if self.kind in (IndicatorKind.PERCENT, IndicatorKind.RATIO):
            if value != value.quantize(Decimal("0.01")):
                raise ValidationError(_("Chỉ ghi tối đa hai chữ số thập phân."))
            return value.quantize(Decimal("0.01"))
        return value.quantize(Decimal(1))

    def format(self, value: Decimal | None) -> str:
        """"4.000.000.000 đ", "9.365", "92,5 %"."""
        if value is None:
            return ""
        if self.kind == IndicatorKind.MONEY:
            return format_money(value)
        if self.kind == IndicatorKind.PERCENT:
            return f"{format_number(value, 1)} %"
        if self.kind == IndicatorKind.COUNT and self.tree_aggregation != Aggregation.AVERAGE:
            return format_number(value, 0)
        return format_number(value, 2)

    def format_short(self, value: Decimal | None) -> str:
        """As a report sentence writes it: "4 tỷ đồng"."""
        if self.kind == IndicatorKind.MONEY:
            return format_money_words(value)
        return self.format(value)


class ReportTemplate(Versioned):
    """What a bloc asks its members to report for one type of period."""

    bloc = models.ForeignKey(Bloc, verbose_name=_("khối giao ban"), on_delete=models.CASCADE,
                             related_name="report_templates")
    period_type = models.CharField(_("loại kỳ"), max_length=16, choices=PeriodType.choices)
    sections = models.JSONField(_("các phần báo cáo"), default=_all_sections)
    indicators = models.ManyToManyField(Indicator, verbose_name=_("chỉ tiêu"), blank=True,
                                        related_name="templates")
    # Deadline = last day of the period + this many days (negative: before the period ends).
    deadline_days = models.SmallIntegerField(_("hạn nộp (số ngày sau khi hết kỳ)"), default=5)

    history = HistoricalRecords(m2m_fields=[indicators])

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["bloc__name", "period_type"]
        constraints = [models.UniqueConstraint(fields=["bloc", "period_type"], name="report_template_unique")]

    def __str__(self) -> str:
        return f"{self.bloc} — {self.get_period_type_display()}"

    def clean(self) -> None:
        unknown = set(self.sections or []) - set(SECTION_KEYS)
        if unknown:
            raise ValidationError({"sections": _("Phần báo cáo không hợp lệ: %(s)s") % {"s": ", ".join(unknown)}})

    def deadline_for(self, period: Period) -> datetime.date:
        override = self.deadlines.filter(period=period).first() if period.pk else None
        return override.deadline if override else period.end + datetime.timedelta(days=self.deadline_days)


class ReportDeadline(models.Model):
    """A deadline set for one period, overriding the template's rule (e.g. the briefing was moved)."""

    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="deadlines")
    period = models.ForeignKey(Period, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="+")
    deadline = models.DateField(_("hạn nộp"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hạn nộp báo cáo")
        verbose_name_plural = _("hạn nộp báo cáo")
        constraints = [models.UniqueConstraint(fields=["template", "period"], name="report_deadline_unique")]

    def __str__(self) -> str:
        return f"{self.template} — {self.period}: {self.deadline:%d/%m/%Y}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã nộp")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


# Reports that count in consolidation: sent and not sent back.
COUNTED_STATUSES = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)
EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class WorkflowError(Exception):
    """A status change the report's current status does not allow (message in Vietnamese)."""


class PeriodReport(Versioned):
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                                     related_name="period_reports")
    period = models.ForeignKey(Period, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT,
                               related_name="period_reports")
    status = models.CharField(_("trạng thái"), max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.DRAFT)
    results = models.TextField(Section.RESULTS.label, blank=True)
    strengths = models.TextField(Section.STRENGTHS.label, blank=True)
    limitations = models.TextField(Section.LIMITATIONS.label, blank=True)
    causes = models.TextField(Section.CAUSES.label, blank=True)
    plan = models.TextField(Section.PLAN.label, blank=True)
    proposals = models.TextField(Section.PROPOSALS.label, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người nộp"))
    reviewed_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người xử lý"))
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("báo cáo kết quả")
        verbose_name_plural = _("báo cáo kết quả")
        ordering = ["-period__start", "organization__tree_path"]
        constraints = [models.UniqueConstraint(fields=["organization", "period"], name="period_report_unique")]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self) -> str:
        return f"{self.organization} — {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_counted(self) -> bool:
        return self.status in COUNTED_STATUSES

    def section_texts(self, keys: list[str] | None = None) -> list[tuple[str, str, str]]:
        """(key, label, text) of each section, in the report's order."""
        labels = dict(Section.choices)
        return [(key, labels[key], getattr(self, key)) for key in (keys or SECTION_KEYS)]

    def clean(self) -> None:
        for key in SECTION_KEYS:
            setattr(self, key, (getattr(self, key) or "").replace("\r\n", "\n").strip())

    # Workflow: the model holds the rules, views only call these.
    def submit(self, user, expected_version: int | None = None) -> None:
        if not self.is_editable:
            raise WorkflowError(_("Báo cáo đã nộp, không nộp lại được."))
        if not any(getattr(self, key).strip() for key in SECTION_KEYS) and not self.values.exists():
            raise WorkflowError(_("Báo cáo còn trống: hãy ghi kết quả hoặc nhập số liệu trước khi nộp."))
        self.status, self.submitted_at, self.submitted_by = ReportStatus.SUBMITTED, timezone.now(), user
        self.save_versioned(expected_version)

    def accept(self, user, expected_version: int | None = None) -> None:
        if self.status != ReportStatus.SUBMITTED:
            raise WorkflowError(_("Chỉ tiếp nhận được báo cáo đã nộp."))
        self.status, self.reviewed_at, self.reviewed_by = ReportStatus.ACCEPTED, timezone.now(), user
        self.save_versioned(expected_version)

    def send_back(self, user, reason: str, expected_version: int | None = None) -> None:
        reason = nfc(reason)
        if not reason:
            raise WorkflowError(_("Hãy ghi lý do trả lại báo cáo."))
        if self.status not in COUNTED_STATUSES:
            raise WorkflowError(_("Chỉ trả lại được báo cáo đã nộp."))
        self.status, self.return_reason = ReportStatus.RETURNED, reason
        self.reviewed_at, self.reviewed_by = timezone.now(), user
        self.save_versioned(expected_version)


class IndicatorValue(models.Model):
    report = models.ForeignKey(PeriodReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT,
                                  related_name="values")
    # 18 digits, 2 decimals: money up to 10^16 đồng, percentages like 92,50.
    value = models.DecimalField(_("giá trị"), max_digits=18, decimal_places=2, null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số liệu chỉ tiêu")
        verbose_name_plural = _("số liệu chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="indicator_value_unique")]

    def __str__(self) -> str:
        return f"{self.indicator.name}: {self.indicator.format(self.value)}"

    def clean(self) -> None:
        self.value = self.indicator.clean_value(self.value)


class PeriodTotal(models.Model):
    """One body's figure for a span it did not report on as such (a quarter made of its months).

    Kept in the transaction of every write to the body's reports by reports/totals.py, so that
    consolidation reads one row per body instead of re-adding the parts. Every time rule's figure
    is stored (sum, largest, last, month-weighted sum), so changing an indicator's rule changes no
    row. `indicator` None is the coverage row: the body reported some part of the span, and
    `complete` says whether its parts cover all of it.
    """

    # Derived rows, rewritten from the reports: no database constraint to check for each of the
    # country's millions at the commit of a rebuild (deletions still cascade, through Django), and
    # no single-column indexes beside the two below that lead with these columns.
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+", db_constraint=False,
                                     db_index=False)
    period_type = models.CharField(max_length=16, choices=PeriodType.choices)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField(default=0)
    indicator = models.ForeignKey(Indicator, null=True, on_delete=models.CASCADE, related_name="+",
                                  db_constraint=False, db_index=False)
    complete = models.BooleanField()
    total = models.DecimalField(max_digits=22, decimal_places=2, null=True)
    maximum = models.DecimalField(max_digits=18, decimal_places=2, null=True)
    last = models.DecimalField(max_digits=18, decimal_places=2, null=True)
    weighted = models.DecimalField(max_digits=22, decimal_places=2, null=True)
    months = models.PositiveSmallIntegerField(null=True)

    class Meta:
        indexes = [models.Index(fields=["period_type", "year", "number", "indicator"]),
                   models.Index(fields=["organization", "year"])]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.period_type} {self.year}/{self.number} {self.indicator_id}"


def attachment_path(instance: "ReportAttachment", filename: str) -> str:
    return f"bao-cao/{instance.report.period.year}/{instance.report_id}/{Path(filename).name}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(PeriodReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name


def indicators_for(organization: Organization, period: Period) -> list[Indicator]:
    """What `organization` is asked to report for `period`: its blocs' templates, or the whole catalogue."""
    templates = ReportTemplate.objects.filter(bloc__members=organization, bloc__active=True,
                                              period_type=period.type)
    asked = Indicator.objects.valid_in(period).filter(templates__in=templates).distinct()
    if not templates.exists():
        asked = Indicator.objects.valid_in(period)
    return [i for i in asked.order_by("position", "code") if i.applies_to(organization.type)]


def sections_for(organization: Organization, period: Period) -> list[str]:
    keys: set[str] = set()
    for sections in ReportTemplate.objects.filter(bloc__members=organization, period_type=period.type).values_list(
            "sections", flat=True):
        keys.update(sections or [])
    return [k for k in SECTION_KEYS if k in keys] or list(SECTION_KEYS)
