from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "giaoban.organisations"
    label = "organisations"
    verbose_name = _("Đơn vị, tổ chức")
