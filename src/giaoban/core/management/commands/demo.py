import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

# Each app that has demo data provides `<app>.demo.load(ctx)`; order matters
# (bodies before accounts, meetings before documents).
DEMO_APPS = ["organisations", "periods", "accounts", "meetings", "directives", "reports", "documents"]


class Command(BaseCommand):
    help = _("Nạp dữ liệu mẫu từ năm bản tin giao ban (chạy lại không tạo trùng).")

    def handle(self, *args, **options) -> None:
        if not (settings.DEMO or settings.DEBUG):
            raise CommandError(_("Dữ liệu mẫu chỉ dùng ở chế độ dùng thử: đặt GIAOBAN_DEMO=1 hoặc DEBUG=true."))
        ctx: dict = {}
        with transaction.atomic():
            for app in DEMO_APPS:
                try:
                    module = importlib.import_module(f"giaoban.{app}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"giaoban.{app}.demo":
                        raise
                    continue
                module.load(ctx)
        self.stdout.write(_("Đã nạp dữ liệu mẫu. Tài khoản dùng thử (mật khẩu: %(pw)s):") % {"pw": ctx["password"]})
        for username, user in ctx["users"].items():
            self.stdout.write(f"  {username:10s} {user.first_name}")
