from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterchangeConfig(AppConfig):
    name = "giaoban.interchange"
    label = "interchange"
    verbose_name = _("Trao đổi dữ liệu")
