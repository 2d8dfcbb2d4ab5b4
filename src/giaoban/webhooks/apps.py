from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "giaoban.webhooks"
    label = "webhooks"
    verbose_name = _("Webhook")

    def ready(self) -> None:
        # The apps below never call us: we listen to their saves.
        from giaoban.webhooks import events  # noqa: F401
