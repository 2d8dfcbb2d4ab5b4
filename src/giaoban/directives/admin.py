from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.directives.models import FROZEN_FIELDS, Amendment, Directive, DirectiveUpdate, ProgressRound


@admin.register(Directive)
class DirectiveAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "lead", "deadline", "status"]
    list_filter = ["status", "deadline_precision", "priority"]
    search_fields = ["text"]
    raw_id_fields = ["meeting", "lead", "closed_by"]
    filter_horizontal = ["coordinating"]

    def get_readonly_fields(self, request, obj=None):
        # Issued: these change only by an amendment (the directive page's form), never here.
        if obj is not None and obj.issued_values() is not None:
            return [name.removesuffix("_id") for name in FROZEN_FIELDS]
        return []


@admin.register(Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    list_display = ["directive", "kind", "field", "by", "at"]
    list_filter = ["kind", "field"]
    readonly_fields = ["directive", "field", "old", "new", "kind", "reason", "by", "at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(DirectiveUpdate)
class DirectiveUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["directive", "percent", "organization", "created_at"]
    raw_id_fields = ["directive", "organization", "author", "round"]


@admin.register(ProgressRound)
class ProgressRoundAdmin(admin.ModelAdmin):
    list_display = ["meeting", "due_on", "opened_by", "opened_at"]
    raw_id_fields = ["meeting", "opened_by"]
