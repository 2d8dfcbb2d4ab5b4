"""Two real briefings as records: Hữu Lũng (Party host, 05/4/2022) and Bàu Bàng (Front host, 03/7/2018).

Texts copied from the seed news items (shared/extraction/dev/000 and 004); the
tests never read the shared folder.  Each record also names a body with "&" and
"<" in it, so escaping is exercised in every format.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from giaoban.directives.models import DeadlinePrecision, Directive
from giaoban.meetings.models import AgendaItem, Attendance, Conclusion, Meeting, MeetingChair, Person, Presence
from giaoban.organisations.models import AdminUnit, Bloc, Level, Organization, OrganizationType
from giaoban.periods.logic import PeriodKey
from giaoban.periods.models import Period

T = OrganizationType
TRICKY_NAME = "Hợp tác xã Nông sản & Dịch vụ <Hữu Lũng>"

HUU_LUNG_DIRECTIVES = [
    "Cần rà soát và ban hành các văn bản, kế hoạch tổ chức thực hiện nhiệm vụ năm 2022",
    "MTTQ và các tổ chức chính trị - xã hội cần tập trung phối hợp tuyên truyền thực hiện trong công tác bầu cử "
    "trưởng thôn",
    "tăng cường đẩy mạnh tuyên truyền phòng chống Covid cho trẻ em từ 5 - 12 tuổi",
    "Giao MTTQ chủ trì phối hợp với các tổ chức chính trị – xã hội làm việc cụ thể với 02 xã về đích NTM Hồ Sơn, "
    "Vân Nham rà soát, có kế hoạch tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện tốt các tiêu chí "
    "15, 17, 18 về đích NTM",
    "Cần xây dựng kế hoạch, phân công các thành viên trong công tác  tuyên truyền giải pháp mặt bằng các dự án trên "
    "địa bàn huyện",
    "Đẩy mạnh thực hiện các cửa hàng số nhằm phát triển kinh tế",
    "tăng cường chỉ đạo đại hội Đoàn thanh niên, Cựu chiến binh cấp cơ sở đạt kết quả theo kế hoạch",
    "đẩy mạnh tuyên truyền và tổ chức các hoạt động hỗ trợ cộng đồng trong công tác phòng, chống dịch bệnh, góp "
    "phần cùng toàn Đảng bộ, chính quyền thực hiện thắng lợi nhiệm vụ phát triển kinh tế xã hội, an ninh quốc phòng "
    "tại địa phương",
]
HUU_LUNG_CONCLUSION = (
    "Ghi nhận đánh giá những kết quả MTTQ và các đoàn thể đã thực hiện trong 03 tháng đầu năm trong điều kiện dịch "
    "bệnh diễn biến phức tạp; đồng thời chỉ đạo các nhiệm vụ cần tổ chức, thực hiện tốt trong quý II và năm 2022."
)

BAU_BANG_DISTRICT = "Ban Thường trực Ủy ban MTTQ Việt Nam huyện"
BAU_BANG_COMMUNES = "Ban Thường trực Ủy ban MTTQ Việt Nam các xã"
BAU_BANG_DIRECTIVES = [
    (BAU_BANG_DISTRICT, "Tăng cường đi cơ sở, tiếp tục theo dõi nắm bắt dư luận xã hội về để có định hướng tuyên "
                        "truyền"),
    (BAU_BANG_DISTRICT, "nắm sát tình hình tâm tư, nguyện vọng của nhân dân trên địa bàn huyện để phản ảnh kịp thời, "
                        "đồng thời theo dõi việc trả lời của các ngành chức năng qua kiến nghị cử tri"),
    (BAU_BANG_DISTRICT, "Hướng dẫn đề cương xây dựng Văn kiện Đại hội MTTQ Việt Nam nhiệm kỳ 2019-2024 cho Ban Thường "
                        "trực Ủy ban MTTQ Việt Nam các xã"),
    (BAU_BANG_DISTRICT, "Phối hợp cùng Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức tập huấn, tuyên về Cuộc vận "
                        "động “Người Việt Nam ưu tiên dùng hàng Việt Nam” cho công nhân, chủ nhà trọ và cán bộ Mặt "
                        "trận ấp Đồng Sổ, xã Lai Uyên"),
    (BAU_BANG_DISTRICT, "Tổ chức Hội nghị toàn thể Ủy ban MTTQ Việt Nam huyện 6 tháng đầu năm 2018"),
    (BAU_BANG_COMMUNES, "Thường xuyên theo dõi và báo cáo tâm tư, nguyện vọng của nhân dân, kịp thời tuyên truyền cho "
                        "nhân dân về âm mưu và thủ đoạn của thế lực thù địch"),
    (BAU_BANG_COMMUNES, "Đẩy nhanh viết tin, bài trên các trang thông tin điện tử của tỉnh, huyện đối với các xã ít "
                        "tham gia hoặc chưa tham gia, thường xuyên truy cập, trao đổi thông tin hai chiều qua trang "
                        "Web và địa chỉ mail của Mặt trận"),
    (BAU_BANG_COMMUNES, "Phối hợp với các ngành xã cùng Ban Công tác Mặt trận ấp kiểm tra, rà soát hộ nghèo để có "
                        "hướng giúp đở thoát nghèo, vươn lên trong cuộc sống"),
    (BAU_BANG_COMMUNES, "Tiếp tục vận động gắn  “Camera an ninh” để phục vụ cho công tác an ninh trật tự ở địa phương"),
    (BAU_BANG_COMMUNES, "thực hiện mô hình “Ánh sáng an ninh”  được nhân rộng hiệu quả ở các xã"),
    (BAU_BANG_COMMUNES, "Nhân rộng mô hình tổ tự quản “Bảo vệ môi trường và ứng phó với biến đổi khí hậu tại khu dân "
                        "cư” đồng thời  tiếp tục tuyên truyền, phát động bảo vệ môi trường và trồng cây xanh (cây "
                        "trắc) năm 2018 do Ban Thường trực Ủy ban MTTQ Việt Nam huyện dự kiến tổ chức trong tháng "
                        "8/2018"),
    ("Các xã", "Các xã khẩn trương xem xét, chọn lựa nhân sự để xây dựng lực lượng nòng cốt trong hệ thống Mặt trận "
               "theo hướng dẫn"),
    (BAU_BANG_COMMUNES, "Xây dựng kế hoạch nội dung văn kiện Đại hội MTTQ Việt Nam xã nhiệm kỳ 2019-2024, thành lập "
                        "các tiểu ban của Đại hội theo hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam huyện"),
    (BAU_BANG_COMMUNES, "Quán triệt trong cán bộ Mặt trận từ xã đến ấp an tâm công tác, phấn đấu hoàn thành nhiệm vụ "
                        "được giao"),
]


@dataclass
class Record:
    meeting: Meeting
    host: Organization
    directives: list[Directive]
    orgs: dict[str, Organization] = field(default_factory=dict)


_counter = [0]


def unit(name: str, short: str, unit_type: str, level: str, parent: AdminUnit | None = None) -> AdminUnit:
    _counter[0] += 1
    return AdminUnit.objects.create(code=f"doc-test:{_counter[0]}", name=name, short_name=short,
                                    unit_type=unit_type, level=level, parent=parent)


def org(name: str, type: str, level: str, parent: Organization | None = None,
        locality: AdminUnit | None = None) -> Organization:
    body = Organization(name=name, type=type, level=level, parent=parent, locality=locality)
    body.save()
    return body


def period(type: str, year: int, number: int = 0) -> Period:
    return Period.objects.get_for(PeriodKey(type, year, number))


def meeting(host: Organization, *, title: str = "Hội nghị giao ban", date: datetime.date | None = None,
            is_public: bool = False, bloc: Bloc | None = None, **extra) -> Meeting:
    return Meeting.objects.create(host=host, title=title, date=date or datetime.date(2022, 4, 5),
                                  is_public=is_public, bloc=bloc, **extra)


def huu_lung() -> Record:
    """The Hữu Lũng quarter-I briefing of 05/4/2022, hosted by the district Party committee."""
    province = unit("Tỉnh Lạng Sơn", "Lạng Sơn", "Tỉnh", Level.PROVINCE)
    district = unit("Huyện Hữu Lũng", "Hữu Lũng", "Huyện", Level.DISTRICT, province)
    provincial = org("Tỉnh ủy Lạng Sơn", T.PARTY_COMMITTEE, Level.PROVINCE, locality=province)
    committee = org("Huyện ủy Hữu Lũng", T.PARTY_COMMITTEE, Level.DISTRICT, provincial, district)
    board = org("Ban Dân vận Huyện ủy Hữu Lũng", T.MASS_MOBILISATION_BOARD, Level.DISTRICT, committee, district)
    front = org("Ủy ban MTTQ Việt Nam huyện Hữu Lũng", T.FRONT_COMMITTEE, Level.DISTRICT, committee, district)
    farmers = org("Hội Nông dân huyện Hữu Lũng", T.FARMERS_UNION, Level.DISTRICT, front, district)
    women = org("Hội Liên hiệp Phụ nữ huyện Hữu Lũng", T.WOMEN_UNION, Level.DISTRICT, front, district)
    tricky = org(TRICKY_NAME, T.OTHER, Level.DISTRICT, front, district)
    bloc = Bloc.objects.create(name="Khối MTTQ và các đoàn thể huyện Hữu Lũng", convening=board)
    bloc.members.add(board, front, farmers, women)
    chair = Person.objects.create(name="Đinh Đức Chính", title="Phó Bí thư Thường trực huyện ủy")
    m = meeting(committee, bloc=bloc, date=datetime.date(2022, 4, 5), start_time=datetime.time(8, 0),
                place="Hội trường Huyện ủy Hữu Lũng", is_public=True,
                title="Hội nghị giao ban công tác quý I, triển khai chương trình công tác quý II năm 2022 đối với "
                      "khối đoàn thể huyện",
                period=period("quarter", 2022, 1), next_period=period("quarter", 2022, 2))
    MeetingChair.objects.create(meeting=m, person=chair, title="Phó Bí thư Thường trực huyện ủy")
    for body in (board, front, farmers, tricky):
        Attendance.objects.create(meeting=m, organization=body)
    AgendaItem.objects.create(meeting=m, order=1, title="Báo cáo kết quả công tác quý I, triển khai nhiệm vụ "
                                                        "công tác quý II năm 2022", organization=board)
    AgendaItem.objects.create(meeting=m, order=2, kind="discussion", title="Thảo luận")
    Conclusion.objects.create(meeting=m, text=HUU_LUNG_CONCLUSION, concluded_by=chair,
                              concluded_by_title="Phó Bí thư Thường trực huyện ủy")
    directives = []
    for order, text in enumerate(HUU_LUNG_DIRECTIVES, start=1):
        lead = front if text.startswith("Giao MTTQ") else None
        d = Directive.objects.create(meeting=m, order=order, text=text, lead=lead,
                                     assignees_text="MTTQ" if lead else "")
        if lead:
            d.coordinating.add(farmers, tricky)
        directives.append(d)
    return Record(m, committee, directives, {"province": provincial, "board": board, "front": front,
                                             "farmers": farmers, "tricky": tricky, "bloc": bloc})


def huu_lung_with_absences() -> Record:
    """Hữu Lũng's briefing: board and front present, farmers excused, women absent, the tricky body delegated."""
    record = huu_lung()
    meeting = record.meeting
    women = meeting.bloc.members.get(name__startswith="Hội Liên hiệp Phụ nữ")
    Attendance.objects.filter(meeting=meeting, organization=record.orgs["farmers"]).update(
        presence=Presence.EXCUSED, reason="Đi công tác tỉnh")
    Attendance.objects.filter(meeting=meeting, organization=record.orgs["tricky"]).update(
        presence=Presence.DELEGATED, delegate_name="Lê Văn Thay")
    Attendance.objects.create(meeting=meeting, organization=women, presence=Presence.ABSENT)
    meeting.secretary = Person.objects.create(name="Hoàng Thị Thư", title="Chuyên viên")
    meeting.minutes = "<p>Đồng chí Trưởng ban Dân vận báo cáo kết quả quý I.</p><p>Các đại biểu thảo luận.</p>"
    meeting.save()
    return record


def bau_bang() -> Record:
    """The Bàu Bàng communes' Front briefing of 03/7/2018, hosted by the district Front committee."""
    province = unit("Tỉnh Bình Dương", "Bình Dương", "Tỉnh", Level.PROVINCE)
    district = unit("Huyện Bàu Bàng", "Bàu Bàng", "Huyện", Level.DISTRICT, province)
    provincial = org("Tỉnh ủy Bình Dương", T.PARTY_COMMITTEE, Level.PROVINCE, locality=province)
    committee = org("Huyện ủy Bàu Bàng", T.PARTY_COMMITTEE, Level.DISTRICT, provincial, district)
    front = org("Ủy ban MTTQ Việt Nam huyện Bàu Bàng", T.FRONT_COMMITTEE, Level.DISTRICT, committee, district)
    lai_uyen = org("Ủy ban MTTQ Việt Nam xã Lai Uyên", T.FRONT_COMMITTEE, Level.COMMUNE, front,
                   unit("Xã Lai Uyên", "Lai Uyên", "Xã", Level.COMMUNE, district))
    lai_hung = org("Ủy ban MTTQ Việt Nam xã Lai Hưng", T.FRONT_COMMITTEE, Level.COMMUNE, front,
                   unit("Xã Lai Hưng", "Lai Hưng", "Xã", Level.COMMUNE, district))
    tricky = org("Tổ hợp tác Rau sạch & Hoa <Lai Uyên>", T.OTHER, Level.COMMUNE, lai_uyen)
    bloc = Bloc.objects.create(name="Mặt trận các xã huyện Bàu Bàng", convening=front)
    bloc.members.add(lai_uyen, lai_hung)
    chair = Person.objects.create(name="Nguyễn Thành Tốt", title="Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện")
    m = meeting(front, bloc=bloc, date=datetime.date(2018, 7, 3), start_time=datetime.time(7, 30),
                place="Hội trường Ủy ban MTTQ Việt Nam huyện Bàu Bàng",
                title="Hội nghị giao ban Mặt trận các xã tháng 6/2018",
                period=period("month", 2018, 6), next_period=period("month", 2018, 7))
    MeetingChair.objects.create(meeting=m, person=chair, title="Chủ trì Hội nghị")
    for body in (lai_uyen, lai_hung, tricky):
        Attendance.objects.create(meeting=m, organization=body)
    Conclusion.objects.create(meeting=m, concluded_by=chair, concluded_by_title="Phó Chủ tịch",
                              text="Biểu dương MTTQ các xã có cố gắng hoàn thành nhiệm vụ trong tháng 6.")
    directives = []
    for order, (who, text) in enumerate(BAU_BANG_DIRECTIVES, start=1):
        lead = front if who == BAU_BANG_DISTRICT else None
        deadline = {}
        if "tháng 8/2018" in text:
            deadline = {"deadline": datetime.date(2018, 8, 31), "deadline_precision": DeadlinePrecision.MONTH}
        d = Directive.objects.create(meeting=m, order=order, text=text, lead=lead, assignees_text=who, **deadline)
        if order == 4:
            d.coordinating.add(tricky)
        directives.append(d)
    return Record(m, front, directives, {"province": provincial, "committee": committee, "lai_uyen": lai_uyen,
                                         "lai_hung": lai_hung, "tricky": tricky, "bloc": bloc})


# --- period reports for the consolidated report ---

REPORT_RESULTS = "Tổ chức thăm hỏi, tặng quà Tết cho hộ nghèo & gia đình chính sách <đợt 1>."
REPORT_PLAN = "Tiếp tục thực hiện các phong trào thi đua; chuẩn bị tổng kết 6 tháng đầu năm."


def indicators() -> list:
    from giaoban.reports.models import Indicator, IndicatorKind

    specs = [("doc-qua-tet", "Suất quà Tết trao tặng", "suất", IndicatorKind.COUNT),
             ("doc-quy-vnn", "Quỹ “Vì người nghèo” vận động được", "đồng", IndicatorKind.MONEY),
             ("doc-hoi-vien", "Hội viên, đoàn viên mới", "người", IndicatorKind.COUNT)]
    return [Indicator.objects.get_or_create(code=code, defaults={"name": name, "unit": unit, "kind": kind,
                                                                 "position": i})[0]
            for i, (code, name, unit, kind) in enumerate(specs)]


def period_reports(bloc: Bloc, quarter: Period, reporters: list[Organization], *, base: int = 100) -> None:
    """Submitted reports with figures for `quarter` and the same quarter a year earlier."""
    from giaoban.reports.models import IndicatorValue, PeriodReport, ReportStatus

    wanted = indicators()
    earlier = period(quarter.type, quarter.year - 1, quarter.number)
    for index, body in enumerate(reporters):
        for when, scale in ((quarter, 1), (earlier, 0.8)):
            report = PeriodReport.objects.create(organization=body, period=when, status=ReportStatus.SUBMITTED,
                                                 results=f"{body.name}: {REPORT_RESULTS}", plan=REPORT_PLAN)
            IndicatorValue.objects.bulk_create([
                IndicatorValue(report=report, indicator=indicator, value=int((base + index) * (i + 1) * scale))
                for i, indicator in enumerate(wanted)])


def with_reports(record: Record, missing: int = 1) -> tuple[Bloc, Period, list[Organization]]:
    """The record's bloc with submitted Quý I reports from all members but the last `missing` ones."""
    bloc = record.orgs["bloc"]
    bloc.members.add(record.orgs["tricky"])
    reporters = [o for o in bloc.members.order_by("pk") if o.pk != bloc.convening_id]
    quarter = period("quarter", 2022, 1)
    period_reports(bloc, quarter, reporters[: len(reporters) - missing])
    return bloc, quarter, reporters


def large_bloc(size: int) -> tuple[Bloc, Period]:
    """A bloc of `size` commune Fronts that all reported (for the benchmark)."""
    province = unit("Tỉnh Thử", "Thử", "Tỉnh", Level.PROVINCE)
    district = unit(f"Huyện Thử {size}", f"Thử {size}", "Huyện", Level.DISTRICT, province)
    front = org(f"Ủy ban MTTQ Việt Nam huyện Thử {size}", T.FRONT_COMMITTEE, Level.DISTRICT, locality=district)
    communes = [org(f"Ủy ban MTTQ Việt Nam xã Thử {size}-{i}", T.FRONT_COMMITTEE, Level.COMMUNE, front)
                for i in range(size)]
    bloc = Bloc.objects.create(name=f"Mặt trận {size} xã huyện Thử", convening=front)
    bloc.members.add(*communes)
    quarter = period("quarter", 2022, 1)
    period_reports(bloc, quarter, communes)
    return bloc, quarter
