from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organization", "role", "title"]
    list_filter = ["role"]
    raw_id_fields = ["organization"]
