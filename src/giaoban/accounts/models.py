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


class AuditKind(models.TextChoices):
    LOGIN = "login", _("Đăng nhập")
    LOGIN_FAILED = "login_failed", _("Đăng nhập sai")
    LOCKOUT = "lockout", _("Tạm khóa đăng nhập")
    LOGOUT = "logout", _("Đăng xuất")
    MEMBERSHIP_ADDED = "membership_added", _("Thêm vào đơn vị")
    ROLE_CHANGED = "role_changed", _("Đổi vai trò")
    MEMBERSHIP_REMOVED = "membership_removed", _("Rút khỏi đơn vị")
    ACCOUNT_CHANGED = "account_changed", _("Đổi quyền tài khoản")


class AuditEvent(models.Model):
    """Who logged in, who failed, who was locked out, and who changed whose rights: append-only."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("sự kiện"), max_length=32, choices=AuditKind.choices, db_index=True)
    # The account concerned; the username stays readable after the account is deleted.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)

    class Meta:
        verbose_name = _("nhật ký an ninh")
        verbose_name_plural = _("nhật ký an ninh")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_kind_display()} {self.username}"
