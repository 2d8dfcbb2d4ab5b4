"""One row per running `giaoban worker`, refreshed every few seconds by the worker itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(_("mã tiến trình"), max_length=64, unique=True)
    hostname = models.CharField(_("máy"), max_length=255)
    pid = models.PositiveIntegerField(_("PID"))
    started_at = models.DateTimeField(_("bắt đầu lúc"))
    beat_at = models.DateTimeField(_("báo sống lúc"), db_index=True)

    class Meta:
        verbose_name = _("tiến trình nền")
        verbose_name_plural = _("tiến trình nền")

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"
