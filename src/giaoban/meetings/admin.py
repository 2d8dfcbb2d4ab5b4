from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.meetings.models import AgendaItem, Attendance, Conclusion, Meeting, MeetingChair, Person, QuorumRule


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
    list_display = ["title", "kind", "date", "host", "bloc", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["title"]
    date_hierarchy = "date"
    raw_id_fields = ["host", "bloc", "period", "next_period", "secretary", "created_by"]
    inlines = [ChairInline, AttendanceInline, AgendaInline]


@admin.register(Conclusion)
class ConclusionAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "concluded_by"]
    raw_id_fields = ["meeting", "concluded_by"]


@admin.register(QuorumRule)
class QuorumRuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "numerator", "denominator"]
