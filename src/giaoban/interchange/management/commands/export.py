import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giaoban.interchange.export import export_subtree
from giaoban.interchange.files import files_path
from giaoban.organisations.models import Organization


class Command(BaseCommand):
    help = _("Xuất dữ liệu của một đơn vị và các đơn vị trực thuộc ra tệp JSON, các tệp đính kèm vào tệp .files.zip "
             "bên cạnh (docs/interchange.md).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--org", type=int, required=True, help=_("Mã số (id) của đơn vị."))
        parser.add_argument("--out", required=True, help=_("Tệp JSON sẽ ghi."))
        parser.add_argument("--with-history", action="store_true",
                            help=_("Kèm lịch sử thay đổi của cuộc họp, kết luận, chỉ đạo và báo cáo."))

    def handle(self, *args, **options) -> None:
        root = Organization.objects.filter(pk=options["org"]).first()
        if root is None:
            raise CommandError(_("Không có đơn vị mã số %(id)s.") % {"id": options["org"]})
        data, files = export_subtree(root, with_history=options["with_history"])
        out = Path(options["out"])
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        archive = files_path(out)
        if files.contents:
            files.write(archive)
        else:
            archive.unlink(missing_ok=True)  # an older export's files must not pass for this one's
        self.stdout.write(_("Đã xuất %(orgs)s đơn vị, %(meetings)s cuộc họp, %(directives)s chỉ đạo, %(reports)s báo "
                            "cáo, %(documents)s văn bản, %(users)s tài khoản và %(files)s tệp vào %(file)s.")
                          % {"orgs": len(data["organisations"]), "meetings": len(data["meetings"]),
                             "directives": len(data["directives"]), "reports": len(data["reports"]),
                             "documents": len(data["documents"]), "users": len(data["users"]),
                             "files": len(files.contents), "file": out})
