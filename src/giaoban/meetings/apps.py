from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "giaoban.meetings"
    label = "meetings"
    verbose_name = _("Cuộc họp")
    nav_items = [("meetings:list", _("Cuộc họp")), ("meetings:people", _("Cán bộ"))]

    def ready(self) -> None:
        from giaoban.meetings import pagecache

        pagecache.connect()
