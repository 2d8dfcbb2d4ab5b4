from django.contrib import admin

from giaoban.periods.models import Period


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "type", "start", "end"]
    list_filter = ["type", "year"]
