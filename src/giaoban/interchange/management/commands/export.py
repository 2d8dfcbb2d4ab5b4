import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giaoban.interchange.export import export_subtree
from giaoban.organisations.models import Organization


class Command(BaseCommand):
    help = _("Xuất dữ liệu của một đơn vị và các đơn vị trực thuộc ra tệp JSON (docs/interchange.md).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--org", type=int, required=True, help=_("Mã số (id) của đơn vị."))
        parser.add_argument("--out", required=True, help=_("Tệp JSON sẽ ghi."))

    def handle(self, *args, **options) -> None:
        root = Organization.objects.filter(pk=options["org"]).first()
        if root is None:
            raise CommandError(_("Không có đơn vị mã số %(id)s.") % {"id": options["org"]})
        data = export_subtree(root)
        out = Path(options["out"])
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        self.stdout.write(_("Đã xuất %(orgs)s đơn vị, %(meetings)s cuộc họp, %(directives)s chỉ đạo vào %(file)s.")
                          % {"orgs": len(data["organisations"]), "meetings": len(data["meetings"]),
                             "directives": len(data["directives"]), "file": out})
