"""Webhooks: an organisation's URL that receives signed JSON events, and the queue of deliveries.

Deliveries are rows written in the same transaction as the change they report;
`giaoban deliver-webhooks` (run by a timer) sends them, never a web request.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from giaoban.organisations.models import Organization


class Event(models.TextChoices):
    DIRECTIVE_CREATED = "directive.created", _("Có chỉ đạo mới")
    DIRECTIVE_DUE = "directive.due", _("Chỉ đạo đến hạn")
    DIRECTIVE_OVERDUE = "directive.overdue", _("Chỉ đạo quá hạn")
    DIRECTIVE_DONE = "directive.done", _("Chỉ đạo hoàn thành")
    REPORT_SUBMITTED = "report.submitted", _("Báo cáo được nộp")
    DOCUMENT_ISSUED = "document.issued", _("Văn bản được ban hành")


def new_secret() -> str:
    return secrets.token_hex(32)


class Webhook(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị"), on_delete=models.CASCADE,
                                     related_name="webhooks")
    url = models.URLField(_("địa chỉ nhận (URL)"), max_length=500)
    # The HMAC key: the receiver needs the same secret, so it is stored as is and shown to the body's admins.
    secret = models.CharField(_("khóa ký"), max_length=64, default=new_secret, editable=False)
    active = models.BooleanField(_("đang dùng"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhook")
        ordering = ["organization", "pk"]

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ gửi")
    DELIVERED = "delivered", _("Đã gửi")
    FAILED = "failed", _("Gửi không được")


class DeliveryQuerySet(models.QuerySet):
    def due(self, now: datetime.datetime) -> "DeliveryQuerySet":
        return self.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).order_by("next_attempt_at", "pk")


class Delivery(models.Model):
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("sự kiện"), max_length=32, choices=Event.choices)
    # "directive:42": an event is queued once per record and webhook.
    subject = models.CharField(max_length=64)
    payload = models.JSONField()
    status = models.CharField(_("trạng thái"), max_length=10, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lần tới"))
    last_status = models.PositiveSmallIntegerField(_("mã trả lời"), null=True, blank=True)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(_("gửi được lúc"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("lần gửi webhook")
        verbose_name_plural = _("lần gửi webhook")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["webhook", "event", "subject"], name="delivery_once")]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook}"
