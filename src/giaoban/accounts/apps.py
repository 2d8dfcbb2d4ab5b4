from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "giaoban.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản và phân quyền")

    def ready(self) -> None:
        from giaoban.accounts import audit

        audit.connect()
