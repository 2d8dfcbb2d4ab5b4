from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Kiểm tra cài đặt: Python, Django, cơ sở dữ liệu, thư viện và phông chữ PDF, thư mục tệp, thư, múi giờ."
    requires_system_checks = []  # the point is to report what is wrong, not to stop before saying it

    def handle(self, *args, **options):
        from giaoban import doctor

        results = doctor.run()
        for result in results:
            self.stdout.write(result.line())
        failed = [r for r in results if r.required and not r.ok]
        if failed:
            raise CommandError(_("%(n)d mục cần sửa (xem các dòng ✗ ở trên).") % {"n": len(failed)})
