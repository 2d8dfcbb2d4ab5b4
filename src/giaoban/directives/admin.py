from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.directives.models import Directive, DirectiveUpdate, ProgressRound


@admin.register(Directive)
class DirectiveAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "lead", "deadline", "status"]
    list_filter = ["status", "deadline_precision", "priority"]
    search_fields = ["text"]
    raw_id_fields = ["meeting", "lead", "closed_by"]
    filter_horizontal = ["coordinating"]


@admin.register(DirectiveUpdate)
class DirectiveUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["directive", "percent", "organization", "created_at"]
    raw_id_fields = ["directive", "organization", "author", "round"]


@admin.register(ProgressRound)
class ProgressRoundAdmin(admin.ModelAdmin):
    list_display = ["meeting", "due_on", "opened_by", "opened_at"]
    raw_id_fields = ["meeting", "opened_by"]
