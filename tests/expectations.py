"""One table of who may do what, read by the web permission tests and the API permission tests.

Each row is one action on the briefing world of tests/meetings/factories.py, with
how the web page and the API endpoint ask for it, and the outcome per persona:
"ok" (allowed), "denied" (sees the record but may not do this: 403), "hidden"
(the record does not exist for them: 404, so nothing leaks) and "login" (anonymous).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

PERSONAS = ["anonymous", "outsider", "lead_editor", "leader"]
SECRET = "Vận động xây dựng nhà Đại đoàn kết bí mật"


@dataclass(frozen=True)
class Call:
    method: str
    # The web page's URL name and args, or the API path, built from the world.
    target: Callable[[Any], Any]
    data: Callable[[Any], dict] = field(default=lambda w: {})
    headers: Callable[[Any], dict] = field(default=lambda w: {})


@dataclass(frozen=True)
class Expectation:
    action: str
    web: Call
    api: Call
    outcomes: tuple[str, str, str, str]  # per PERSONAS
    # True once the action took effect; None for reads.
    done: Callable[[Any], bool] | None = None

    def outcome(self, persona: str) -> str:
        return self.outcomes[PERSONAS.index(persona)]


def build_world():
    """The briefing world plus a directive led by the Front, an attachment, an issued notice and a report."""
    from giaoban.documents.models import Document, DocumentType
    from giaoban.meetings.models import Attachment
    from giaoban.reports.models import IndicatorValue
    from tests.directives.factories import DirectiveFactory
    from tests.meetings.factories import briefing_world
    from tests.reports.factories import IndicatorFactory, PeriodReportFactory

    w = briefing_world()
    w.directive = DirectiveFactory(meeting=w.meeting, lead=w.front, coordinating=[w.farmers], text=SECRET)
    w.attachment = Attachment.objects.create(meeting=w.meeting, name="bien-ban.pdf",
                                             file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 y"), size=10)
    w.document = Document.objects.create(
        issuer=w.board, doc_type=DocumentType.NOTICE, cycle="2022", number=1, code="01-TB/BDV",
        issued_on=datetime.date(2022, 4, 10), title="Thông báo kết luận hội nghị giao ban quý I/2022",
        meeting=w.meeting, docx=SimpleUploadedFile("01-TB.docx", b"PK docx"),
        pdf=SimpleUploadedFile("01-TB.pdf", b"%PDF-1.4 tb"))
    w.report = PeriodReportFactory(organization=w.front, period=w.meeting.period)
    IndicatorValue.objects.create(report=w.report, indicator=IndicatorFactory(code="ho-ngheo"), value=12)
    return w


def _directive_status(w) -> str:
    from giaoban.directives.models import Directive

    return Directive.objects.get(pk=w.directive.pk).status


def _directive_text(w) -> str:
    from giaoban.directives.models import Directive

    return Directive.objects.get(pk=w.directive.pk).text


def _if_match(w) -> dict:
    return {"HTTP_IF_MATCH": f'"v{w.directive.version}"'}


EXPECTATIONS = [
    Expectation("see the meeting",
                Call("GET", lambda w: ("meetings:detail", [w.meeting.pk])),
                Call("GET", lambda w: f"/api/v1/meetings/{w.meeting.pk}/"),
                ("login", "hidden", "ok", "ok")),
    Expectation("download a meeting attachment",
                Call("GET", lambda w: ("meetings:attachment", [w.meeting.pk, w.attachment.pk])),
                Call("GET", lambda w: f"/api/v1/meetings/{w.meeting.pk}/attachments/{w.attachment.pk}/file"),
                ("login", "hidden", "ok", "ok")),
    Expectation("see the directive",
                Call("GET", lambda w: ("directives:detail", [w.directive.pk])),
                Call("GET", lambda w: f"/api/v1/directives/{w.directive.pk}/"),
                ("login", "hidden", "ok", "ok")),
    Expectation("edit the directive",
                Call("POST", lambda w: ("directives:edit", [w.directive.pk]),
                     lambda w: {"text": "Nội dung đã sửa", "lead": w.front.pk, "coordinating": [w.farmers.pk],
                                "priority": 0, "version": w.directive.version}),
                Call("PATCH", lambda w: f"/api/v1/directives/{w.directive.pk}/",
                     lambda w: {"text": "Nội dung đã sửa"}, _if_match),
                ("login", "hidden", "denied", "ok"),
                done=lambda w: _directive_text(w) == "Nội dung đã sửa"),
    Expectation("report progress",
                Call("POST", lambda w: ("directives:progress", [w.directive.pk]),
                     lambda w: {"note": "Đã họp triển khai", "percent": 30, "organization": w.front.pk}),
                Call("POST", lambda w: f"/api/v1/directives/{w.directive.pk}/progress",
                     lambda w: {"note": "Đã họp triển khai", "percent": 30, "organization_id": w.front.pk}),
                ("login", "hidden", "ok", "denied"),
                done=lambda w: w.directive.updates.filter(note="Đã họp triển khai").exists()),
    Expectation("close the directive",
                Call("POST", lambda w: ("directives:close", [w.directive.pk]),
                     lambda w: {"status": "done", "reason": "Đã hoàn thành", "version": w.directive.version}),
                Call("POST", lambda w: f"/api/v1/directives/{w.directive.pk}/close",
                     lambda w: {"status": "done", "reason": "Đã hoàn thành"}, _if_match),
                ("login", "hidden", "denied", "ok"),
                done=lambda w: _directive_status(w) == "done"),
    Expectation("see the issued notice",
                Call("GET", lambda w: ("documents:detail", [w.document.pk])),
                Call("GET", lambda w: f"/api/v1/documents/{w.document.pk}/"),
                ("login", "hidden", "hidden", "ok")),
    Expectation("download the issued notice",
                Call("GET", lambda w: ("documents:file", [w.document.pk, "docx"])),
                Call("GET", lambda w: f"/api/v1/documents/{w.document.pk}/file.docx"),
                ("login", "hidden", "hidden", "ok")),
    Expectation("see the Front's period report",
                Call("GET", lambda w: ("reports:detail", [w.report.pk])),
                Call("GET", lambda w: f"/api/v1/reports/{w.report.pk}/"),
                ("login", "hidden", "ok", "ok")),
]
