"""A district tree with every kind of record the interchange file carries, files included.

The briefing world (tests/meetings/factories.py) plus: a located body, officials,
a briefing series, a meeting with chairs, attendance, agenda, an attachment and a
progress round, a conclusion, tracked directives (progress with evidence, carry-over,
closing, an amendment after the notice), a really issued notice (DOCX and PDF
rendered), an issuer profile, a news item, report templates and period reports with
figures and an attached spreadsheet, and history rows from ordinary edits.
"""

import datetime
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from giaoban.accounts.models import Role
from giaoban.directives.models import DirectiveStatus, ProgressRound, amend
from giaoban.documents.models import IssuerProfile, NewsItem
from giaoban.documents.service import issue_notice
from giaoban.meetings.models import AgendaItem, Attachment, Attendance, Conclusion, MeetingChair, Presence
from giaoban.reports.models import IndicatorValue, ReportAttachment, ReportDeadline, ReportStatus
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory
from tests.factories import AdminUnitFactory, MembershipFactory, UserFactory, period
from tests.meetings.factories import MeetingFactory, PersonFactory, SeriesFactory, briefing_world
from tests.reports.factories import IndicatorFactory, PeriodReportFactory, ReportTemplateFactory


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(["Chỉ tiêu", "Giá trị"])
    book.active.append(["Hộ nghèo được hỗ trợ", 12])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def rich_world():
    w = briefing_world()
    commune = AdminUnitFactory(code="test:26734", name="Xã Hồ Sơn", short_name="Hồ Sơn")
    w.front.locality = commune
    w.front.save()
    w.viewer = UserFactory(username="xem_nongdan", first_name="Lan", last_name="Vi", email="lan@example.vn")
    MembershipFactory(user=w.viewer, organization=w.farmers, role=Role.VIEWER, title="Chánh Văn phòng")
    chair = PersonFactory(name="Trần Thị Bình", title="Trưởng ban", organization=w.board)
    w.meeting.secretary = PersonFactory(name="Vi Văn Thư", title="Chuyên viên", organization=w.board)
    w.meeting.source_text = "Chiều 05/4/2022, Huyện ủy Thử Nghiệm tổ chức hội nghị giao ban…"
    w.meeting.save()
    MeetingChair.objects.create(meeting=w.meeting, person=chair, title="Trưởng Ban Dân vận")
    AgendaItem.objects.create(meeting=w.meeting, order=1, title="Báo cáo kết quả quý I", organization=w.front)
    Attendance.objects.create(meeting=w.meeting, organization=w.farmers, presence=Presence.EXCUSED,
                              delegate_name="Nguyễn Văn An", reason="Đi công tác")
    Attendance.objects.create(meeting=w.meeting, organization=w.front, presence=Presence.PRESENT,
                              person=PersonFactory(name="Hoàng Thị Thu", organization=w.front))
    Attachment.objects.create(meeting=w.meeting, name="ke-hoach.pdf", size=17, uploaded_by=w.leader,
                              file=SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 ke hoach"))
    Conclusion.objects.create(meeting=w.meeting, text="Đồng chí Trưởng ban kết luận…", concluded_by=chair,
                              concluded_by_title="Trưởng ban")
    series = SeriesFactory(name="Giao ban quý khối Thử Nghiệm", bloc=w.bloc, host=w.party, period_type="quarter",
                           first_period=period("Quý II/2022"), attendees=[w.front, w.farmers])
    series.agenda_items.create(order=0, title="Đánh giá kết quả quý", organization=w.front)
    later = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 5), title="Giao ban quý II/2022",
                           series=series, period=period("Quý II/2022"), next_period=period("Quý III/2022"))
    ProgressRound.objects.create(meeting=later, due_on=datetime.date(2022, 7, 1), opened_by=w.leader)
    first = DirectiveFactory(meeting=w.meeting, lead=w.front, coordinating=[w.farmers], places=[commune], order=0,
                             text="Vận động xây nhà Đại đoàn kết", deadline=datetime.date(2022, 6, 30),
                             deadline_precision="quarter", target_value="15", target_unit="căn")
    first.text = "Vận động xây 15 nhà Đại đoàn kết"  # an edit: a second history row
    first.save_versioned()
    DirectiveUpdateFactory(directive=first, note="Đã khởi công 5 căn", percent=30, organization=w.front,
                           author=w.lead_editor, round=later.progress_round,
                           evidence=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban nghiem thu"))
    first.carry_over(to=later)
    done = DirectiveFactory(meeting=w.meeting, lead=w.farmers, text="Tập huấn kỹ thuật", order=1)
    done.close(user=w.leader, status=DirectiveStatus.DONE, reason="Đã tập huấn 3 lớp")
    IssuerProfile.objects.create(organization=w.party, code="HU", place="Thử Nghiệm")
    w.notice = issue_notice(w.meeting, issued_on=datetime.date(2022, 4, 10), user=w.leader)
    first.refresh_from_db()
    amend(first, user=w.leader, kind="adjustment", reason="Theo Kết luận số 12", changes={"target_value": Decimal(20)})
    NewsItem.objects.create(organization=w.party, meeting=w.meeting, title="Giao ban quý I/2022",
                            body="Chiều 05/4/2022…\n\nHội nghị đã…", author="Ban Tuyên giáo", published=True)
    _reports(w)
    return w


def _reports(w) -> None:
    poor = IndicatorFactory(code="ho-ngheo", name="Hộ nghèo được hỗ trợ", unit="hộ")
    rate = IndicatorFactory(code="ty-le-bhyt", name="Tỷ lệ tham gia BHYT", unit="%", kind="percent")
    template = ReportTemplateFactory(bloc=w.bloc, indicators=[poor, rate], deadline_days=7)
    ReportDeadline.objects.create(template=template, period=period("Quý I/2022"), deadline=datetime.date(2022, 4, 3))
    report = PeriodReportFactory(organization=w.front, period=period("Quý I/2022"), status=ReportStatus.DRAFT,
                                 limitations="Một số chi hội chưa nộp số liệu")
    IndicatorValue.objects.create(report=report, indicator=poor, value=12)
    IndicatorValue.objects.create(report=report, indicator=rate, value="92.50", note="ước tính")
    ReportAttachment.objects.create(report=report, name="so-lieu.xlsx", uploaded_by=w.lead_editor,
                                    file=SimpleUploadedFile("so-lieu.xlsx", _xlsx()))
    report.submit(w.lead_editor)
    report.accept(w.leader)
    PeriodReportFactory(organization=w.farmers, period=period("Quý I/2022"), status=ReportStatus.DRAFT)
