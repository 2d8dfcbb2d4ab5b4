"""`giaoban document notice|invitation MEETING_ID` and `giaoban document report BLOC_ID --period LABEL`."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giaoban.documents import content as build
from giaoban.documents import service
from giaoban.documents.models import DocumentType
from giaoban.documents.render import render
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Bloc
from giaoban.periods.models import Period


class Command(BaseCommand):
    help = _("Xuất thông báo kết luận, giấy mời (theo cuộc họp) hoặc báo cáo tổng hợp (theo khối và kỳ) "
             "ra DOCX hoặc PDF.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=["notice", "invitation", "report"])
        parser.add_argument("id", type=int, help=_("mã cuộc họp (notice, invitation) hoặc mã khối (report)"))
        parser.add_argument("--format", choices=["docx", "pdf"], default="pdf")
        parser.add_argument("--out", help=_("tệp ghi ra; mặc định <số>.<định dạng> trong thư mục hiện tại"))
        parser.add_argument("--period", help=_("kỳ của báo cáo, ví dụ \"Quý I/2022\""))
        parser.add_argument("--issue", action="store_true",
                            help=_("lấy số trong sổ đăng ký và lưu văn bản (mặc định chỉ xuất bản dự thảo "
                                   "hoặc văn bản đã ban hành)"))
        parser.add_argument("--date", help=_("ngày ban hành khi --issue, dạng dd/mm/yyyy (mặc định hôm nay)"))

    def handle(self, *args, **options) -> None:
        kind, fmt = options["kind"], options["format"]
        day = self._day(options.get("date"))
        if kind == "report":
            content, stem = self._report(options, day)
        else:
            meeting = Meeting.objects.select_related("host").filter(pk=options["id"]).first()
            if meeting is None:
                raise CommandError(_("Không có cuộc họp mã %(id)s.") % {"id": options["id"]})
            if options["issue"]:
                issuer = service.issue_notice if kind == DocumentType.NOTICE else service.issue_invitation
                document = issuer(meeting, issued_on=day)
                content = document.content
                self.stderr.write(_("Đã ban hành văn bản số %(code)s.") % {"code": document.code})
            else:
                content = service.content_for(kind, meeting)
            stem = service.file_stem(content["code"]) if content.get("issued_on") else f"du-thao-{kind}-{meeting.pk}"
        data = render(content, fmt)
        target = options.get("out") or f"{stem}.{fmt}"
        if target == "-":
            sys.stdout.buffer.write(data)
            return
        path = Path(target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(_("Không ghi được tệp %(path)s: %(error)s") % {"path": path, "error": error}) from error
        self.stdout.write(str(path))

    def _day(self, value: str | None) -> datetime.date:
        if not value:
            return datetime.date.today()
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.datetime.strptime(value, pattern).date()
            except ValueError:
                continue
        raise CommandError(_("Ngày “%(value)s” không đúng dạng dd/mm/yyyy.") % {"value": value})

    def _report(self, options: dict, day: datetime.date) -> tuple[dict, str]:
        bloc = Bloc.objects.select_related("convening").filter(pk=options["id"]).first()
        if bloc is None:
            raise CommandError(_("Không có khối mã %(id)s.") % {"id": options["id"]})
        if not options.get("period"):
            raise CommandError(_("Hãy cho biết kỳ báo cáo, ví dụ --period \"Quý I/2022\"."))
        try:
            period = Period.objects.from_label(options["period"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        try:
            from giaoban.documents import report
        except ImportError as error:
            raise CommandError(_("Chưa có chức năng tổng hợp báo cáo kỳ.")) from error
        if options["issue"]:
            document = report.issue_report(bloc, period, issued_on=day)
            return document.content, service.file_stem(document.code)
        return report.report_content(bloc, period), f"du-thao-bao-cao-{bloc.pk}"


__all__ = ["Command", "build"]
