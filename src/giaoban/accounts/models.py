from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.organisations.models import Organization


class Role(models.IntegerChoices):
    """Ordered: a higher role can do everything a lower one can."""

    VIEWER = 10, _("Xem")
    EDITOR = 20, _("Cập nhật")
    LEADER = 30, _("Lãnh đạo")
    ADMIN = 40, _("Quản trị")


class Membership(models.Model):
    """A user's role in a body; it covers that body and its whole subtree."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE,
                             related_name="memberships")
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị"), on_delete=models.CASCADE,
                                     related_name="memberships")
    role = models.PositiveSmallIntegerField(_("vai trò"), choices=Role.choices, default=Role.VIEWER)
    title = models.CharField(_("chức vụ"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên đơn vị")
        verbose_name_plural = _("thành viên đơn vị")
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization} ({self.get_role_display()})"
