"""One table of who may do what, read by the web permission tests and the API permission tests.

Each row is one action on the briefing world of tests/meetings/factories.py, with
how the web page and the API endpoint ask for it, and the outcome per persona:
"ok" (allowed), "denied" (sees the record but may not do this: 403), "hidden"
(the record does not exist for them: 404, so nothing leaks; on a list, the list
answers without it), "invalid" (the form's own rule refuses what they ask: the
page shows the form again, the API answers 400) and "login" (anonymous).
`check` is the one reading of a response both tests use.
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

PERSONAS = ["anonymous", "outsider", "lead_editor", "leader"]
SECRET = "Vận động xây dựng nhà Đại đoàn kết bí mật"
CONCLUSION = "Đồng chí Trưởng ban kết luận: tập trung vận động quỹ Vì người nghèo"
OFFICIAL = "Hoàng Thị Thu"


@dataclass(frozen=True)
class Call:
    method: str
    # The web page's URL name and args, or the API path, built from the world.
    target: Callable[[Any], Any]
    data: Callable[[Any], dict] = field(default=lambda w: {})
    headers: Callable[[Any], dict] = field(default=lambda w: {})
    # A list answers a persona who may not see the record without it, instead of 404.
    listing: bool = False
    # What this call answers a "denied" persona (the report editor page sends a viewer back to the report).
    denied: int = 403


@dataclass(frozen=True)
class Expectation:
    action: str
    web: Call
    api: Call
    outcomes: tuple[str, str, str, str]  # per PERSONAS
    # True once the action took effect; None for reads.
    done: Callable[[Any], bool] | None = None
    # Text that an "ok" persona's answer shows and a "hidden" persona's never does.
    shows: Callable[[Any], str] | None = None

    def outcome(self, persona: str) -> str:
        return self.outcomes[PERSONAS.index(persona)]


WEB_REFUSAL = {"hidden": 404, "invalid": 200}
API_REFUSAL = {"login": 401, "hidden": 404, "invalid": 400}


def check(response, expectation: Expectation, persona: str, w, *, api: bool) -> None:
    """Assert that `response` (to the web or API call of the row) is what the table says for `persona`."""
    call, outcome = (expectation.api if api else expectation.web), expectation.outcome(persona)
    status = response.status_code
    if outcome == "login" and not api:
        assert status == 302 and reverse("login") in response["Location"]
    elif outcome == "ok":
        assert (200 <= status < 300) if api else status == (200 if call.method == "GET" else 302), response.content
    elif outcome == "hidden" and call.listing:
        assert status == 200
    else:
        wanted = call.denied if outcome == "denied" else (API_REFUSAL if api else WEB_REFUSAL)[outcome]
        assert status == wanted, response.content.decode(errors="replace")[:500]
        if api:
            assert response.json()["code"] and response.json()["message"]
    if expectation.shows is not None and outcome in ("ok", "hidden"):
        body = json.dumps(response.json(), ensure_ascii=False) if api else response.content.decode()
        assert (expectation.shows(w) in body) == (outcome == "ok")
    if expectation.done is not None:
        assert expectation.done(w) == (outcome == "ok")


def build_world():
    """The briefing world plus a directive led by the Front, an attachment, a conclusion, an official of the
    Front, an issued notice, a briefing planned a month ahead, the Front's submitted report for the meeting's
    period and its draft for the next."""
    from giaoban.documents.models import Document, DocumentType
    from giaoban.meetings.models import Attachment, Conclusion
    from giaoban.reports.models import IndicatorValue, ReportStatus
    from tests.directives.factories import DirectiveFactory
    from tests.factories import period
    from tests.meetings.factories import MeetingFactory, PersonFactory, briefing_world
    from tests.reports.factories import IndicatorFactory, PeriodReportFactory

    w = briefing_world()
    w.directive = DirectiveFactory(meeting=w.meeting, lead=w.front, coordinating=[w.farmers], text=SECRET)
    w.attachment = Attachment.objects.create(meeting=w.meeting, name="bien-ban.pdf",
                                             file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 y"), size=10)
    w.conclusion = Conclusion.objects.create(meeting=w.meeting, text=CONCLUSION, concluded_by_title="Trưởng ban")
    w.person = PersonFactory(name=OFFICIAL, title="Phó Chủ tịch", organization=w.front)
    w.document = Document.objects.create(
        issuer=w.board, doc_type=DocumentType.NOTICE, cycle="2022", number=1, code="01-TB/BDV",
        issued_on=datetime.date(2022, 4, 10), title="Thông báo kết luận hội nghị giao ban quý I/2022",
        meeting=w.meeting, docx=SimpleUploadedFile("01-TB.docx", b"PK docx"),
        pdf=SimpleUploadedFile("01-TB.pdf", b"%PDF-1.4 tb"))
    w.planned = MeetingFactory(host=w.party, bloc=w.bloc, date=timezone.localdate() + datetime.timedelta(days=30),
                               title="Giao ban tháng tới huyện Thử Nghiệm")
    w.report = PeriodReportFactory(organization=w.front, period=w.meeting.period)
    w.draft = PeriodReportFactory(organization=w.front, period=period("Quý II/2022"), status=ReportStatus.DRAFT)
    IndicatorValue.objects.create(report=w.report, indicator=IndicatorFactory(code="ho-ngheo"), value=12)
    return w


def _fresh(model_path: str, pk: int):
    from django.apps import apps

    return apps.get_model(model_path).objects.get(pk=pk)


def _directive_status(w) -> str:
    return _fresh("directives.Directive", w.directive.pk).status


def _directive_text(w) -> str:
    return _fresh("directives.Directive", w.directive.pk).text


def _if_match(w) -> dict:
    return {"HTTP_IF_MATCH": f'"v{w.directive.version}"'}


def _tag(record) -> Callable[[Any], dict]:
    """If-Match with the version the world's record has now."""
    return lambda w: {"HTTP_IF_MATCH": f'"v{record(w).version}"'}


def _rows(prefix: str, rows: list[dict]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def _meeting_page(w, chairs=(), attendance=(), agenda=(), **changes) -> dict:
    """The meeting edit page as posted: the meeting's fields, `changes`, and the given rows."""
    meeting = w.meeting
    return {"kind": meeting.kind, "title": meeting.title, "bloc": meeting.bloc_id, "host": meeting.host_id,
            "date": meeting.date.strftime("%d/%m/%Y"), "place": meeting.place, "period_label": "Quý I/2022",
            "next_period_label": "Quý II/2022", "version": meeting.version, **changes,
            **_rows("chairs", list(chairs)), **_rows("attendance", list(attendance)), **_rows("agenda", list(agenda))}


NEW_MEETING = "Hội nghị giao ban quý II/2022 huyện Thử Nghiệm"
AGENDA_TITLE = "Báo cáo kết quả công tác Mặt trận quý I"
CHAIR = "Trần Văn Chủ"


def _meeting_exists(title: str) -> Callable[[Any], bool]:
    from giaoban.meetings.models import Meeting

    return lambda w: Meeting.objects.filter(title=title).exists()


def _meeting(w):
    return _fresh("meetings.Meeting", w.meeting.pk)


def _report(w):
    return _fresh("reports.PeriodReport", w.report.pk)


def _draft(w):
    return _fresh("reports.PeriodReport", w.draft.pk)


def _excused_farmers(w) -> bool:
    return w.meeting.attendances.filter(organization=w.farmers, presence="excused").exists()


def _figure(w) -> Any:
    return _draft(w).values.filter(indicator__code="ho-ngheo").values_list("value", flat=True).first()


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
    Expectation("list the conclusions",
                Call("GET", lambda w: ("meetings:detail", [w.meeting.pk])),
                Call("GET", lambda w: "/api/v1/conclusions/", listing=True),
                ("login", "hidden", "ok", "ok"), shows=lambda w: CONCLUSION),
    Expectation("see the meeting's conclusion",
                Call("GET", lambda w: ("meetings:detail", [w.meeting.pk])),
                Call("GET", lambda w: f"/api/v1/meetings/{w.meeting.pk}/conclusion"),
                ("login", "hidden", "ok", "ok"), shows=lambda w: CONCLUSION),
    Expectation("find the Front's official in the directory",
                Call("GET", lambda w: ("meetings:people", []), listing=True),
                Call("GET", lambda w: "/api/v1/people/", listing=True),
                ("login", "hidden", "ok", "hidden"), shows=lambda w: OFFICIAL),
    Expectation("enter a briefing of the bloc",
                Call("POST", lambda w: ("meetings:create", []),
                     lambda w: {**_meeting_page(w, title=NEW_MEETING, date="05/07/2022", period_label="Quý II/2022",
                                                next_period_label="Quý III/2022"), "version": ""}),
                Call("POST", lambda w: "/api/v1/meetings/",
                     lambda w: {"title": NEW_MEETING, "host_id": w.party.pk, "bloc_id": w.bloc.pk,
                                "date": "2022-07-05", "period_label": "Quý II/2022",
                                "next_period_label": "Quý III/2022"}),
                ("login", "invalid", "invalid", "ok"), done=_meeting_exists(NEW_MEETING)),
    Expectation("edit the meeting",
                Call("POST", lambda w: ("meetings:edit", [w.meeting.pk]),
                     lambda w: _meeting_page(w, place="Hội trường Huyện ủy")),
                Call("PATCH", lambda w: f"/api/v1/meetings/{w.meeting.pk}/", lambda w: {"place": "Hội trường Huyện ủy"},
                     _tag(_meeting)),
                ("login", "hidden", "denied", "ok"), done=lambda w: _meeting(w).place == "Hội trường Huyện ủy"),
    Expectation("replace the meeting's chairs",
                Call("POST", lambda w: ("meetings:edit", [w.meeting.pk]),
                     lambda w: _meeting_page(w, chairs=[{"name": CHAIR, "title": "Trưởng ban"}])),
                Call("PUT", lambda w: f"/api/v1/meetings/{w.meeting.pk}/chairs",
                     lambda w: [{"name": CHAIR, "title": "Trưởng ban"}], _tag(_meeting)),
                ("login", "hidden", "denied", "ok"),
                done=lambda w: w.meeting.chairs.filter(person__name=CHAIR).exists()),
    Expectation("replace the meeting's attendance",
                Call("POST", lambda w: ("meetings:edit", [w.meeting.pk]),
                     lambda w: _meeting_page(w, attendance=[{"organization": w.farmers.pk, "presence": "excused",
                                                             "reason": "Đi công tác"}])),
                Call("PUT", lambda w: f"/api/v1/meetings/{w.meeting.pk}/attendance",
                     lambda w: [{"organization_id": w.farmers.pk, "presence": "excused", "reason": "Đi công tác"}],
                     _tag(_meeting)),
                ("login", "hidden", "denied", "ok"), done=_excused_farmers),
    Expectation("replace the meeting's agenda",
                Call("POST", lambda w: ("meetings:edit", [w.meeting.pk]),
                     lambda w: _meeting_page(w, agenda=[{"kind": "report", "title": AGENDA_TITLE,
                                                         "organization": w.front.pk}])),
                Call("PUT", lambda w: f"/api/v1/meetings/{w.meeting.pk}/agenda",
                     lambda w: [{"kind": "report", "title": AGENDA_TITLE, "organization_id": w.front.pk}],
                     _tag(_meeting)),
                ("login", "hidden", "denied", "ok"),
                done=lambda w: w.meeting.agenda_items.filter(title=AGENDA_TITLE).exists()),
    Expectation("postpone the planned briefing",
                Call("POST", lambda w: ("meetings:transition", [w.planned.pk]),
                     lambda w: {"action": "postpone", "reason": "Trùng lịch họp Tỉnh ủy"}),
                Call("POST", lambda w: f"/api/v1/meetings/{w.planned.pk}/state",
                     lambda w: {"action": "postpone", "reason": "Trùng lịch họp Tỉnh ủy"},
                     lambda w: {"HTTP_IF_MATCH": f'"v{w.planned.version}"'}),
                ("login", "hidden", "denied", "ok"),
                done=lambda w: _fresh("meetings.Meeting", w.planned.pk).state == "postponed"),
    Expectation("write the conclusion",
                Call("POST", lambda w: ("recording:conclusion", [w.meeting.pk]),
                     lambda w: {"conclusion-text": "Kết luận đã sửa", "conclusion-version": w.conclusion.version,
                                **_rows("directives", [])}),
                Call("PUT", lambda w: f"/api/v1/meetings/{w.meeting.pk}/conclusion",
                     lambda w: {"text": "Kết luận đã sửa"}, lambda w: {"HTTP_IF_MATCH": f'"v{w.conclusion.version}"'}),
                ("login", "hidden", "denied", "ok"),
                done=lambda w: _fresh("meetings.Conclusion", w.conclusion.pk).text == "Kết luận đã sửa"),
    Expectation("open the Front's report for a period",
                Call("POST", lambda w: ("reports:create", [w.front.pk, _period_key("Quý III/2022")])),
                Call("POST", lambda w: "/api/v1/reports/",
                     lambda w: {"organization_id": w.front.pk, "period_label": "Quý III/2022"}),
                ("login", "hidden", "ok", "hidden"),
                done=lambda w: w.front.period_reports.filter(period__year=2022, period__number=3).exists()),
    Expectation("save the figures of the Front's draft report",
                Call("POST", lambda w: ("reports:edit", [w.draft.pk]),
                     lambda w: {"results": w.draft.results, "chitieu_ho-ngheo": "15", "version": w.draft.version,
                                "action": "save"}, denied=302),
                Call("PATCH", lambda w: f"/api/v1/reports/{w.draft.pk}/", lambda w: {"values": {"ho-ngheo": 15}},
                     _tag(_draft)),
                ("login", "hidden", "ok", "denied"), done=lambda w: _figure(w) == 15),
    Expectation("submit the Front's draft report",
                Call("POST", lambda w: ("reports:edit", [w.draft.pk]),
                     lambda w: {"results": w.draft.results, "version": w.draft.version, "action": "submit"},
                     denied=302),
                Call("POST", lambda w: f"/api/v1/reports/{w.draft.pk}/submit", headers=_tag(_draft)),
                ("login", "hidden", "ok", "denied"), done=lambda w: _draft(w).status == "submitted"),
    Expectation("accept the Front's submitted report",
                Call("POST", lambda w: ("reports:review", [w.report.pk, "accept"]),
                     lambda w: {"version": w.report.version}),
                Call("POST", lambda w: f"/api/v1/reports/{w.report.pk}/accept", headers=_tag(_report)),
                ("login", "hidden", "denied", "ok"), done=lambda w: _report(w).status == "accepted"),
    Expectation("return the Front's submitted report",
                Call("POST", lambda w: ("reports:review", [w.report.pk, "return"]),
                     lambda w: {"reason": "Thiếu số liệu hộ nghèo", "version": w.report.version}),
                Call("POST", lambda w: f"/api/v1/reports/{w.report.pk}/return",
                     lambda w: {"reason": "Thiếu số liệu hộ nghèo"}, _tag(_report)),
                ("login", "hidden", "denied", "ok"), done=lambda w: _report(w).status == "returned"),
]


def _period_key(label: str):
    from giaoban.periods.logic import parse_label

    return parse_label(label)
