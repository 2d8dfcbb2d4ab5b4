from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.organisations.models import AdminUnit, Bloc, Organization


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "type", "level", "parent", "valid_to"]
    list_filter = ["type", "level"]
    search_fields = ["name", "short_name"]
    raw_id_fields = ["parent", "successor", "locality"]


@admin.register(Bloc)
class BlocAdmin(SimpleHistoryAdmin):
    list_display = ["name", "convening", "active"]
    filter_horizontal = ["members"]


@admin.register(AdminUnit)
class AdminUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "valid_to"]
    list_filter = ["level"]
    search_fields = ["name", "short_name"]
    raw_id_fields = ["parent", "successor"]
