"""Demo meetings: the five seed news items (shared/extraction/dev), plus the Hữu Lũng bloc's next briefing.

The content is copied from the annotated seeds so the demo does not depend on
files outside the project.  Where a seed does not say something the record
needs (the Chợ Đồn text gives no date), the value is marked as illustrative.
Loading twice changes nothing: a meeting that exists is left untouched.
"""

import datetime

from giaoban.meetings.models import (
    Attendance,
    BriefingSeries,
    Conclusion,
    Meeting,
    MeetingChair,
    MeetingKind,
    Person,
    Presence,
    Recurrence,
    SeriesAgendaItem,
)
from giaoban.meetings.sanitize import sanitize_minutes

B, W = MeetingKind.BRIEFING, MeetingKind.WORKING_SESSION

# key, kind, title, host key, bloc key, period, next period, date, time, place, chairs, conclusion text, agenda
SEEDS = [
    ("huu-lung-q1-2022", B,
     "Hội nghị giao ban công tác quý I, triển khai chương trình công tác quý II năm 2022 khối đoàn thể huyện",
     "Huyện ủy Hữu Lũng", "bloc:Hữu Lũng", "Quý I/2022", "Quý II/2022", datetime.date(2022, 4, 5), None,
     "Huyện ủy Hữu Lũng", [("Đinh Đức Chính", "Phó Bí thư Thường trực huyện ủy")],
     "Ghi nhận, đánh giá những kết quả MTTQ và các đoàn thể đã thực hiện trong 03 tháng đầu năm trong điều kiện "
     "dịch bệnh diễn biến phức tạp; chỉ đạo các nhiệm vụ cần tổ chức, thực hiện tốt trong quý II và năm 2022.",
     [("report", "Báo cáo kết quả công tác quý I, triển khai nhiệm vụ công tác quý II năm 2022", "board:Hữu Lũng"),
      ("discussion", "Các thành viên phát biểu thảo luận nội dung, giải pháp thực hiện nhiệm vụ quý II", None)]),
    ("cho-don-q1-2020", B, "Giao ban khối MTTQ và các Đoàn thể Quý I năm 2020",
     "Huyện ủy Chợ Đồn", "bloc:Chợ Đồn", "Quý I/2020", "Quý II/2020",
     datetime.date(2020, 4, 10),  # illustrative: the news item gives no date
     None, "", [],  # the text names the concluding official by title only
     "Ghi nhận những kết quả đã đạt được của các cơ quan Khối MTTQ và các đoàn thể huyện; đề nghị các cơ quan, "
     "đơn vị trong Khối thực hiện các nhiệm vụ trong thời gian tới.",
     [("report", "Kết quả thực hiện nhiệm vụ quý I năm 2020 của Khối MTTQ và các đoàn thể", "front:Chợ Đồn")]),
    ("hong-ngu-2022", W, "Thành ủy Hồng Ngự làm việc với các ngành Khối vận về tình hình thực hiện nhiệm vụ năm 2022",
     "Thành ủy Hồng Ngự", "bloc:Hồng Ngự", "Năm 2022", "Năm 2023", datetime.date(2022, 12, 21),
     datetime.time(14, 0), "", [("Lê Hùng Dũng", "Phó Bí thư Thường trực Thành ủy Hồng Ngự")],
     "Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội thành phố tiếp tục thực hiện các nhiệm vụ "
     "trọng tâm năm 2023.",
     [("report", "Tình hình thực hiện nhiệm vụ năm 2022 và phương hướng năm 2023", "front:Hồng Ngự")]),
    ("hong-linh-h1-2022", B,
     "Hội nghị giao ban 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2022 với Thường trực Ủy ban MTTQ "
     "và các đoàn thể", "Thị ủy Hồng Lĩnh", "bloc:Hồng Lĩnh", "6 tháng đầu năm 2022", "6 tháng cuối năm 2022",
     datetime.date(2022, 7, 19), datetime.time(14, 0), "",
     [("Đặng Thanh Hải", "Tỉnh ủy viên, Bí thư Thị ủy"), ("Nguyễn Thăng Long", "Phó Bí thư thường trực Thị ủy")],
     "Ghi nhận những kết quả đạt được của MTTQ và các tổ chức chính trị - xã hội, chỉ ra một số tồn tại hạn chế "
     "cần khắc phục; yêu cầu MTTQ và các tổ chức đoàn thể thực hiện các nhiệm vụ trong thời gian tới.",
     [("report", "Kết quả hoạt động 6 tháng đầu năm 2022 của MTTQ và các tổ chức chính trị - xã hội",
       "front:Hồng Lĩnh"), ("discussion", "Ý kiến của Chủ tịch UBMTTQ thị xã Đặng Ngọc Sơn", "front:Hồng Lĩnh")]),
    ("bau-bang-t6-2018", B, "Hội nghị giao ban Mặt trận các xã tháng 6/2018", "front:Bàu Bàng",
     "bloc:Mặt trận các xã Bàu Bàng", "Tháng 6/2018", "Tháng 7/2018", datetime.date(2018, 7, 3), None, "",
     [("Nguyễn Thành Tốt", "Chủ trì Hội nghị")],
     "Biểu dương MTTQ các xã có cố gắng hoàn thành nhiệm vụ trong tháng 6, ghi nhận các ý kiến đóng góp của Ban "
     "Thường trực Ủy ban MTTQ Việt Nam các xã, 4 Ban Công tác Mặt trận của xã Lai Hưng và kết luận chỉ đạo.",
     [("report", "Kết quả phối hợp tổ chức thực hiện nhiệm vụ tháng 6 và phương hướng nhiệm vụ tháng 7/2018",
       "front:Bàu Bàng"), ("discussion", "Ý kiến của Ban Thường trực Ủy ban MTTQ Việt Nam các xã", None)]),
    # Illustrative: the bloc's next briefing, where the unfinished Q1 directives come back (carry-over).
    ("huu-lung-q2-2022", B,
     "Hội nghị giao ban công tác quý II, triển khai chương trình công tác quý III năm 2022 khối đoàn thể huyện",
     "Huyện ủy Hữu Lũng", "bloc:Hữu Lũng", "Quý II/2022", "Quý III/2022", datetime.date(2022, 7, 6), None,
     "Huyện ủy Hữu Lũng", [("Đinh Đức Chính", "Phó Bí thư Thường trực huyện ủy")], "",
     [("report", "Báo cáo kết quả công tác quý II, triển khai nhiệm vụ công tác quý III năm 2022", "board:Hữu Lũng")]),
]


def _period(ctx: dict, label: str):
    from giaoban.periods.models import Period

    return ctx["periods"].get(label) or Period.objects.from_label(label)


def load(ctx: dict) -> None:
    orgs, meetings = ctx["organizations"], {}
    author = ctx.get("users", {}).get("quantri")
    for (key, kind, title, host_key, bloc_key, period, next_period, date, time, place, chairs, conclusion,
         agenda) in SEEDS:
        host, bloc = orgs[host_key], orgs[bloc_key]
        meeting = Meeting.objects.filter(host=host, date=date, title=title).first()
        if meeting is None:
            meeting = Meeting.objects.create(
                kind=kind, title=title, host=host, bloc=bloc, period=_period(ctx, period),
                next_period=_period(ctx, next_period), date=date, start_time=time, place=place, created_by=author,
                is_public=True, minutes=sanitize_minutes(f"Hội nghị {title.lower()}.\n\n(Dữ liệu mẫu từ bản tin.)"))
            for order, (name, person_title) in enumerate(chairs):
                person = Person.remember(name, person_title, host)
                MeetingChair.objects.create(meeting=meeting, person=person, title=person_title, order=order)
            for member in bloc.members.order_by("tree_path"):
                Attendance.objects.create(meeting=meeting, organization=member, presence=Presence.PRESENT)
            for order, (agenda_kind, agenda_title, org_key) in enumerate(agenda):
                meeting.agenda_items.create(order=order, kind=agenda_kind, title=agenda_title,
                                            organization=orgs.get(org_key) if org_key else None)
            if conclusion:
                first = meeting.chairs.select_related("person").first()
                Conclusion.objects.create(meeting=meeting, text=conclusion,
                                          concluded_by=first.person if first else None,
                                          concluded_by_title=first.title if first else "")
                meeting.mark_concluded()
        meetings[key] = meeting
    ctx["meetings"] = meetings
    _huu_lung_series(ctx, meetings)


def _huu_lung_series(ctx: dict, meetings: dict) -> None:
    """The Hữu Lũng bloc briefs every quarter: its two demo briefings belong to one series."""
    orgs, bloc = ctx["organizations"], ctx["organizations"]["bloc:Hữu Lũng"]
    series, created = BriefingSeries.objects.get_or_create(
        name="Giao ban quý khối MTTQ và các đoàn thể huyện Hữu Lũng", defaults={
            "bloc": bloc, "host": orgs["Huyện ủy Hữu Lũng"], "period_type": "quarter",
            "first_period": _period(ctx, "Quý I/2022"), "recurrence": Recurrence.WEEKDAY, "weekday": 1, "week": 1,
            "place": "Huyện ủy Hữu Lũng"})
    if created:
        series.attendees.set(bloc.members.all())
        SeriesAgendaItem.objects.create(series=series, order=0, title="Báo cáo kết quả công tác quý, triển khai "
                                        "nhiệm vụ quý tiếp theo", organization=orgs["board:Hữu Lũng"])
        SeriesAgendaItem.objects.create(series=series, order=1, kind="discussion",
                                        title="Các thành viên thảo luận, đề xuất giải pháp")
    Meeting.objects.filter(pk__in=[meetings["huu-lung-q1-2022"].pk, meetings["huu-lung-q2-2022"].pk],
                           series__isnull=True).update(series=series)
