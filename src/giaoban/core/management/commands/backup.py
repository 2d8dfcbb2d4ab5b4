import datetime
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Sao lưu cơ sở dữ liệu và các tệp đính kèm vào một thư mục (mặc định var/backups/).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", default=str(settings.VAR_DIR / "backups"), help=_("Thư mục sao lưu."))

    def handle(self, *args, **options) -> None:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = Path(options["out"]) / f"giaoban-{stamp}"
        target.mkdir(parents=True, exist_ok=False)
        database = self._backup_database(target)
        media = self._backup_media(target)
        self.stdout.write(_("Đã sao lưu vào %(dir)s: %(db)s%(media)s") % {
            "dir": target, "db": database.name, "media": f", {media.name}" if media else ""})

    def _backup_database(self, target: Path) -> Path:
        if connection.vendor == "sqlite":
            # SQLite's online backup copies a consistent snapshot while the server keeps running.
            out = target / "giaoban.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(out) as copy:
                connection.connection.backup(copy)
            return out
        if connection.vendor == "postgresql":
            out = target / "giaoban.pgdump"
            params = connection.get_connection_params()
            command = ["pg_dump", "--format=custom", f"--file={out}", f"--dbname={params.get('dbname')}"]
            for flag, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
                if params.get(key):
                    command.append(f"{flag}={params[key]}")
            env = {"PGPASSWORD": params["password"]} if params.get("password") else None
            try:
                subprocess.run(command, check=True, capture_output=True, env=env)
            except FileNotFoundError as error:
                raise CommandError(_("Không tìm thấy pg_dump: hãy cài gói postgresql-client.")) from error
            except subprocess.CalledProcessError as error:
                message = error.stderr.decode(errors="replace")
                raise CommandError(_("pg_dump báo lỗi: %(err)s") % {"err": message}) from error
            return out
        raise CommandError(_("Chưa hỗ trợ sao lưu loại cơ sở dữ liệu này."))

    def _backup_media(self, target: Path) -> Path | None:
        media = Path(settings.MEDIA_ROOT)
        if not media.exists():
            return None
        return Path(shutil.make_archive(str(target / "media"), "zip", media))
