import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from giaoban.interchange.fileformat import FormatError
from giaoban.interchange.files import Archive, files_path
from giaoban.interchange.load import import_data


class Command(BaseCommand):
    help = _("Nhập tệp trao đổi dữ liệu JSON do `giaoban export` tạo ra (cùng tệp .files.zip bên cạnh nếu có); nhập "
             "lại lần nữa không thay đổi gì.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help=_("Tệp JSON cần nhập."))

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(_("Không tìm thấy tệp %(file)s.") % {"file": path}) from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(_("Tệp %(file)s không phải JSON hợp lệ.") % {"file": path}) from error
        archive = Archive(files_path(path))
        try:
            counts = import_data(data, archive)
        except FormatError as error:
            raise CommandError(str(error) + " " + _("Không nhập gì.")) from error
        except (KeyError, TypeError, ValueError, AttributeError, ValidationError, DatabaseError) as error:
            # Everything ran in one transaction: nothing of the file was kept.
            raise CommandError(_("Tệp trao đổi có dữ liệu sai hoặc thiếu (%(err)s); không nhập gì.")
                               % {"err": error}) from error
        finally:
            archive.close()
        self.stdout.write(_("Đã nhập %(file)s: %(created)s bản ghi mới, %(changed)s cập nhật, %(same)s không đổi.")
                          % {"file": path, "created": counts.get("created", 0), "changed": counts.get("changed", 0),
                             "same": counts.get("unchanged", 0)})
        if counts.get("users_without_password"):
            self.stdout.write(_("%(n)s tài khoản mới chưa có mật khẩu: quản trị viên đặt mật khẩu cho từng người "
                                "(trang Quản trị → Người dùng, hoặc `giaoban changepassword <tên đăng nhập>`).")
                              % {"n": counts["users_without_password"]})
