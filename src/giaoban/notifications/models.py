"""In-app notifications with an unread counter, and the reminder digests sent by `giaoban remind`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE,
                             related_name="notifications")
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("liên kết"), max_length=500, blank=True)
    # Identifies what was sent ("directive-digest:2026-11-24"), so a rerun sends nothing new.
    key = models.CharField(max_length=200, blank=True, default="")
    emailed = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], condition=~models.Q(key=""), name="notification_once")
        ]

    def __str__(self) -> str:
        return self.title


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
