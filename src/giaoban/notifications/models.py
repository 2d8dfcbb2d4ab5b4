"""In-app notifications with an unread counter; the reminder settings, ledger and preferences of `giaoban remind`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from giaoban.notifications.schedule import Schedule
from giaoban.organisations.models import Organization

# After this many days past a report's deadline the convening body follows up in person.
REPORT_FOLLOW_UP_DAYS = 30


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


class ReminderSettings(models.Model):
    """When a body's reminders go out; bodies below it without their own settings follow it.

    Offsets count from the last day a deadline allows ("trong quý II" → 30/6).
    0 days before, or 0 for "every N days after", turns that reminder off.
    """

    organization = models.OneToOneField(Organization, verbose_name=_("đơn vị"), on_delete=models.CASCADE,
                                        related_name="reminder_settings")
    directive_days_before = models.PositiveSmallIntegerField(_("nhắc chỉ đạo trước hạn (ngày)"), default=7)
    directive_on_the_day = models.BooleanField(_("nhắc chỉ đạo đúng ngày đến hạn"), default=True)
    directive_every_days_after = models.PositiveSmallIntegerField(_("nhắc chỉ đạo quá hạn, cứ mỗi (ngày)"),
                                                                  default=7)
    report_days_before = models.PositiveSmallIntegerField(_("nhắc nộp báo cáo trước hạn (ngày)"), default=7)
    report_on_the_day = models.BooleanField(_("nhắc nộp báo cáo đúng ngày hạn"), default=True)
    report_every_days_after = models.PositiveSmallIntegerField(_("nhắc báo cáo quá hạn, cứ mỗi (ngày)"), default=7)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cài đặt nhắc việc")
        verbose_name_plural = _("cài đặt nhắc việc")

    def __str__(self) -> str:
        return str(self.organization)

    def directive_schedule(self) -> Schedule:
        return Schedule(self.directive_days_before, self.directive_on_the_day, self.directive_every_days_after)

    def report_schedule(self) -> Schedule:
        return Schedule(self.report_days_before, self.report_on_the_day, self.report_every_days_after,
                        stop_after_days=REPORT_FOLLOW_UP_DAYS)

    @classmethod
    def for_organizations(cls, organizations) -> "dict[int, ReminderSettings]":
        """Each body's settings: its own, else the nearest body above it with some, else the defaults."""
        organizations = list(organizations)
        ancestry = {org.pk: [int(p) for p in org.tree_path.strip("/").split("/") if p] for org in organizations}
        stored = {s.organization_id: s for s in cls.objects.filter(
            organization_id__in={pk for path in ancestry.values() for pk in path})}
        default = cls()
        return {pk: next((stored[a] for a in reversed(path) if a in stored), default)
                for pk, path in ancestry.items()}


class SentReminder(models.Model):
    """One reminder occasion that reached one person: the ledger that makes each go out exactly once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # "directive:12:2026-03-31:2026-03-24": what, which deadline, which occasion.
    key = models.CharField(max_length=200)
    notification = models.ForeignKey(Notification, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="reminders")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="reminder_sent_once")]

    def __str__(self) -> str:
        return self.key


class ReminderRun(models.Model):
    """A day `giaoban remind` ran for: occasions that came before the last run were handled by it, so the
    next run looks only at what came since (its time follows the reminders due, not the records held)."""

    day = models.DateField(unique=True)
    finished_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lần chạy nhắc việc")
        verbose_name_plural = _("lần chạy nhắc việc")

    def __str__(self) -> str:
        return self.day.isoformat()


class ReminderPreference(models.Model):
    """A person's choice: reminders by e-mail and in the app, in the app only, or none."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="reminder_preference")
    by_email = models.BooleanField(_("nhận nhắc việc qua thư điện tử"), default=True)
    in_app = models.BooleanField(_("nhận nhắc việc trong hệ thống"), default=True)

    class Meta:
        verbose_name = _("lựa chọn nhận nhắc việc")
        verbose_name_plural = _("lựa chọn nhận nhắc việc")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def of(cls, user) -> "ReminderPreference":
        return cls.objects.filter(user=user).first() or cls(user=user)
