from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.accounts.models import AuditEvent, Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organization", "role", "title"]
    list_filter = ["role"]
    raw_id_fields = ["organization"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: an audit log nobody can edit or delete from the admin."""

    list_display = ["at", "kind", "username", "actor", "ip_address", "detail"]
    list_filter = ["kind"]
    search_fields = ["username", "detail", "ip_address"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
