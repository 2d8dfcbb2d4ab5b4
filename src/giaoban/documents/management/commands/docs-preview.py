"""`giaoban docs-preview --out DIR`: the demo meetings' documents as PDF and PNG pages, to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giaoban.documents import service
from giaoban.documents.minutes import minutes
from giaoban.documents.models import DocumentType
from giaoban.documents.render import render_docx, render_pdf
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Bloc

PNG_RESOLUTION = "80"


class Command(BaseCommand):
    help = _("Xuất các văn bản của cuộc họp mẫu ra PDF, DOCX và ảnh PNG từng trang để kiểm tra bằng mắt.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", default="var/preview")
        parser.add_argument("--limit", type=int, default=20, help=_("số cuộc họp tối đa"))

    def handle(self, *args, **options) -> None:
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            self.stderr.write(_("Không có pdftoppm (gói poppler-utils): chỉ xuất PDF, không xuất PNG."))
        written = 0
        for meeting in Meeting.objects.select_related("host").order_by("date", "pk")[: options["limit"]]:
            for doc_type in (DocumentType.NOTICE, DocumentType.INVITATION):
                content = service.content_for(doc_type, meeting)
                written += self._write(out / f"{meeting.pk:03d}-{doc_type}", content, pdftoppm)
            written += self._write(out / f"{meeting.pk:03d}-minutes", minutes(meeting), pdftoppm)
        written += self._reports(out, pdftoppm)
        if not written:
            raise CommandError(_("Không có cuộc họp nào: hãy chạy `giaoban demo` trước."))
        self.stdout.write(_("Đã xuất %(n)s văn bản vào %(dir)s.") % {"n": written, "dir": out})

    def _write(self, stem: Path, content: dict, pdftoppm: str | None) -> int:
        pdf = render_pdf(content)
        stem.with_suffix(".pdf").write_bytes(pdf)
        stem.with_suffix(".docx").write_bytes(render_docx(content))
        if pdftoppm:
            for old in stem.parent.glob(f"{stem.name}-*.png"):
                old.unlink()
            subprocess.run([pdftoppm, "-png", "-r", PNG_RESOLUTION, str(stem.with_suffix(".pdf")), str(stem)],
                           check=True, timeout=120)
        self.stdout.write(str(stem.with_suffix(".pdf")))
        return 1

    def _reports(self, out: Path, pdftoppm: str | None) -> int:
        try:
            from giaoban.documents import report
        except ImportError:
            return 0
        count = 0
        for bloc, period in report.demo_reports(Bloc.objects.all()):
            count += self._write(out / f"report-{bloc.pk:03d}-{period.pk:03d}", report.report_content(bloc, period),
                                 pdftoppm)
        return count
