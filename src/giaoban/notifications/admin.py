from django.contrib import admin

from giaoban.notifications.models import ReminderPreference, ReminderSettings


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(admin.ModelAdmin):
    list_display = ["organization", "directive_days_before", "directive_on_the_day", "directive_every_days_after",
                    "report_days_before", "report_on_the_day", "report_every_days_after"]
    raw_id_fields = ["organization"]


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "in_app", "by_email"]
    raw_id_fields = ["user"]
