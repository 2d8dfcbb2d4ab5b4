from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "giaoban.dashboard"
    verbose_name = _("Tổng quan")

    def ready(self) -> None:
        from giaoban.dashboard import caching

        caching.connect()
