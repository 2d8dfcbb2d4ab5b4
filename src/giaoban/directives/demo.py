"""Demo directives: every directive of the five seed conclusions, then some months of follow-up.

Texts, deadlines and places are the annotated seeds' (shared/extraction/dev/*.json).
Leads: where a text names no single body, the demo assigns the bloc body that
usually takes such work, and keeps the text's own wording in `assignees_text`.
Follow-up (illustrative): progress updates, one directive done, one overdue
(Nghĩa Tá, "trong năm 2020"), one carried over to the Hữu Lũng bloc's next briefing.
Loading twice changes nothing: a meeting's directives are created only once.
"""

import datetime

from django.utils import timezone

from giaoban.directives.carryover import propose_agenda
from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate, Priority, ProgressRound
from giaoban.directives.targets import find_target
from giaoban.organisations.models import AdminUnit

MEMBERS = ("Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Liên đoàn Lao động")
HL, CD, HN, HLI, BB = "huyện Hữu Lũng", "huyện Chợ Đồn", "thành phố Hồng Ngự", "thị xã Hồng Lĩnh", "huyện Bàu Bàng"


def members(where: str, *only: str) -> list[str]:
    return [f"{label} {where}" for label in (only or MEMBERS)]


# meeting key → [(text, assignees as written, lead key, coordinating keys, deadline phrase, places)]
DIRECTIVES = {
    "huu-lung-q1-2022": [
        ("Cần rà soát và ban hành các văn bản, kế hoạch tổ chức thực hiện nhiệm vụ năm 2022", "",
         "board:Hữu Lũng", ["front:Hữu Lũng"], "", []),
        ("MTTQ và các tổ chức chính trị - xã hội cần tập trung phối hợp tuyên truyền thực hiện trong công tác bầu cử "
         "trưởng thôn", "MTTQ, các tổ chức chính trị - xã hội", "front:Hữu Lũng", members(HL), "", []),
        ("tăng cường đẩy mạnh tuyên truyền phòng chống Covid cho trẻ em từ 5 - 12 tuổi", "", "front:Hữu Lũng",
         members(HL, "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên"), "", []),
        ("Giao MTTQ chủ trì phối hợp với các tổ chức chính trị – xã hội làm việc cụ thể với 02 xã về đích NTM Hồ Sơn, "
         "Vân Nham rà soát, có kế hoạch tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện tốt các tiêu "
         "chí 15, 17, 18 về đích NTM", "MTTQ, các tổ chức chính trị – xã hội", "front:Hữu Lũng", members(HL), "",
         ["Hồ Sơn", "Vân Nham"]),
        ("Cần xây dựng kế hoạch, phân công các thành viên trong công tác tuyên truyền giải pháp mặt bằng các dự án "
         "trên địa bàn huyện", "", "board:Hữu Lũng", ["front:Hữu Lũng"], "", []),
        ("Đẩy mạnh thực hiện các cửa hàng số nhằm phát triển kinh tế", "", f"Đoàn Thanh niên {HL}",
         members(HL, "Hội Liên hiệp Phụ nữ"), "", []),
        ("tăng cường chỉ đạo đại hội Đoàn thanh niên, Cựu chiến binh cấp cơ sở đạt kết quả theo kế hoạch", "",
         f"Đoàn Thanh niên {HL}", members(HL, "Hội Cựu chiến binh"), "", []),
        ("đẩy mạnh tuyên truyền và tổ chức các hoạt động hỗ trợ cộng đồng trong công tác phòng, chống dịch bệnh, góp "
         "phần cùng toàn Đảng bộ, chính quyền thực hiện thắng lợi nhiệm vụ phát triển kinh tế xã hội, an ninh quốc "
         "phòng tại địa phương", "", "front:Hữu Lũng", members(HL), "", []),
    ],
    "cho-don-q1-2020": [
        (text, "các cơ quan, đơn vị trong Khối MTTQ và các đoàn thể", "front:Chợ Đồn", members(CD), deadline, places)
        for text, deadline, places in [
            ("rà soát và triển khai thực hiện chương trình, kế hoạch công tác năm 2020 có hiệu quả", "", []),
            ("Tiến hành tổ chức các hoạt động phù hợp với yêu cầu trong tình hình phòng, chống dịch bệnh COVID-19",
             "", []),
            ("Tích cực đẩy mạnh hướng dẫn các cấp hội cơ sở thực hiện các phong trào thi đua lập thành tích chào mừng "
             "đại hội Đảng các cấp", "", []),
            ("Tăng cường công tác nắm tình hình tư tưởng cán bộ, đoàn viên, hội viên, dư luận xã hội về đại hội Đảng "
             "các cấp", "", []),
            ("Thực hiện có hiệu quả việc lấy ý kiến của đoàn viên, hội viên tham gia góp ý văn kiện đại hội Đảng của "
             "cấp trên", "", []),
            ("Xây dựng kế hoạch thực hiện và chỉ đạo các cấp hội cơ sở giúp đỡ xã Nghĩa Tá hoàn thành các tiêu chí "
             "đạt chuẩn Nông thôn mới trong năm 2020", "năm 2020", ["Nghĩa Tá"]),
            ("Tuyên truyền, vận động hội viên, đoàn viên và nhân dân thực hiện đề án “Mỗi xã, phường một sản phẩm”",
             "", []),
            ("kết hợp thực hiện các chương trình hỗ trợ thành lập các tổ hợp tác, nhóm hộ sản xuất, kinh doanh", "",
             []),
            ("Tăng cường tuyên truyền, vận động cán bộ, hội viên, đoàn viên và nhân dân trong phòng chống dịch tả lợn "
             "Châu Phi", "", []),
            ("Tiếp tục thực hiện có hiệu quả công tác giám sát và phản biện xã hội và một số nhiệm vụ quan trọng khác",
             "", []),
        ]
    ],
    "hong-ngu-2022": [
        (text, "Uỷ ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội", lead, coordinating, "", [])
        for text, lead, coordinating in [
            ("tiếp tục thực hiện có hiệu quả Kế hoạch số 71-KH/TU ngày 11/11/2021 của Ban Chấp hành Đảng bộ Thành uỷ "
             "thực hiện Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ Tỉnh khóa XI về tiếp tục tăng cường và đổi "
             "mới sự lãnh đạo của các cấp ủy, tổ chức đảng đối với công tác Dân vận đến năm 2025", "front:Hồng Ngự",
             members(HN)),
            ("tiếp tục đổi mới mạnh mẽ nội dung, phương thức hoạt động, phát huy quyền làm chủ, tiềm năng, sáng tạo "
             "của các tầng lớp nhân dân, doanh nghiệp, góp phần phát triển kinh tế - xã hội trong tình hình mới",
             "front:Hồng Ngự", members(HN)),
            ("nâng cao hiệu quả các mô hình ở cộng đồng dân cư như: Tổ Nhân dân tự quản, Hội quán", "front:Hồng Ngự",
             members(HN, "Hội Nông dân")),
            ("tiếp tục củng cố, kiện toàn, đào tạo, bồi dưỡng nâng cao chất lượng đội ngũ cán bộ làm công tác Dân vận "
             "các cấp đáp ứng yêu cầu nhiệm vụ trong tình hình mới", "board:Hồng Ngự", ["front:Hồng Ngự"]),
            ("lãnh đạo tổ chức thành công Đại hội Công đoàn, Hội Nông dân cấp cơ sở đúng theo yêu cầu đã đề ra",
             f"Liên đoàn Lao động {HN}", members(HN, "Hội Nông dân")),
        ]
    ],
    "hong-linh-h1-2022": [
        (text, "MTTQ, các tổ chức đoàn thể", "front:Hồng Lĩnh", members(HLI), "", [])
        for text in [
            "cần rà soát kế hoạch ban hành từ đầu năm, kế hoạch toàn khóa để đẩy nhanh thực hiện các chỉ tiêu chưa đạt",
            "tiếp tục thực hiện tốt công tác tuyên truyền vận động nhân dân thực hiện tốt các nhiệm vụ kinh tế, xã hội,"
            " chính trị - quốc phòng an ninh của thị xã",
            "vận động Nhân dân tích cực tham gia xây dựng Đảng, xây dựng chính quyền bằng nhiều hình thức đa dạng và "
            "phong phú hơn",
            "tập trung quán triệt Nghị quyết, chủ trương, chính sách được ban hành sau kỳ họp HĐND giữa năm",
            "tích cực xã hội hóa các hoạt động an sinh xã hội",
            "thực hiện các mô hình dân vận khéo đạt tỷ lệ 90 – 95%",
        ]
    ],
    "bau-bang-t6-2018": [
        *[(text, "Ban Thường trực Ủy ban MTTQ Việt Nam huyện", "front:Bàu Bàng", [], "", places)
          for text, places in [
              ("Tăng cường đi cơ sở, tiếp tục theo dõi nắm bắt dư luận xã hội về để có định hướng tuyên truyền", []),
              ("nắm sát tình hình tâm tư, nguyện vọng của nhân dân trên địa bàn huyện để phản ảnh kịp thời, đồng thời "
               "theo dõi việc trả lời của các ngành chức năng qua kiến nghị cử tri", []),
              ("Hướng dẫn đề cương xây dựng Văn kiện Đại hội MTTQ Việt Nam nhiệm kỳ 2019-2024 cho Ban Thường trực Ủy "
               "ban MTTQ Việt Nam các xã", []),
              ("Phối hợp cùng Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức tập huấn, tuyên về Cuộc vận động "
               "“Người Việt Nam ưu tiên dùng hàng Việt Nam” cho công nhân, chủ nhà trọ và cán bộ Mặt trận ấp Đồng Sổ,"
               " xã Lai Uyên", ["Đồng Sổ", "Lai Uyên"]),
              ("Tổ chức Hội nghị toàn thể Ủy ban MTTQ Việt Nam huyện 6 tháng đầu năm 2018", []),
          ]],
        # "các xã": no single lead; the communes' fronts answer for them together.
        *[(text, assignees, None, ["front:Lai Uyên", "front:Lai Hưng"], deadline, [])
          for text, assignees, deadline in [
              ("Thường xuyên theo dõi và báo cáo tâm tư, nguyện vọng của nhân dân, kịp thời tuyên truyền cho nhân dân "
               "về âm mưu và thủ đoạn của thế lực thù địch", "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", ""),
              ("Đẩy nhanh viết tin, bài trên các trang thông tin điện tử của tỉnh, huyện đối với các xã ít tham gia "
               "hoặc chưa tham gia, thường xuyên truy cập, trao đổi thông tin hai chiều qua trang Web và địa chỉ mail "
               "của Mặt trận", "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", ""),
              ("Phối hợp với các ngành xã cùng Ban Công tác Mặt trận ấp kiểm tra, rà soát hộ nghèo để có hướng giúp "
               "đở thoát nghèo, vươn lên trong cuộc sống", "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", ""),
              ("Tiếp tục vận động gắn “Camera an ninh” để phục vụ cho công tác an ninh trật tự ở địa phương",
               "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", ""),
              ("thực hiện mô hình “Ánh sáng an ninh” được nhân rộng hiệu quả ở các xã",
               "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", ""),
              ("Nhân rộng mô hình tổ tự quản “Bảo vệ môi trường và ứng phó với biến đổi khí hậu tại khu dân cư” đồng "
               "thời tiếp tục tuyên truyền, phát động bảo vệ môi trường và trồng cây xanh (cây trắc) năm 2018 do Ban "
               "Thường trực Ủy ban MTTQ Việt Nam huyện dự kiến tổ chức trong tháng 8/2018",
               "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", "trong tháng 8/2018"),
              ("Các xã khẩn trương xem xét, chọn lựa nhân sự để xây dựng lực lượng nòng cốt trong hệ thống Mặt trận "
               "theo hướng dẫn", "Các xã", ""),
              ("Xây dựng kế hoạch nội dung văn kiện Đại hội MTTQ Việt Nam xã nhiệm kỳ 2019-2024, thành lập các tiểu "
               "ban của Đại hội theo hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam huyện",
               "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", ""),
              ("Quán triệt trong cán bộ Mặt trận từ xã đến ấp an tâm công tác, phấn đấu hoàn thành nhiệm vụ được giao",
               "Ban Thường trực Ủy ban MTTQ Việt Nam các xã", ""),
          ]],
    ],
}

# (meeting key, directive index, author key, organisation key, note, percent, days after the meeting)
UPDATES = [
    ("huu-lung-q1-2022", 3, "bientap", "front:Hữu Lũng", "Đã làm việc với xã Hồ Sơn; xã Vân Nham còn tiêu chí 17 "
     "(môi trường) chưa đạt, đang vận động Nhân dân làm đường hoa, thu gom rác.", 60, 40),
    ("huu-lung-q1-2022", 1, "bientap", "front:Hữu Lũng", "Đã ban hành hướng dẫn tuyên truyền bầu cử trưởng thôn; "
     "các thôn tổ chức xong hội nghị cử tri.", 100, 30),
    ("huu-lung-q1-2022", 0, "bientap", "board:Hữu Lũng", "Đã rà soát, ban hành 05 kế hoạch chuyên đề năm 2022.",
     80, 20),
    ("bau-bang-t6-2018", 10, "quantri", "front:Lai Uyên", "Đã tổ chức lễ phát động trồng cây xanh (cây trắc) ngày "
     "25/8/2018 tại xã Lai Uyên.", 100, 55),
    ("cho-don-q1-2020", 5, "quantri", "front:Chợ Đồn", "Xã Nghĩa Tá đạt 15/19 tiêu chí; còn thu nhập, hộ nghèo, "
     "môi trường, an ninh trật tự.", 70, 150),
]
# (meeting key, directive index, status, reason)
CLOSED = [
    ("huu-lung-q1-2022", 1, DirectiveStatus.DONE, "Bầu cử trưởng thôn hoàn thành đúng kế hoạch."),
    ("bau-bang-t6-2018", 10, DirectiveStatus.DONE, "Đã tổ chức phát động trồng cây xanh trong tháng 8/2018."),
]
# Unfinished at the Hữu Lũng bloc's next briefing: carried over there.
CARRIED = [("huu-lung-q1-2022", 3, "huu-lung-q2-2022")]
# Briefings whose lead bodies are asked for a bulk progress round beforehand.
ROUNDS = ["huu-lung-q2-2022"]


def _place(name: str) -> AdminUnit | None:
    return AdminUnit.objects.named(name).filter(code__startswith="demo:").first()


def load(ctx: dict) -> None:
    orgs, meetings, users = ctx["organizations"], ctx["meetings"], ctx.get("users", {})
    created: dict[str, list[Directive]] = {}
    for key, rows in DIRECTIVES.items():
        meeting = meetings[key]
        if meeting.directives.exists():
            continue
        created[key] = []
        for order, (text, assignees, lead, coordinating, deadline, places) in enumerate(rows):
            directive = Directive(meeting=meeting, order=order, text=text, assignees_text=assignees,
                                  lead=orgs[lead] if lead else None,
                                  priority=Priority.HIGH if places else Priority.NORMAL)
            directive.set_deadline(deadline)
            target = find_target(text)
            if target:
                directive.target_text, directive.target_value = target.text, target.value
                directive.target_value_max, directive.target_unit = target.value_max, target.unit
            directive.save()
            if coordinating:
                directive.coordinating.set([orgs[k] for k in coordinating])
            units = [u for u in (_place(p) for p in places) if u]
            if units:
                directive.places.set(units)
            created[key].append(directive)
    _follow_up(ctx, created, orgs, meetings, users)
    for key in ROUNDS:
        ProgressRound.objects.get_or_create(meeting=meetings[key], defaults={"opened_by": users.get("quantri")})


def _follow_up(ctx: dict, created: dict, orgs: dict, meetings: dict, users: dict) -> None:
    """Updates, closings and the carry-over, only for directives created in this run."""
    for key, index, author, org_key, note, percent, days in UPDATES:
        if key not in created:
            continue
        directive = created[key][index]
        update = directive.record_progress(user=users.get(author), organization=orgs[org_key], note=note,
                                           percent=percent)
        when = timezone.make_aware(datetime.datetime.combine(directive.meeting.date + datetime.timedelta(days=days),
                                                             datetime.time(9, 0)))
        DirectiveUpdate.objects.filter(pk=update.pk).update(created_at=when)
    for key, index, status, reason in CLOSED:
        if key in created:
            directive = Directive.objects.get(pk=created[key][index].pk)
            directive.close(user=users.get("quantri"), status=status, reason=reason)
    for key, index, target in CARRIED:
        if key in created:
            created[key][index].carry_over(to=meetings[target], user=users.get("quantri"))
            propose_agenda(meetings[target])
