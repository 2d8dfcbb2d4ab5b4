from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "giaoban.documents"
    label = "documents"
    verbose_name = _("Văn bản")
    nav_items = [("documents:index", _("Văn bản"))]
