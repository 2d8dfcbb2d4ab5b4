"""The indicator catalogue and report templates are kept by administrators here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.reports.models import (
    Indicator,
    IndicatorValue,
    PeriodReport,
    ReportAttachment,
    ReportDeadline,
    ReportTemplate,
)


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit", "kind", "tree_aggregation", "time_aggregation", "area", "position",
                    "valid_to"]
    list_filter = ["kind", "area", "tree_aggregation", "time_aggregation"]
    search_fields = ["code", "name"]
    list_editable = ["position"]


class ReportDeadlineInline(admin.TabularInline):
    model = ReportDeadline
    extra = 0
    raw_id_fields = ["period"]


@admin.register(ReportTemplate)
class ReportTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["bloc", "period_type", "deadline_days"]
    list_filter = ["period_type"]
    filter_horizontal = ["indicators"]
    inlines = [ReportDeadlineInline]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    raw_id_fields = ["indicator"]


class ReportAttachmentInline(admin.TabularInline):
    model = ReportAttachment
    extra = 0
    readonly_fields = ["uploaded_by", "uploaded_at"]


@admin.register(PeriodReport)
class PeriodReportAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "period", "status", "submitted_at"]
    list_filter = ["status", "period__type"]
    search_fields = ["organization__name"]
    raw_id_fields = ["organization", "period", "submitted_by", "reviewed_by"]
    inlines = [IndicatorValueInline, ReportAttachmentInline]
