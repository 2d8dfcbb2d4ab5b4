from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from giaoban.webhooks.deadlines import queue_deadline_events
from giaoban.webhooks.sending import deliver_due


class Command(BaseCommand):
    help = _("Ghi sự kiện chỉ đạo đến hạn, quá hạn rồi gửi các sự kiện webhook đang chờ (chạy định kỳ, ví dụ mỗi "
             "phút, bằng cron hoặc systemd timer).")

    def handle(self, *args, **options) -> None:
        queue_deadline_events()
        delivered, failed = deliver_due()
        self.stdout.write(_("Đã gửi %(ok)s sự kiện; %(failed)s chưa gửi được, sẽ thử lại sau.")
                          % {"ok": delivered, "failed": failed})
