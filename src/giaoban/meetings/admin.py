from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.meetings.models import (
    AgendaItem,
    Attendance,
    BriefingSeries,
    Conclusion,
    Meeting,
    MeetingChair,
    Person,
    QuorumRule,
    SeriesAgendaItem,
)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organization"]
    search_fields = ["name", "title"]
    raw_id_fields = ["organization"]


class ChairInline(admin.TabularInline):
    model = MeetingChair
    raw_id_fields = ["person"]
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = Attendance
    raw_id_fields = ["organization", "person"]
    extra = 0


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    raw_id_fields = ["organization"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "date", "host", "bloc", "state", "is_public"]
    list_filter = ["kind", "state", "is_public"]
    search_fields = ["title"]
    date_hierarchy = "date"
    raw_id_fields = ["host", "bloc", "period", "next_period", "secretary", "created_by", "series"]
    inlines = [ChairInline, AttendanceInline, AgendaInline]


@admin.register(Conclusion)
class ConclusionAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "concluded_by"]
    raw_id_fields = ["meeting", "concluded_by"]


class SeriesAgendaInline(admin.TabularInline):
    model = SeriesAgendaItem
    raw_id_fields = ["organization"]
    extra = 0


@admin.register(BriefingSeries)
class BriefingSeriesAdmin(SimpleHistoryAdmin):
    list_display = ["name", "bloc", "host", "period_type", "active"]
    list_filter = ["period_type", "active"]
    raw_id_fields = ["bloc", "host", "first_period"]
    filter_horizontal = ["attendees"]
    inlines = [SeriesAgendaInline]


@admin.register(QuorumRule)
class QuorumRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "numerator", "denominator"]
