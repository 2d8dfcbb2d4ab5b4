from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordingConfig(AppConfig):
    """Pages that record a meeting together with its conclusion and directives.

    It sits above both meetings and directives, so that neither has to know the
    other's forms: entering the conclusion with its directives, and "Nhập từ văn
    bản" (an extracted record → a proposal → the reviewed, saved meeting).
    """

    name = "giaoban.recording"
    label = "recording"
    verbose_name = _("Ghi cuộc họp và chỉ đạo")
