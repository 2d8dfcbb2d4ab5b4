from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "giaoban.core"
    label = "core"
    verbose_name = _("Hệ thống")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from giaoban.core import security, validators
        from giaoban.core.collation import register_sqlite

        connection_created.connect(register_sqlite, dispatch_uid="giaoban-vietnamese-collation")
        validators.install()
        user_logged_in.connect(security.mark_seen, dispatch_uid="core-session-seen")
