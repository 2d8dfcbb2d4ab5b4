from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectivesConfig(AppConfig):
    name = "giaoban.directives"
    label = "directives"
    verbose_name = _("Chỉ đạo")
    nav_items = [("directives:list", _("Chỉ đạo")), ("directives:mine", _("Việc của đơn vị tôi"))]
    # `giaoban remind` asks this for the directives due soon and overdue (see notifications.reminders).
    reminder_provider = "giaoban.directives.reminders.directive_reminders"
    # The meetings app runs and shows these without importing directives (meetings/hooks.py).
    meeting_saved_hook = "giaoban.directives.carryover.on_meeting_saved"
    meeting_page_context = "giaoban.directives.pages.meeting_context"
    meeting_page_versions = "giaoban.directives.pages.meeting_versions"

    def ready(self) -> None:
        from giaoban.directives import listcache, scope

        scope.connect()
        listcache.connect()
