"""`giaoban doctor`: is this installation able to serve, print and be tested?

Each check returns one line, ✓ or ✗ with the fix in Vietnamese. Checks marked optional (chromium,
only needed to run the tests) print ✗ but do not make the command fail.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import django
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b"


@dataclass(frozen=True)
class Result:
    ok: bool
    label: str
    fix: str = ""
    required: bool = True

    def line(self) -> str:
        if self.ok:
            return f"✓ {self.label}"
        return f"✗ {self.label} — {self.fix}"


def python_version() -> Result:
    version = ".".join(map(str, sys.version_info[:3]))
    return Result(sys.version_info >= (3, 11), _("Python %(v)s") % {"v": version},
                  _("cần Python 3.11 trở lên: sudo apt-get install python3"))


def django_version() -> Result:
    return Result(django.VERSION[:2] == (5, 2), _("Django %(v)s") % {"v": django.get_version()},
                  _("cần Django 5.2: chạy lại make install"))


def _database_name() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite {db['NAME']}"
    return f"PostgreSQL {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"


def database() -> Result:
    label = _("Cơ sở dữ liệu %(db)s") % {"db": _database_name()}
    try:
        connection.ensure_connection()
    except Exception:  # any driver error means "not reachable"
        fix = _("không kết nối được: kiểm tra DATABASE_URL và máy chủ cơ sở dữ liệu có đang chạy")
        return Result(False, label, fix)
    return Result(True, label)


def migrations() -> Result:
    label = _("Cấu trúc cơ sở dữ liệu (migrate)")
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return Result(False, label, _("không đọc được cơ sở dữ liệu (xem dòng trên)"))
    return Result(not pending, label, _("còn %(n)d bước chưa chạy: giaoban migrate") % {"n": len(pending)})


def weasyprint_libraries() -> Result:
    label = _("Thư viện in PDF (WeasyPrint, Pango, HarfBuzz)")
    try:
        import weasyprint  # noqa: F401 - the import loads Pango and HarfBuzz
    except OSError:
        return Result(False, label, _("thiếu thư viện hệ thống: sudo apt-get install %(p)s") % {"p": PANGO_PACKAGES})
    return Result(True, label)


def pdf_fonts() -> Result:
    label = _("Phông chữ văn bản PDF (Liberation Serif kèm theo phần mềm)")
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        from giaoban.documents import fonts

        config = FontConfiguration()
        faces = CSS(string=fonts.font_face_css(), font_config=config)
        html = HTML(string=f'<p style="font-family: {fonts.FAMILY}">Ữ ư ơ đ Đ ặ ỹ</p>')
        embedded = fonts.embedded_faces(html.write_pdf(stylesheets=[faces], font_config=config))
    except OSError:
        return Result(False, label, _("cần thư viện in PDF trước (xem dòng trên)"))
    ok = bool(embedded) and all(fonts.is_bundled(face) for face in embedded)
    return Result(ok, label, _("phông chữ kèm theo bị thiếu hoặc bị thay: cài lại bằng make install"))


def chromium() -> Result:
    return Result(bool(shutil.which("chromium")), _("Chromium cho kiểm thử giao diện"),
                  _("chỉ cần để chạy make test: sudo apt-get install chromium"), required=False)


def media_folder() -> Result:
    folder = Path(settings.MEDIA_ROOT)
    label = _("Thư mục tệp %(f)s") % {"f": folder}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError:
        fix = _("không ghi được: cấp quyền ghi cho thư mục này, hoặc đặt MEDIA_ROOT sang thư mục khác")
        return Result(False, label, fix)
    return Result(True, label)


def email() -> Result:
    backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
    if backend != "smtp":
        return Result(True, _("Thư điện tử: %(b)s (không gửi ra ngoài)") % {"b": backend})
    ok = bool(settings.EMAIL_HOST) and "@" in settings.DEFAULT_FROM_EMAIL
    return Result(ok, _("Thư điện tử qua SMTP %(h)s:%(p)s") % {"h": settings.EMAIL_HOST, "p": settings.EMAIL_PORT},
                  _("đặt EMAIL_HOST và DEFAULT_FROM_EMAIL (địa chỉ người gửi)"))


def time_zone() -> Result:
    label = _("Múi giờ %(tz)s") % {"tz": settings.TIME_ZONE}
    try:
        zoneinfo.ZoneInfo(settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return Result(False, label, _("múi giờ không có trên máy: sudo apt-get install tzdata"))
    return Result(settings.TIME_ZONE == "Asia/Ho_Chi_Minh" and settings.USE_TZ, label,
                  _("đặt TIME_ZONE=Asia/Ho_Chi_Minh để hạn và lịch họp tính theo giờ Việt Nam"))


CHECKS: tuple[Callable[[], Result], ...] = (
    python_version, django_version, database, migrations, weasyprint_libraries, pdf_fonts, chromium,
    media_folder, email, time_zone,
)


def run() -> list[Result]:
    return [check() for check in CHECKS]
