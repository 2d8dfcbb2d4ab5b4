from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "giaoban.reports"
    label = "reports"
    verbose_name = _("Báo cáo kết quả")
    nav_items = [("reports:mine", _("Báo cáo của tôi")), ("reports:consolidation_index", _("Tổng hợp báo cáo"))]
    # `giaoban remind`: the reports not yet submitted, before, on and after their deadline.
    reminder_provider = "giaoban.reports.reminders.missing_reports"

    def ready(self) -> None:
        from giaoban.reports import caching, totals

        totals.connect()
        caching.connect()
