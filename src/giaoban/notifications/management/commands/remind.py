import datetime
import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.notifications.delivery import deliver


class Command(BaseCommand):
    help = _("Gửi nhắc việc (chỉ đạo sắp đến hạn, quá hạn; báo cáo chưa nộp). Chạy lại trong ngày không gửi trùng.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=7, help=_("Nhắc việc đến hạn trong số ngày này (mặc định 7)."))
        parser.add_argument("--today", type=datetime.date.fromisoformat, help=_("Ngày tính nhắc (YYYY-MM-DD)."))
        parser.add_argument("--no-email", action="store_true", help=_("Chỉ thông báo trong hệ thống."))

    def handle(self, *args, **options) -> None:
        today = options["today"] or timezone.localdate()
        sent = skipped = 0
        for provider in self._providers():
            for message in provider(today=today, days=options["days"]):
                if deliver(message, email=not options["no_email"]):
                    sent += 1
                else:
                    skipped += 1
        self.stdout.write(_("Đã gửi %(sent)d nhắc việc, bỏ qua %(skipped)d đã gửi trước đó.")
                          % {"sent": sent, "skipped": skipped})

    @staticmethod
    def _providers():
        """Apps declare `reminder_provider = "module.function"` on their AppConfig."""
        for config in apps.get_app_configs():
            path = getattr(config, "reminder_provider", None)
            if path:
                module, _sep, name = path.rpartition(".")
                yield getattr(importlib.import_module(module), name)
