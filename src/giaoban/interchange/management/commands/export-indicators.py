from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giaoban.interchange.indicators import rows, to_csv, to_xlsx
from giaoban.organisations.models import Organization
from giaoban.periods.models import Period


class Command(BaseCommand):
    help = _("Xuất số liệu chỉ tiêu của một kỳ cho đơn vị và các đơn vị trực thuộc (CSV hoặc XLSX) để báo cáo "
             "cấp trên; xem docs/upward-reporting.md.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--org", type=int, required=True, help=_("Mã số (id) của đơn vị."))
        parser.add_argument("--period", required=True, help=_("Kỳ báo cáo, ví dụ “Quý I/2022”."))
        parser.add_argument("--out", required=True, help=_("Tệp ghi ra: .csv hoặc .xlsx."))

    def handle(self, *args, **options) -> None:
        root = Organization.objects.filter(pk=options["org"]).first()
        if root is None:
            raise CommandError(_("Không có đơn vị mã số %(id)s.") % {"id": options["org"]})
        try:
            period = Period.objects.from_label(options["period"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        out = Path(options["out"])
        writers = {".csv": to_csv, ".xlsx": to_xlsx}
        if out.suffix.lower() not in writers:
            raise CommandError(_("Tệp ghi ra phải có đuôi .csv hoặc .xlsx."))
        data = rows(root, period)
        out.write_bytes(writers[out.suffix.lower()](data))
        self.stdout.write(_("Đã xuất %(n)s dòng số liệu %(period)s vào %(file)s.")
                          % {"n": len(data), "period": period.label, "file": out})
