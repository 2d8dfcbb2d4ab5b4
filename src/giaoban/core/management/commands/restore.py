"""`giaoban restore DIR`: bring back what `giaoban backup` wrote.

The database comes back from the SQLite copy or the pg_dump custom archive, the
attachments from media.zip.  A database that already holds records is left
alone unless --force is given: a restore by mistake would silently erase a
day's work.
"""

import os
import sqlite3
import subprocess
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

SQLITE_FILE = "giaoban.sqlite3"
PG_FILE = "giaoban.pgdump"
MEDIA_FILE = "media.zip"


def database_has_records() -> bool:
    """True once the office has entered anything: every record hangs off a user or an organisation.

    Migrations themselves write rows (content types, permissions, the indicator
    catalogue), so "any row at all" would call a freshly migrated database full.
    """
    from django.contrib.auth import get_user_model

    from giaoban.organisations.models import Organization

    existing = set(connection.introspection.table_names())
    return any(model._meta.db_table in existing and model._base_manager.exists()
               for model in (get_user_model(), Organization))


def media_has_files(media: Path) -> bool:
    return media.exists() and any(path.is_file() for path in media.rglob("*"))


class Command(BaseCommand):
    help = _("Khôi phục cơ sở dữ liệu và tệp đính kèm từ một thư mục do `giaoban backup` tạo ra.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help=_("Thư mục sao lưu (giaoban-<thời điểm>)."))
        parser.add_argument("--force", action="store_true",
                            help=_("Ghi đè cả khi cơ sở dữ liệu hoặc thư mục tệp đã có dữ liệu."))

    def handle(self, *args, **options) -> None:
        source = Path(options["directory"])
        if not source.is_dir():
            raise CommandError(_("Không tìm thấy thư mục sao lưu %(dir)s.") % {"dir": source})
        media = Path(settings.MEDIA_ROOT)
        archive = source / MEDIA_FILE
        if not options["force"]:
            self._refuse_if_not_empty(media, archive.exists())
        database = self._restore_database(source)
        restored_media = self._restore_media(archive, media)
        self.stdout.write(_("Đã khôi phục từ %(dir)s: %(db)s%(media)s") % {
            "dir": source, "db": database.name, "media": f", {archive.name}" if restored_media else ""})

    def _refuse_if_not_empty(self, media: Path, with_media: bool) -> None:
        if database_has_records():
            raise CommandError(_("Cơ sở dữ liệu hiện tại đã có dữ liệu; không khôi phục đè lên. "
                                 "Dùng --force nếu chắc chắn muốn thay toàn bộ dữ liệu."))
        if with_media and media_has_files(media):
            raise CommandError(_("Thư mục tệp đính kèm %(dir)s đã có tệp; không khôi phục đè lên. "
                                 "Dùng --force nếu chắc chắn.") % {"dir": media})

    def _restore_database(self, source: Path) -> Path:
        if connection.vendor == "sqlite":
            return self._restore_sqlite(source / SQLITE_FILE)
        if connection.vendor == "postgresql":
            return self._restore_postgresql(source / PG_FILE)
        raise CommandError(_("Chưa hỗ trợ khôi phục loại cơ sở dữ liệu này."))

    def _restore_sqlite(self, copy: Path) -> Path:
        if not copy.exists():
            raise CommandError(_("Thư mục sao lưu không có tệp %(file)s cho SQLite.") % {"file": SQLITE_FILE})
        connection.ensure_connection()
        # The online backup API writes every page into the live database in one step.
        with sqlite3.connect(copy) as backup:
            backup.backup(connection.connection)
        connection.close()
        return copy

    def _restore_postgresql(self, dump: Path) -> Path:
        if not dump.exists():
            raise CommandError(_("Thư mục sao lưu không có tệp %(file)s cho PostgreSQL.") % {"file": PG_FILE})
        params = connection.get_connection_params()
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                   "--exit-on-error", f"--dbname={params.get('dbname')}", str(dump)]
        for flag, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
            if params.get(key):
                command.append(f"{flag}={params[key]}")
        env = {**os.environ, "PGPASSWORD": params["password"]} if params.get("password") else None
        connection.close()
        try:
            subprocess.run(command, check=True, capture_output=True, env=env)
        except FileNotFoundError as error:
            raise CommandError(_("Không tìm thấy pg_restore: hãy cài gói postgresql-client.")) from error
        except subprocess.CalledProcessError as error:
            message = error.stderr.decode(errors="replace")
            raise CommandError(_("pg_restore báo lỗi: %(err)s") % {"err": message}) from error
        return dump

    def _restore_media(self, archive: Path, media: Path) -> bool:
        if not archive.exists():
            return False
        media.mkdir(parents=True, exist_ok=True)
        # zipfile drops ".." and absolute parts, so members cannot land outside MEDIA_ROOT.
        with zipfile.ZipFile(archive) as files:
            files.extractall(media)
        return True
