"""The rules' directive finder (``directives.py``); the learned selector choosing among its pieces is tested in
test_learned.py."""

import pytest

from giaoban.extract import extract, learned


@pytest.fixture(autouse=True)
def _rules_alone(monkeypatch):
    # These tests read what the rules take; the default lets the learned selector choose among their pieces.
    monkeypatch.setenv(learned.SWITCH, "rules")


def _dirs(text):
    return extract(text)["directives"]


LEAD_IN = (
    "Hội nghị giao ban quý I năm 2020 của khối MTTQ.\n"
    "Trong thời gian tới, đồng chí đề nghị các cơ quan, đơn vị trong Khối MTTQ và các đoàn thể rà soát "
    "và triển khai kế hoạch công tác năm 2020 có hiệu quả; Tăng cường công tác nắm tình hình. "
    "Xây dựng kế hoạch giúp đỡ xã Nghĩa Tá hoàn thành các tiêu chí trong năm 2020./.\n"
)


def test_lead_in_is_stripped_and_its_bodies_are_inherited():
    dirs = _dirs(LEAD_IN)
    assert [d["text"] for d in dirs] == [
        "rà soát và triển khai kế hoạch công tác năm 2020 có hiệu quả",
        "Tăng cường công tác nắm tình hình",
        "Xây dựng kế hoạch giúp đỡ xã Nghĩa Tá hoàn thành các tiêu chí trong năm 2020",
    ]
    # GUIDE.md: bodies joined by "và" are one each; "các cơ quan, đơn vị" share "trong Khối MTTQ".
    assert all(d["assignees"] == ["các cơ quan, đơn vị trong Khối MTTQ", "các đoàn thể"] for d in dirs)
    assert dirs[2]["deadline"] == "2020" and dirs[2]["places"] == ["Nghĩa Tá"]


def test_colon_lead_in_period_is_not_a_deadline_and_giao_gives_lead():
    text = (
        "Ngày 05/4/2022, Huyện ủy tổ chức Hội nghị giao ban quý I năm 2022.\n"
        "Phát biểu tại Hội nghị, đồng chí Nguyễn Văn A, Phó Bí thư Huyện ủy ghi nhận kết quả; đồng thời "
        "đồng chí chỉ đạo các nhiệm vụ cần thực hiện trong quý II và năm 2022: Cần rà soát các văn bản; "
        "MTTQ và các tổ chức chính trị - xã hội cần tập trung tuyên truyền bầu cử trưởng thôn; "
        "Giao MTTQ chủ trì phối hợp với các tổ chức chính trị – xã hội làm việc với 02 xã Hồ Sơn, Vân Nham."
    )
    dirs = _dirs(text)
    assert [d["deadline"] for d in dirs] == [None, None, None]
    assert dirs[1]["assignees"] == ["MTTQ", "các tổ chức chính trị - xã hội"]
    assert dirs[2]["lead"] == "MTTQ"
    assert dirs[2]["assignees"] == ["MTTQ", "các tổ chức chính trị – xã hội"]
    assert dirs[2]["places"] == ["Hồ Sơn", "Vân Nham"]


def test_group_headings_assign_following_items_and_own_body_overrides():
    text = (
        "Ngày 03/7/2018, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức Hội nghị giao ban tháng 6/2018 "
        "và kết luận chỉ đạo như sau:\n"
        "1. Đối với Ban Thường trực Ủy ban MTTQ Việt Nam huyện:\n"
        "- Tăng cường đi cơ sở nắm tình hình.\n"
        "2. Đối với Ban Thường trực Ủy ban MTTQ Việt Nam các xã:\n"
        "Thường xuyên theo dõi dư luận. Các xã khẩn trương xem xét nhân sự nòng cốt.\n"
        "BAN BIÊN TẬP\n"
    )
    dirs = _dirs(text)
    assert [d["assignees"] for d in dirs] == [
        ["Ban Thường trực Ủy ban MTTQ Việt Nam huyện"],
        ["Ban Thường trực Ủy ban MTTQ Việt Nam các xã"],
        ["Các xã"],
    ]


def test_report_paragraphs_without_direction_give_no_directives():
    text = (
        "Hội nghị giao ban quý I năm 2022.\nQuý I, MTTQ đã tuyên truyền, vận động Nhân dân; "
        "tuy nhiên còn hạn chế, chưa đáp ứng yêu cầu nhiệm vụ."
    )
    assert _dirs(text) == []


def test_final_punctuation_and_connectors_are_stripped():
    text = (
        "Hội nghị giao ban quý I năm 2022.\nĐồng chí Bí thư yêu cầu các đoàn thể tăng cường tuyên truyền; "
        "Trước mắt, lãnh đạo tổ chức thành công Đại hội Công đoàn..."
    )
    assert [d["text"] for d in _dirs(text)] == [
        "tăng cường tuyên truyền",
        "lãnh đạo tổ chức thành công Đại hội Công đoàn",
    ]


def test_numbered_list_after_an_agreed_tasks_paragraph_is_directive_part():
    text = (
        "Sáng 15/1/2024, Thường trực Đảng ủy xã tổ chức hội nghị giao ban quý IV năm 2023.\n"
        "Quý IV, các đoàn thể đã kết nạp 45 hội viên mới.\n"
        "Hội nghị đã thống nhất một số nhiệm vụ trọng tâm trong quý I năm 2024:\n"
        "1. Tổ chức tốt các hoạt động mừng Đảng, mừng Xuân.\n"
        "2. Hoàn thành việc thu hội phí trước ngày 31/3/2024.\n"
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == [
        "Tổ chức tốt các hoạt động mừng Đảng, mừng Xuân",
        "Hoàn thành việc thu hội phí trước ngày 31/3/2024",
    ]
    assert dirs[1]["deadline"] == "2024-03-31"


def test_results_list_is_not_a_directive_part():
    text = (
        "Hội nghị giao ban quý IV năm 2023.\nKết quả thực hiện nhiệm vụ quý IV như sau:\n- Kết nạp 45 hội viên mới.\n"
    )
    assert _dirs(text) == []


LEAD_CHAIR = (
    "Ngày 08/10/2021, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận quý III năm 2021. "
    "Đồng chí Lê Thị Minh, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.\n"
)


def test_report_sentence_with_leadership_and_direction_noun_pair_is_no_directive():
    text = LEAD_CHAIR + (
        "Theo báo cáo do đồng chí Trần Văn Hưng, Phó Trưởng Ban Dân vận Tỉnh ủy trình bày, khối dân vận đã tham mưu "
        "cấp ủy lãnh đạo, chỉ đạo thực hiện Chỉ thị số 05-CT/TW; vận động xây dựng mới 12 nhà Đại đoàn kết.\n"
    )
    record = extract(text)
    assert record["directives"] == []
    assert [c["name"] for c in record["meeting"]["chairs"]] == ["Lê Thị Minh"]


def test_delegate_proposal_is_no_directive_but_the_chair_direction_is():
    text = LEAD_CHAIR + (
        "Tại hội nghị, đồng chí Lò Văn Pó, Trưởng Ban Dân vận Huyện ủy đề nghị tỉnh quan tâm bố trí kinh phí; "
        "một số ý kiến đề nghị các huyện tạo điều kiện cho đoàn viên.\n"
        "Tại hội nghị, đồng chí Lê Thị Minh đề nghị Ban Dân vận các huyện tham mưu tổng kết công tác năm 2021.\n"
    )
    assert [d["text"] for d in _dirs(text)] == ["tham mưu tổng kết công tác năm 2021"]


def test_presenting_a_document_is_no_direction():
    text = LEAD_CHAIR + (
        "Đồng chí Vương Văn Toàn, Trưởng Ban Dân vận Huyện ủy quán triệt nội dung Quyết định 99-QĐ/TW.\n"
    )
    assert _dirs(text) == []


def test_lower_case_giao_chu_tri_is_a_directive_with_its_lead_kept_verbatim():
    text = LEAD_CHAIR + (
        "Kết luận hội nghị, đồng chí Hà Văn Khải tiếp thu ý kiến chỉ đạo và giao Văn phòng Hội Nông dân tỉnh chủ trì, "
        "phối hợp với các ban chuyên môn hoàn thiện báo cáo, gửi Trung ương Hội trước ngày 10/4/2021.\n"
    )
    (d,) = _dirs(text)
    assert d["text"].startswith("giao Văn phòng Hội Nông dân tỉnh chủ trì")
    assert d["lead"] == "Văn phòng Hội Nông dân tỉnh"
    assert d["assignees"] == ["Văn phòng Hội Nông dân tỉnh", "các ban chuyên môn"]
    assert d["deadline"] == "2021-04-10"


def test_notice_sections_results_are_skipped_and_tasks_section_opens_the_part():
    text = (
        "THÔNG BÁO KẾT LUẬN\nNgày 11/10/2023, Thường trực Huyện ủy tổ chức hội nghị giao ban khối dân vận 9 tháng "
        "năm 2023. Đồng chí Trương Văn Nghĩa, Phó Bí thư Thường trực Huyện ủy chủ trì hội nghị.\n"
        "Sau khi nghe báo cáo, đồng chí Phó Bí thư Thường trực Huyện ủy kết luận như sau:\n"
        "I. Đánh giá chung\nKhối dân vận đã vận động xây dựng 58 căn nhà Đại đoàn kết.\n"
        "II. Nhiệm vụ trọng tâm quý IV năm 2023\n1. Đối với Hội Nông dân huyện:\n"
        "- Rà soát, xử lý nợ quá hạn trước ngày 15/12/2023.\n"
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == ["Rà soát, xử lý nợ quá hạn trước ngày 15/12/2023"]
    assert dirs[0]["assignees"] == ["Hội Nông dân huyện"]


def test_minutes_discussion_section_holds_proposals_and_conclusion_section_directives():
    text = (
        "BIÊN BẢN\nHôm nay, ngày 07/4/2025, Ban Thường trực Ủy ban MTTQ Việt Nam xã tổ chức hội nghị giao ban quý I "
        "năm 2025.\n2. Ý kiến thảo luận\n"
        "- Ông Trần Văn Lực, Trưởng Ban Công tác Mặt trận thôn Đông: đề nghị xã hỗ trợ kinh phí sửa nhà văn hóa.\n"
        "3. Kết luận của chủ trì\nÔng Nguyễn Văn Hùng ghi nhận ý kiến của các đại biểu và kết luận:\n"
        "- Hoàn thành việc rà soát hộ nghèo trước ngày 30/4/2025;\n"
    )
    record = extract(text)
    assert [d["text"] for d in record["directives"]] == ["Hoàn thành việc rà soát hộ nghèo trước ngày 30/4/2025"]
    assert "Trần Văn Lực" not in [c["name"] for c in record["meeting"]["chairs"]]


def test_speaker_replying_to_a_proposal_is_no_directive():
    text = LEAD_CHAIR + (
        "Đồng chí Lê Thị Minh đề nghị Hội Người cao tuổi tỉnh tiếp tục hướng dẫn các cấp Hội giám sát chính sách. "
        "Về kiến nghị của Hội, ông Minh cho biết Ban Thường trực sẽ xem xét, báo cáo Thường trực Tỉnh ủy.\n"
    )
    assert [d["text"] for d in _dirs(text)] == ["tiếp tục hướng dẫn các cấp Hội giám sát chính sách"]


def test_ordinal_list_connectors_are_stripped_and_bare_chi_dao_is_a_task():
    text = LEAD_CHAIR + (
        "Đồng chí Lê Thị Minh đề nghị Ủy ban MTTQ xã tập trung: Một là, tiếp tục đổi mới phương thức hoạt động. "
        "Hai là, chỉ đạo Ban Công tác Mặt trận các thôn chuẩn bị Ngày hội Đại đoàn kết.\n"
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == [
        "tiếp tục đổi mới phương thức hoạt động",
        "chỉ đạo Ban Công tác Mặt trận các thôn chuẩn bị Ngày hội Đại đoàn kết",
    ]
    assert all(d["assignees"] == ["Ủy ban MTTQ xã"] for d in dirs)


def test_body_opening_a_sentence_is_inherited_by_its_later_pieces_only():
    text = LEAD_CHAIR + (
        "Đồng chí Lê Thị Minh yêu cầu các chi, đảng bộ cơ sở xây dựng kế hoạch thực hiện; tổ chức quán triệt đến "
        "đảng viên. Ủy ban MTTQ và các đoàn thể huyện lồng ghép nội dung vào sinh hoạt; phát huy vai trò giám sát "
        "của Nhân dân.\n"
    )
    assert [d["assignees"] for d in _dirs(text)] == [
        ["các chi, đảng bộ cơ sở"],
        ["các chi, đảng bộ cơ sở"],
        ["Ủy ban MTTQ", "các đoàn thể huyện"],
        ["Ủy ban MTTQ", "các đoàn thể huyện"],
    ]


def test_time_phrase_after_the_lead_in_bodies_is_not_an_assignee():
    text = LEAD_CHAIR + (
        "Đồng chí yêu cầu MTTQ và các đoàn thể huyện trong 6 tháng cuối năm cần tập trung:\n"
        "- Tổ chức thành công Đại hội MTTQ huyện trong tháng 8/2024;\n"
    )
    (d,) = _dirs(text)
    assert d["assignees"] == ["MTTQ", "các đoàn thể huyện"]
    assert d["deadline"] == "2024-08"


def test_comma_group_heading_names_the_body_and_is_stripped():
    text = LEAD_CHAIR + (
        "Đồng chí Lê Thị Minh yêu cầu các cơ sở Hội tập trung: hướng dẫn chi hội sinh hoạt chuyên đề. "
        "Đối với Hội LHPN xã Tùng Ảnh, sớm kiện toàn Ban Chấp hành nhiệm kỳ 2021 - 2026.\n"
    )
    dirs = _dirs(text)
    assert dirs[0]["assignees"] == ["các cơ sở Hội"]
    assert dirs[1]["text"] == "sớm kiện toàn Ban Chấp hành nhiệm kỳ 2021 - 2026"
    assert dirs[1]["assignees"] == ["Hội LHPN xã Tùng Ảnh"]


def test_to_chuc_after_a_body_is_its_action_but_not_inside_a_name():
    text = LEAD_CHAIR + (
        "Đồng chí Lê Thị Minh đề nghị các đoàn thể tập trung:\n"
        "- Tỉnh Đoàn tổ chức Chiến dịch Thanh niên tình nguyện hè;\n"
        "- Ban Tổ chức Huyện ủy tham mưu kiện toàn cán bộ.\n"
    )
    assert [d["assignees"] for d in _dirs(text)] == [["Tỉnh Đoàn"], ["Ban Tổ chức Huyện ủy"]]


def test_short_numbered_task_starting_with_a_verb_is_not_a_section_heading():
    text = LEAD_CHAIR + (
        "Đồng chí Lê Thị Minh kết luận như sau:\n1. Đánh giá, rút kinh nghiệm việc tổ chức Đại hội\n"
        "2. Tiếp tục rà soát hộ nghèo trong quý IV năm 2021.\n"
    )
    assert [d["text"] for d in _dirs(text)] == [
        "Đánh giá, rút kinh nghiệm việc tổ chức Đại hội",
        "Tiếp tục rà soát hộ nghèo trong quý IV năm 2021",
    ]


def test_de_ra_closing_a_noun_phrase_does_not_open_the_directive_part():
    text = (
        "Ngày 10/10, Ban Thường vụ Hội CCB huyện tổ chức hội nghị giao ban quý III năm 2023.\n"
        "Trong quý III/2023, Hội CCB huyện đã bám sát sự lãnh đạo của Huyện ủy, thực hiện các nhiệm vụ theo "
        "chương trình công tác đề ra. Các cấp Hội tiếp tục quán triệt, triển khai Chỉ thị; duy trì tốt hoạt "
        "động của 47 câu lạc bộ. Công tác phát triển hội viên được quan tâm, trong quý kết nạp mới 36 hội viên.\n"
    )
    assert _dirs(text) == []


def test_assignment_after_a_connector_opens_a_directive():
    text = (
        "Ngày 11/01/2024, Ban Thường vụ Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023.\n"
        "Đồng thời giao Ban Dân vận Huyện ủy chủ trì, phối hợp với Ủy ban MTTQ huyện tham mưu sơ kết "
        "Kết luận số 114-KL/TW trong quý II/2024.\n"
    )
    dirs = _dirs(text)
    assert [d["text"][:30] for d in dirs] == ["giao Ban Dân vận Huyện ủy chủ "]
    assert dirs[0]["lead"] == "Ban Dân vận Huyện ủy"
    assert dirs[0]["deadline"] == "2024-06"


def test_bare_period_before_the_bodies_of_a_colon_lead_in_is_skipped():
    text = (
        "Ngày 26/6, Hội LHPN huyện tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024.\n"
        "Kết luận hội nghị, bà Nguyễn Thị Thủy yêu cầu 6 tháng cuối năm 2024, Hội LHPN các xã, thị trấn cần "
        "tập trung:\n+ Tiếp tục tuyên truyền Nghị quyết đến cán bộ, hội viên.\n+ Rà soát số hộ phụ nữ nghèo.\n"
    )
    dirs = _dirs(text)
    assert len(dirs) == 2
    assert all(d["assignees"] == ["Hội LHPN các xã, thị trấn"] for d in dirs)


def _texts_of(text):
    from giaoban.extract import extract

    return [d["text"] for d in extract(text)["directives"]]


def test_a_speaker_colon_list_without_a_direction_verb_is_the_directive_part():
    text = (
        "Ngày 5/7, Hội Nông dân huyện tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.\n"
        "Phát biểu chỉ đạo tại Hội nghị, đồng chí Phan Văn Nam - Phó Chủ tịch Hội Nông dân tỉnh đánh giá cao "
        "kết quả đạt được, đồng thời gợi mở một số nội dung để Hội Nông dân huyện tiếp tục thực hiện: "
        "tuyên truyền phòng, chống dịch tả lợn Châu Phi; vận động hội viên sử dụng hiệu quả vốn vay."
    )
    assert _texts_of(text) == [
        "tuyên truyền phòng, chống dịch tả lợn Châu Phi",
        "vận động hội viên sử dụng hiệu quả vốn vay",
    ]


def test_a_plan_opened_by_the_next_period_is_the_directive_part():
    text = (
        "Ngày 1/11/2025, Ủy ban MTTQ phường sơ kết công tác quý III, triển khai nhiệm vụ quý IV/2025.\n"
        "Quý III/2025, Ủy ban MTTQ phường đã triển khai các nhiệm vụ trọng tâm.\n"
        "Quý IV/2025, Ủy ban MTTQ phường tiếp tục tuyên truyền, vận động Nhân dân; phối hợp tổ chức các ngày kỷ niệm."
    )
    assert _texts_of(text) == ["tiếp tục tuyên truyền, vận động Nhân dân", "phối hợp tổ chức các ngày kỷ niệm"]


def test_a_body_that_sets_out_tasks_speaks_but_a_body_that_proposes_does_not():
    text = (
        "Ngày 3/4, Hội Nông dân xã tổ chức hội nghị sơ kết quý I năm 2022.\n"
        "Hội Nông dân xã đề nghị Ủy ban MTTQ xã hỗ trợ kinh phí tổ chức hội thi.\n"
        "Tại Hội nghị sơ kết Hội Nông dân xã đề ra các nội dung trong quý II năm 2022, trọng tâm: "
        "tiếp tục đổi mới nội dung sinh hoạt Hội; chuẩn bị tốt tham gia Hội thi nhà nông đua tài."
    )
    assert _texts_of(text) == [
        "tiếp tục đổi mới nội dung sinh hoạt Hội",
        "chuẩn bị tốt tham gia Hội thi nhà nông đua tài",
    ]


def test_presenting_documents_and_direction_as_a_noun_are_not_directions():
    text = (
        "Chiều 2/10/2025, Ban Thường vụ Đảng ủy xã tổ chức hội nghị đánh giá kết quả 9 tháng đầu năm 2025; "
        "đồng thời triển khai, quán triệt một số văn bản quan trọng của Trung ương.\n"
        "Đảng ủy xã đã xây dựng các văn bản chỉ đạo Đại hội, tăng cường kiểm tra cơ sở."
    )
    assert _texts_of(text) == []


def test_a_notice_line_keeps_its_details_in_one_directive_with_lead_and_deadline():
    from giaoban.extract import extract

    text = (
        "Kết luận của đồng chí Đinh Văn Chính, Phó Bí thư Huyện ủy tại hội nghị giao ban quý I năm 2027\n"
        "Đồng chí Đinh Văn Chính kết luận như sau:\n"
        "1. Đối với Hội Nông dân huyện:\n"
        "- Tổ chức hội thi nhà nông đua tài cấp huyện (phối hợp: Ban Dân vận Huyện ủy, Hội Liên hiệp Phụ nữ "
        "huyện; thời hạn: trong tháng 8/2027)."
    )
    assert extract(text)["directives"] == [
        {
            "text": "Tổ chức hội thi nhà nông đua tài cấp huyện",
            "assignees": ["Hội Nông dân huyện", "Ban Dân vận Huyện ủy", "Hội Liên hiệp Phụ nữ huyện"],
            "lead": "Hội Nông dân huyện",
            "deadline": "2027-08",
            "places": [],
        }
    ]


def test_an_adopted_plan_lists_its_tasks_after_nhu_or_trong_do():
    text = (
        "Ngày 20/12/2025, Hội Nông dân xã tổ chức hội nghị tổng kết năm 2025.\n"
        "Hội nghị đã nhất trí thông qua phương hướng, nhiệm vụ năm 2026 với các mục tiêu trọng tâm, như tăng "
        "cường đoàn kết nội bộ, phát triển hội viên mới.\n"
        "Hội nông dân xã đã thông qua chương trình công tác năm 2026 với 07 nhiệm vụ trọng tâm. Trong đó: "
        "phấn đấu kết nạp mới 20 hội viên trở lên; xây dựng ít nhất 01 mô hình phát triển kinh tế."
    )
    assert _texts_of(text) == [
        "tăng cường đoàn kết nội bộ, phát triển hội viên mới",
        "phấn đấu kết nạp mới 20 hội viên trở lên",
        "xây dựng ít nhất 01 mô hình phát triển kinh tế",
    ]


def test_the_meetings_agenda_and_a_list_of_documents_are_not_directives():
    text = (
        "Sáng ngày 18/7/2025, Hội LHPN thành phố tổ chức hội nghị giao ban công tác Hội.\n"
        "Phát biểu chỉ đạo Hội nghị, đồng chí Lê Kim Anh nhấn mạnh Hội nghị tập trung vào một số nội dung như: "
        "đánh giá một số kết quả bước đầu; những khó khăn, vướng mắc cụ thể.\n"
        "- Các ấp tập trung chỉ đạo thực hiện tốt Nghị quyết số 03-NQ/HU của Huyện ủy; Nghị quyết số 02-NQ/ĐU "
        "của Đảng ủy xã."
    )
    assert _texts_of(text) == []


def test_a_colon_that_runs_the_sentence_on_keeps_the_action():
    text = (
        "Ngày 9-7, Ban Tuyên giáo Trung ương tổ chức Hội nghị báo cáo viên tháng 7-2020.\n"
        "Phát biểu, lãnh đạo Ban Tuyên giáo Trung ương đề nghị Ban Tuyên giáo các tỉnh tiếp tục quan tâm tuyên "
        "truyền về: kết quả đại hội Đảng các cấp."
    )
    assert _texts_of(text) == ["tiếp tục quan tâm tuyên truyền về: kết quả đại hội Đảng các cấp"]


def test_a_notice_deadline_that_names_only_a_year():
    from giaoban.extract import extract

    text = (
        "Kết luận của đồng chí Đinh Văn Chính tại hội nghị giao ban quý I năm 2027\n"
        "Đồng chí Đinh Văn Chính kết luận như sau:\n"
        "1. Đối với Hội Nông dân huyện:\n"
        "- Tổng kết mô hình dân vận khéo (thời hạn: năm 2027)."
    )
    assert [(d["text"], d["deadline"]) for d in extract(text)["directives"]] == [
        ("Tổng kết mô hình dân vận khéo", "2027")
    ]


def test_the_directive_part_goes_on_through_a_paragraph_that_opens_with_a_body_and_its_task():
    text = (
        "Ngày 5/7, Hội Nông dân huyện tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.\n"
        "Kết luận hội nghị, đồng chí Phan Văn Nam đề nghị các cấp Hội tập trung tuyên truyền chuyển đổi số.\n"
        "Hội Nông dân các xã tiếp tục vận động hội viên tham gia bảo hiểm y tế.\n"
        "Hội Nông dân xã Hồ Sơn đã tổ chức 12 lớp tập huấn."
    )
    assert _texts_of(text) == [
        "tập trung tuyên truyền chuyển đổi số",
        "Hội Nông dân các xã tiếp tục vận động hội viên tham gia bảo hiểm y tế",
    ]


def test_agreeing_to_adopt_documents_is_no_direction_but_a_call_is():
    text = (
        "Ngày 10/12/2018, Ủy ban MTTQ huyện tổ chức hội nghị tổng kết năm 2018.\n"
        "Hội nghị thống nhất thông qua dự thảo báo cáo tổng kết công tác Mặt trận.\n"
        "Đồng chí Chủ tịch kêu gọi các tầng lớp Nhân dân tích cực ủng hộ Quỹ Vì người nghèo."
    )
    # Those called on are the lead-in, stripped and kept as the assignees.
    assert _texts_of(text) == ["tích cực ủng hộ Quỹ Vì người nghèo"]
    assert _dirs(text)[0]["assignees"] == ["các tầng lớp Nhân dân"]


def test_bodies_with_a_vowel_typo_or_in_lower_case_are_assignees():
    from giaoban.extract import extract

    text = (
        "Ngày 5/7, Ủy ban MTTQ huyện tổ chức hội nghị giao ban quý II năm 2024.\n"
        "Kết luận hội nghị, đồng chí Lê Văn Nam đề nghị:\n"
        "- Ủy ban Mật trận Tổ quốc các xã tăng cường giám sát;\n"
        "- ban chấp hành công đoàn cơ sở chăm lo đời sống đoàn viên;\n"
        "- các cấp Đoàn tổ chức ra quân tình nguyện."
    )
    assert [d["assignees"] for d in extract(text)["directives"]] == [
        ["Ủy ban Mật trận Tổ quốc các xã"],
        ["ban chấp hành công đoàn cơ sở"],
        ["các cấp Đoàn"],
    ]


def test_a_sentence_inside_the_part_strips_its_own_lead_in_and_a_reported_act_is_left_out():
    text = (
        "Sáng 24/8/2023, Liên đoàn Lao động huyện tổ chức hội nghị Ban Chấp hành lần thứ 2.\n"
        "Phát biểu kết luận, đồng chí Chủ tịch đề nghị các công đoàn cơ sở phát huy tinh thần trách nhiệm. "
        "Bên cạnh đó hội nghị cũng đã đánh giá kết quả hoạt động 8 tháng đầu năm. "
        "Đồng chí chủ tọa cũng nhấn mạnh, đề nghị các đơn vị chú trọng công tác tuyên truyền."
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == ["phát huy tinh thần trách nhiệm", "chú trọng công tác tuyên truyền"]
    assert [d["assignees"] for d in dirs] == [["các công đoàn cơ sở"], ["các đơn vị"]]


def test_a_task_sentence_with_a_noun_de_nghi_keeps_its_words():
    text = (
        "Ngày 10/1/2023, Ủy ban MTTQ huyện tổ chức hội nghị tổng kết năm 2022.\n"
        "Phát biểu chỉ đạo, đồng chí Bí thư đề nghị Ủy ban MTTQ huyện tập trung thực hiện tốt các nhiệm vụ: "
        "Tiếp tục đổi mới nội dung hoạt động. Chỉ đạo Ban Thường trực Ủy ban MTTQ các xã hoàn thiện hồ sơ đề nghị "
        "công nhận khu dân cư kiểu mẫu trong quý I/2023."
    )
    texts = [d["text"] for d in _dirs(text)]
    assert texts[-1].startswith("Chỉ đạo Ban Thường trực Ủy ban MTTQ các xã hoàn thiện hồ sơ đề nghị")


def test_the_bodies_a_speaker_turns_to_are_the_assignees():
    text = (
        "Ngày 5/11/2025, Đảng ủy phường tổ chức hội nghị giao ban tháng 10.\n"
        "Đối với các chi bộ tổ dân phố, đồng chí yêu cầu phối hợp vận động Nhân dân giữ gìn trật tự đô thị; "
        "tổ chức tốt Ngày hội Đại đoàn kết toàn dân tộc."
    )
    assert [d["assignees"] for d in _dirs(text)] == [["các chi bộ tổ dân phố"], ["các chi bộ tổ dân phố"]]


CAPTIONED = (
    "Sáng 12/7/2023, Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị giao ban công tác Mặt trận quý II năm 2023.\n"
    "Kết luận hội nghị, đồng chí Nguyễn Văn An, Chủ tịch Ủy ban MTTQ Việt Nam huyện đề nghị Ban Thường trực "
    "Ủy ban MTTQ các xã tiếp tục nắm tình hình Nhân dân.\n"
    "Đồng chí Nguyễn Văn An phát biểu kết luận hội nghị\n"
    "Về công tác tuyên truyền, cần đổi mới hình thức, nội dung phù hợp với từng đối tượng.\n"
    "Đối với công tác giám sát, các xã chủ động xây dựng kế hoạch giám sát.\n"
    "Hà Linh (Trung tâm Văn hóa huyện)\n"
    "Đánh giá cao kết quả của các xã trong năm qua.\n"
)


def test_a_caption_inside_the_part_neither_belongs_to_it_nor_ends_it_and_a_byline_ends_it():
    dirs = _dirs(CAPTIONED)
    assert [d["text"] for d in dirs] == [
        "tiếp tục nắm tình hình Nhân dân",
        "Về công tác tuyên truyền, cần đổi mới hình thức, nội dung phù hợp với từng đối tượng",
        "Đối với công tác giám sát, các xã chủ động xây dựng kế hoạch giám sát",
    ]
    # A body after the topic phrase is the piece's own; the other inherits the lead-in's.
    assert [d["assignees"] for d in dirs][1:] == [["Ban Thường trực Ủy ban MTTQ các xã"], ["các xã"]]


def test_a_paragraph_opened_by_a_period_ahead_sets_out_the_plan_and_names_the_next_period():
    text = (
        "Hội Cựu chiến binh tỉnh sơ kết công tác.\n"
        "6 tháng đầu năm, các cấp Hội đã trao tặng trên 2.500 suất quà cho hội viên khó khăn.\n"
        "6 tháng cuối năm, Hội Cựu chiến binh tỉnh tiếp tục đẩy mạnh các phong trào thi đua."
    )
    record = extract(text)
    assert [d["text"] for d in record["directives"]] == ["tiếp tục đẩy mạnh các phong trào thi đua"]
    assert record["meeting"]["next_period"] == {"type": "half", "year": None, "number": 2}


def test_a_period_already_under_review_opens_no_plan():
    text = (
        "Ngày 20/12/2025, Hội Chiến sĩ tỉnh tổng kết công tác năm 2025.\n"
        "Năm 2025, Hội tiếp tục vận động cán bộ, hội viên chấp hành tốt chủ trương của Đảng.\n"
        "Về phương hướng, nhiệm vụ năm 2026, Hội tiếp tục động viên hội viên tham gia xây dựng quê hương."
    )
    record = extract(text)
    assert [d["text"] for d in record["directives"]] == ["tiếp tục động viên hội viên tham gia xây dựng quê hương"]
    assert record["meeting"]["next_period"] == {"type": "year", "year": 2026, "number": None}


def test_a_meeting_that_sets_out_the_next_period_lists_its_tasks_without_a_direction_verb():
    text = (
        "Ngày 10/7/2023, Liên đoàn Lao động quận tổ chức hội nghị sơ kết 6 tháng đầu năm.\n"
        "Hội nghị triển khai nhiệm vụ 6 tháng cuối năm, tập trung chỉ đạo các công đoàn cơ sở tổ chức Đại hội; "
        "đẩy mạnh công tác phát triển đoàn viên."
    )
    assert [d["text"] for d in _dirs(text)] == [
        "tập trung chỉ đạo các công đoàn cơ sở tổ chức Đại hội",
        "đẩy mạnh công tác phát triển đoàn viên",
    ]


def test_mong_muon_directs_only_when_it_names_who_is_to_act():
    text = (
        "Ngày 5/3/2024, Huyện ủy làm việc với Hội Nông dân huyện.\n"
        "Bí thư Huyện ủy mong muốn trong thời gian tới, Hội Nông dân huyện tiếp tục phát huy những thành tích "
        "đạt được. Ông cũng mong muốn được gặp lại các hội viên vào dịp Tết."
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == ["tiếp tục phát huy những thành tích đạt được"]
    assert dirs[0]["assignees"] == ["Hội Nông dân huyện"]


def test_a_body_that_xac_dinh_its_tasks_lists_them_and_is_their_assignee():
    text = (
        "Ngày 3/7/2018, Hội Cựu thanh niên xung phong tỉnh tổ chức hội nghị sơ kết 6 tháng đầu năm 2018.\n"
        "Về chương trình công tác 6 tháng cuối năm, các cấp Hội trong tỉnh xác định: Tiếp tục đổi mới nội dung "
        "sinh hoạt; củng cố tổ chức hội vững mạnh.\nCác cấp Hội xác định rõ nguyên nhân của hạn chế."
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == ["Tiếp tục đổi mới nội dung sinh hoạt", "củng cố tổ chức hội vững mạnh"]
    assert all(d["assignees"] == ["các cấp Hội trong tỉnh"] for d in dirs)


def test_quan_triet_opens_a_list_of_tasks_further_on_but_not_a_list_of_documents():
    tasks = (
        "Ngày 28/9/2017, Ban Thường trực Ủy ban MTTQ tỉnh tổ chức hội nghị giao ban quý III.\n"
        "Kết thúc hội nghị, đồng chí Chủ tịch quán triệt các nhiệm vụ trọng tâm Ban Thường trực Ủy ban MTTQ các "
        "huyện tổ chức thực hiện trong quý IV: Tập trung vận động ủng hộ Quỹ Vì người nghèo; hướng dẫn tổ chức "
        "Ngày hội Đại đoàn kết."
    )
    dirs = _dirs(tasks)
    assert [d["text"] for d in dirs] == [
        "Tập trung vận động ủng hộ Quỹ Vì người nghèo",
        "hướng dẫn tổ chức Ngày hội Đại đoàn kết",
    ]
    assert dirs[0]["assignees"] == ["Ban Thường trực Ủy ban MTTQ các huyện"]
    documents = (
        "Ngày 28/9/2017, Ban Thường trực Ủy ban MTTQ tỉnh tổ chức hội nghị.\n"
        "Hội nghị đã quán triệt nội dung các văn bản: Nghị quyết số 25-NQ/TW; Chỉ thị số 18-CT/TW."
    )
    assert _dirs(documents) == []


def test_what_a_body_se_do_is_a_list_of_tasks():
    text = (
        "Ngày 10/1/2024, Hội LHPN huyện tổ chức hội nghị giao ban tháng 01/2024.\n"
        "Theo đó, Hội LHPN huyện và cơ sở sẽ phân công cán bộ tham gia các nội dung chủ yếu: công tác tuyên truyền "
        "ý nghĩa Tết Quân – Dân; gói 800 đòn bánh tét hỗ trợ bà con."
    )
    assert [d["text"] for d in _dirs(text)] == [
        "công tác tuyên truyền ý nghĩa Tết Quân – Dân",
        "gói 800 đòn bánh tét hỗ trợ bà con",
    ]


def test_bodies_given_a_task_are_its_assignees_and_a_period_without_comma_is_part_of_the_lead_in():
    text = (
        "Ngày 10/7/2014, Đảng ủy xã làm việc với Mặt trận và các đoàn thể xã.\n"
        "Đồng chí Bí thư nhấn mạnh trong 6 tháng cuối năm 2014 Mặt trận và các đoàn thể cần tập trung củng cố "
        "các chi, tổ hội; Giao MTTQ và các đoàn thể tiếp tục tuyên truyền vận động đoàn viên, hội viên."
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs][0] == "cần tập trung củng cố các chi, tổ hội"
    assert [d["assignees"] for d in dirs] == [["Mặt trận", "các đoàn thể"], ["MTTQ", "các đoàn thể"]]
    assert [d["deadline"] for d in dirs] == [None, None] and [d["lead"] for d in dirs] == [None, None]


def test_acknowledging_results_announcing_the_list_and_a_notices_closing_formula_direct_nothing():
    text = (
        "Ngày 05/4/2022, Huyện ủy tổ chức hội nghị giao ban quý I năm 2022.\n"
        "Đồng chí Phó Bí thư kết luận như sau:\n"
        "Ghi nhận đánh giá những kết quả MTTQ và các đoàn thể đã thực hiện trong quý I; đồng thời chỉ đạo các "
        "nhiệm vụ cần tổ chức, thực hiện tốt trong quý II.\n"
        "- Cần rà soát và ban hành các văn bản, kế hoạch năm 2022.\n"
        "Ban Thường vụ Huyện ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.\n"
    )
    assert [d["text"] for d in _dirs(text)] == ["Cần rà soát và ban hành các văn bản, kế hoạch năm 2022"]


def test_what_the_meeting_has_agreed_lists_its_tasks_and_a_plan_action_opening_a_list_gives_the_list():
    agreed = (
        "Ngày 3/10/2023, Đảng ủy xã tổ chức hội nghị giao ban quý III năm 2023.\n"
        "Hội nghị đã thống nhất các nhiệm vụ trọng tâm trong quý IV như sau: (1) Tập trung thu hoạch lúa mùa; "
        "(2) Tổ chức tốt Ngày hội Đại đoàn kết."
    )
    record = extract(agreed)
    assert [d["text"] for d in record["directives"]] == [
        "Tập trung thu hoạch lúa mùa",
        "Tổ chức tốt Ngày hội Đại đoàn kết",
    ]
    assert record["meeting"]["next_period"] == {"type": "quarter", "year": 2023, "number": 4}
    listed = (
        "Ngày 20/6/2022, Ban Thường trực Ủy ban MTTQ huyện tổ chức hội nghị giao ban quý II năm 2022.\n"
        "Theo đó, trong quý III, Ủy ban MTTQ các xã tập trung thực hiện: vận động Quỹ Vì người nghèo; giám sát "
        "việc thực hiện chính sách an sinh xã hội."
    )
    dirs = _dirs(listed)
    assert [d["text"] for d in dirs] == [
        "vận động Quỹ Vì người nghèo",
        "giám sát việc thực hiện chính sách an sinh xã hội",
    ]
    assert all(d["assignees"] == ["Ủy ban MTTQ các xã"] for d in dirs)


def test_a_quoted_direction_attributed_afterwards_gives_its_sentences_and_those_after_the_attribution():
    text = (
        "Tin tức\n"
        "“Các xã phải tổ chức giao ban thường xuyên trong Thường trực Đảng ủy. Chủ tịch UBND phải báo cáo đầy đủ "
        "công việc cho Bí thư” - đó là chỉ đạo của Bí thư Tỉnh ủy Hồ Văn Dũng tại hội nghị giao ban ngày 24/9/2025. "
        "Ông nhấn mạnh, không để tồn tại tình trạng rời rạc trong lãnh đạo ở cơ sở."
    )
    assert [d["text"] for d in _dirs(text)] == [
        "Các xã phải tổ chức giao ban thường xuyên trong Thường trực Đảng ủy",
        "Chủ tịch UBND phải báo cáo đầy đủ công việc cho Bí thư",
        "không để tồn tại tình trạng rời rạc trong lãnh đạo ở cơ sở",
    ]
    assert [c["name"] for c in extract(text)["meeting"]["chairs"]] == ["Hồ Văn Dũng"]


def test_a_period_ahead_opens_a_list_announced_at_the_end_of_its_paragraph():
    text = (
        "Ngày 15/7/2022, Ban Chấp hành Hội Nông dân tỉnh tổ chức hội nghị sơ kết công tác Hội 6 tháng đầu năm.\n"
        "Trong 6 tháng cuối năm, các cấp Hội tập trung thực hiện tốt các nhiệm vụ trọng tâm sau:\n"
        "- Tiếp tục đổi mới nội dung, phương thức hoạt động của Hội.\n"
        "- Phấn đấu kết nạp mới 1.500 hội viên.\n"
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == [
        "Tiếp tục đổi mới nội dung, phương thức hoạt động của Hội",
        "Phấn đấu kết nạp mới 1.500 hội viên",
    ]
    assert all(d["assignees"] == ["các cấp Hội"] for d in dirs)


def test_the_meeting_goes_on_speaking_after_dong_thoi_mid_sentence():
    text = (
        "Sáng ngày 08/7/2019, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2019.\n"
        "Hội nghị đánh giá cao công tác thi đua của Khối trong 6 tháng đầu năm, đồng thời đề nghị các đơn vị tiếp tục "
        "hoàn thành tốt các tiêu chí đăng ký thi đua; phối hợp thực hiện Năm dân vận chính quyền 2019.\n"
    )
    directives = extract(text)["directives"]
    assert [d["text"] for d in directives] == [
        "tiếp tục hoàn thành tốt các tiêu chí đăng ký thi đua",
        "phối hợp thực hiện Năm dân vận chính quyền 2019",
    ]
    assert directives[0]["assignees"] == ["các đơn vị"]


def test_a_plan_opened_by_a_period_ahead_after_a_grounds_clause_goes_on_over_the_next_paragraphs():
    text = (
        "Chiều 6/7, Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị đánh giá kết quả công tác Mặt trận 6 tháng đầu năm "
        "2020, triển khai nhiệm vụ 6 tháng cuối năm 2020.\n"
        "Phát huy những kết quả đạt được, 6 tháng cuối năm 2020, MTTQ các cấp trong tỉnh chủ động đổi mới nội dung "
        "và phương thức hoạt động.\n"
        "Tiếp tục đẩy mạnh tuyên truyền về đường lối, chủ trương của Đảng.\n"
    )
    assert [d["text"] for d in _dirs(text)] == [
        "chủ động đổi mới nội dung và phương thức hoạt động",
        "Tiếp tục đẩy mạnh tuyên truyền về đường lối, chủ trương của Đảng",
    ]


def test_what_a_body_determines_it_will_do_lists_its_tasks():
    text = (
        "Ngày 10/7/2020, Ủy ban MTTQ huyện tổ chức hội nghị sơ kết công tác Mặt trận 6 tháng đầu năm 2020.\n"
        "Theo đó, UBMTTQVN huyện Tịnh Biên xác định sẽ tập trung thực hiện vận động nhân dân thi đua lao động; "
        "tổ chức tiếp xúc cử tri của Đại biểu Quốc hội.\n"
    )
    directives = extract(text)["directives"]
    assert [d["text"] for d in directives] == [
        "tập trung thực hiện vận động nhân dân thi đua lao động",
        "tổ chức tiếp xúc cử tri của Đại biểu Quốc hội",
    ]
    assert directives[0]["assignees"] == ["UBMTTQVN huyện Tịnh Biên"]


def test_a_term_ahead_opens_the_congress_s_plan():
    text = (
        "Trong 2 ngày 26 và 27-6, Hội Nông dân huyện tổ chức Đại hội Đại biểu lần thứ III, nhiệm kỳ 2018-2023.\n"
        "Trong nhiệm kỳ tới, Hội Nông dân huyện tiếp tục thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ huyện. "
        "Phấn đấu có 100% cán bộ, hội viên được quán triệt các chủ trương; phát triển từ 1.000 đến 1.200 hội viên.\n"
    )
    assert [d["text"] for d in _dirs(text)] == [
        "tiếp tục thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ huyện",
        "Phấn đấu có 100% cán bộ, hội viên được quán triệt các chủ trương",
        "phát triển từ 1.000 đến 1.200 hội viên",
    ]


def test_attendance_a_meeting_s_purpose_and_a_statement_are_no_directions():
    text = (
        "Chiều ngày 04/08/2025, Ban Thường vụ Đảng ủy xã tổ chức hội nghị mở rộng nhằm kiểm tra tiến độ, rà soát "
        "công tác chuẩn bị và thống nhất các nội dung liên quan đến việc tổ chức Đại hội. Tham dự hội nghị có các "
        "đồng chí trong Ban Thường vụ Đảng ủy.\n"
        "Các đồng chí Bí thư Tỉnh ủy dự và chỉ đạo hội nghị; Nguyễn Văn An, Trưởng Ban Dân vận Tỉnh ủy dự hội nghị.\n"
        "Tại hội nghị, đồng chí Bí thư Đảng ủy đã quán triệt mục đích, yêu cầu của hội nghị và khẳng định: Đại hội là "
        "sự kiện chính trị quan trọng của xã.\n"
    )
    assert [d["text"] for d in _dirs(text)] == []


def test_a_plan_presented_goes_on_in_the_paragraph_that_opens_with_theo_do():
    text = (
        "Chiều 15/12, Ban Chấp hành Trung ương Hội tổ chức hội nghị tổng kết công tác Hội năm 2025.\n"
        "Tại Hội nghị, Phó Chủ tịch Thường trực Hội trình bày dự thảo Kế hoạch triển khai nhiệm vụ năm 2026.\n"
        "Theo đó, Hội tập trung triển khai thực hiện hiệu quả chủ đề công tác năm 2026.\n"
    )
    directives = _dirs(text)
    assert [d["text"] for d in directives] == ["Hội tập trung triển khai thực hiện hiệu quả chủ đề công tác năm 2026"]
    assert directives[0]["assignees"] == ["Hội"]


def test_what_a_body_needs_to_do_in_a_period_is_a_plan_whatever_the_period():
    text = (
        "Ngày 09/01/2020, Ủy ban MTTQ Việt Nam quận tổ chức hội nghị phát động thi đua năm 2020.\n"
        "Tại hội nghị, đồng chí Chủ tịch đã phát động 9 nội dung thi đua. Trong năm 2020, MTTQ và các tổ chức thành "
        "viên cần chú trọng đổi mới, nâng cao chất lượng hoạt động; tổ chức tốt các phong trào thi đua yêu nước.\n"
    )
    record = extract(text)
    assert [d["text"] for d in record["directives"]] == [
        "cần chú trọng đổi mới, nâng cao chất lượng hoạt động",
        "tổ chức tốt các phong trào thi đua yêu nước",
    ]
    # A year that has only begun is being planned, not reviewed.
    assert record["meeting"]["period"] is None
    assert record["meeting"]["next_period"] == {"type": "year", "year": 2020, "number": None}


def test_an_agenda_after_a_colon_is_no_direction():
    text = (
        "Sáng ngày 14/3/2019, Ban Thường trực Ủy ban MTTQ quận tổ chức hội nghị với các nội dung: báo cáo các nội "
        "dung chuẩn bị Đại hội, thống nhất Chương trình Đại hội, danh sách nhân sự. Dự hội nghị có các đồng chí: "
        "Phương Kiến Quốc - Phó bí thư Thường trực; Nguyễn Thị Thanh - Chủ tịch Ủy ban MTTQ quận.\n"
    )
    assert _dirs(text) == []


def test_a_report_after_cho_biet_and_a_theme_after_chu_de_are_no_tasks():
    text = (
        "Ngày 10/12/2025, Hội LHPN phường tổ chức hội nghị tổng kết công tác Hội năm 2025.\n"
        "Phát biểu tại hội nghị, bà Chủ tịch Hội LHPN phường cho biết: trong năm 2025, Hội đã tập trung triển khai "
        "chủ đề năm. Các hoạt động Hội không ngừng đổi mới nội dung; tích cực tham gia xây dựng Đảng.\n"
        "Tại hội nghị, các đại biểu đã thống nhất phương hướng hoạt động năm 2026 với chủ đề: “Đổi mới, sáng tạo, "
        "cụ thể hóa đưa Nghị quyết vào cuộc sống”.\n"
    )
    assert _dirs(text) == []


def test_the_speech_is_no_direction_but_its_verb_is_and_a_report_after_a_colon_is_none():
    speech = (
        "Phát biểu chỉ đạo tại Đại hội đại biểu MTTQ tỉnh lần thứ XI, nhiệm kỳ 2024 - 2029, Phó Chủ tịch Ủy ban "
        "Trung ương MTTQ Việt Nam Nguyễn Hữu Dũng đề nghị MTTQ tỉnh phải chủ động phối hợp với chính quyền.\n"
    )
    assert [(d["text"], d["assignees"]) for d in _dirs(speech)] == [
        ("phải chủ động phối hợp với chính quyền", ["MTTQ tỉnh"])
    ]
    verb = (
        "Tại Hội nghị tổng kết năm 2023, ông Phó Bí thư Thường trực Huyện ủy đã phát biểu chỉ đạo Hội Cựu chiến binh "
        "huyện tiếp tục phát huy những kết quả đã đạt được trong năm 2023.\n"
    )
    assert [d["assignees"] for d in _dirs(verb)] == [["Hội Cựu chiến binh huyện"]]
    report = (
        "Ngày 5/9/2025, Ban Thường vụ Đảng ủy xã tổ chức hội nghị giao ban tháng 8 năm 2025.\n"
        "Phát biểu khai mạc, đồng chí Bí thư Đảng ủy nhấn mạnh: Trong tháng 8, toàn hệ thống chính trị xã đã nỗ lực "
        "triển khai đồng bộ nhiều nhiệm vụ. Kinh tế - xã hội ổn định và phát triển; thu ngân sách đạt 1,4 tỷ đồng.\n"
    )
    assert _dirs(report) == []


def test_a_plan_goes_on_after_trong_thoi_gian_toi_and_after_theo_do_following_an_adopted_plan():
    ahead = (
        "Chiều 16/7/2025, Hội LHPN xã tổ chức hội nghị sơ kết công tác hội 6 tháng đầu năm 2025.\n"
        "Trong thời gian tới, Hội tiếp tục đẩy mạnh tuyên truyền các phong trào thi đua; thực hiện hiệu quả phong "
        "trào xây dựng người phụ nữ Việt Nam thời đại mới.\n"
    )
    assert [d["text"] for d in _dirs(ahead)] == [
        "tiếp tục đẩy mạnh tuyên truyền các phong trào thi đua",
        "thực hiện hiệu quả phong trào xây dựng người phụ nữ Việt Nam thời đại mới",
    ]
    adopted = (
        "Đoàn xã vừa tổ chức Đại hội đại biểu Đoàn Thanh niên lần thứ XXVI, nhiệm kỳ 2017-2022.\n"
        "Đại hội thông qua các chỉ tiêu cơ bản của công tác Đoàn nhiệm kỳ mới. Theo đó, phấn đấu mỗi năm kết nạp "
        "từ 25-35 đoàn viên; đảm nhận từ 1-2 công trình cấp xã.\n"
    )
    assert [d["text"] for d in _dirs(adopted)] == [
        "phấn đấu mỗi năm kết nạp từ 25-35 đoàn viên",
        "đảm nhận từ 1-2 công trình cấp xã",
    ]


def test_a_paragraph_that_says_what_is_needed_goes_on_with_the_directions():
    text = (
        "Sáng 21/9/2018, Phó Bí thư Thường trực Tỉnh ủy có buổi làm việc với Đoàn đại biểu Liên đoàn Lao động tỉnh.\n"
        "Phó Bí thư Thường trực Tỉnh ủy yêu cầu đoàn đại biểu chấp hành nghiêm túc nội dung quy chế đại hội.\n"
        "Thông qua đại hội cần tăng cường giao lưu tuyên truyền, quảng bá hình ảnh của tỉnh.\n"
        "Đoàn đã được cấp trên giao 12 suất đại biểu.\n"
    )
    assert [d["text"] for d in _dirs(text)] == [
        "chấp hành nghiêm túc nội dung quy chế đại hội",
        "Thông qua đại hội cần tăng cường giao lưu tuyên truyền, quảng bá hình ảnh của tỉnh",
    ]


def test_plans_after_trong_do_a_part_of_the_year_ahead_and_trong_tam_la():
    adopted = (
        "Ngày 7/3/2021, Ban Chấp hành Tỉnh đoàn đã tổ chức Hội nghị thống nhất chỉ tiêu và giải pháp thực hiện "
        "Chương trình hành động.\n"
        "Hội nghị đã thông qua các chỉ tiêu chương trình hành động. Trong đó, phấn đấu 100% số cán bộ đoàn được "
        "học tập Nghị quyết; trồng mới 500.000 cây xanh.\n"
    )
    # A meeting named by what it is for ("tổ chức Hội nghị thống nhất …") directs nothing.
    assert [d["text"] for d in _dirs(adopted)] == [
        "phấn đấu 100% số cán bộ đoàn được học tập Nghị quyết",
        "trồng mới 500.000 cây xanh",
    ]
    months = (
        "Ngày 14/8/2025, Ban Thường vụ Hội Nông dân tỉnh tổ chức Hội nghị Ban Chấp hành mở rộng.\n"
        "Trong 5 tháng cuối năm 2025, Hội Nông dân tỉnh tập trung vào một số nhiệm vụ trọng tâm như: Đẩy mạnh "
        "tuyên truyền chào mừng Đại hội Đảng các cấp; tổ chức Đại hội cấp cơ sở.\n"
    )
    assert [d["text"] for d in _dirs(months)] == [
        "Đẩy mạnh tuyên truyền chào mừng Đại hội Đảng các cấp",
        "tổ chức Đại hội cấp cơ sở",
    ]
    core = (
        "Ngày 16-1-2026, Hội Cựu chiến binh thành phố tổ chức Hội nghị tổng kết công tác năm 2025.\n"
        "Năm 2026, Hội Cựu chiến binh thành phố sẽ chú trọng xây dựng hội vững mạnh.\n"
        "Trọng tâm là tiếp tục phát huy hiệu quả của mô hình Tổ nòng cốt Cựu chiến binh.\n"
    )
    assert [d["text"] for d in _dirs(core)][-1] == "tiếp tục phát huy hiệu quả của mô hình Tổ nòng cốt Cựu chiến binh"


def test_a_body_that_requires_directs_and_its_later_requests_strip_their_lead_in():
    text = (
        "Chiều 11-10, tại cuộc họp sơ kết công tác dân vận quý 3 năm 2011, Ban Dân vận Thành ủy yêu cầu trong "
        "những tháng cuối năm, hệ thống chính quyền các cấp cần tiếp tục đẩy mạnh phong trào thi đua “Dân vận "
        "khéo”; đẩy mạnh tuyên truyền, vận động các tầng lớp nhân dân.\n"
        "Từ nay đến cuối năm 2011, Ban Dân vận sẽ phối hợp với các cơ quan tham mưu tổng kết hoạt động “Năm "
        "Thanh niên 2011”. Ngoài ra, ban yêu cầu tăng cường phối hợp giữa các cơ quan trong việc nắm tình hình. "
        "Ban Dân vận Thành ủy đề nghị các ngành, địa phương nắm chắc diễn biến tâm trạng xã hội.\n"
    )
    dirs = _dirs(text)
    assert [d["text"] for d in dirs] == [
        "cần tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”",
        "đẩy mạnh tuyên truyền, vận động các tầng lớp nhân dân",
        "phối hợp với các cơ quan tham mưu tổng kết hoạt động “Năm Thanh niên 2011”",
        "tăng cường phối hợp giữa các cơ quan trong việc nắm tình hình",
        "nắm chắc diễn biến tâm trạng xã hội",
    ]
    assert dirs[0]["assignees"] == ["hệ thống chính quyền các cấp"]
    assert dirs[2]["assignees"] == ["Ban Dân vận"]
    assert dirs[4]["assignees"] == ["các ngành, địa phương"]


def test_a_plan_goes_on_after_dong_thoi_across_a_broken_line_and_ends_at_the_repeated_title():
    text = (
        "Công đoàn ngành Y tế tổ chức Đại hội lần thứ XIII, nhiệm kỳ 2018- 2023\n\n"
        "Ngày 7-12, Công đoàn ngành Y tế tổ chức Đại hội lần thứ XIII, nhiệm kỳ 2018-2023.\n\n"
        "Nhiệm kỳ 2018-2023, Công đoàn ngành Y tế phấn đấu thực hiện các chỉ tiêu: phát triển 350 đoàn viên; "
        "thành lập cơ sở ở 100% đơn vị.\n\n"
        "Đồng thời, mỗi công đoàn cơ sở giới thiệu ít nhất 1 đoàn viên ưu tú cho Đảng xem xét kết nạp; tổ chức "
        "khám và điều\n\ntrị bệnh miễn phí cho ít nhất 1.000 lượt công nhân mỗi năm.\n\n"
        "Công đoàn ngành Y tế tổ chức Đại hội lần thứ XIII, nhiệm kỳ 2018- 2023\n"
    )
    assert [d["text"] for d in _dirs(text)] == [
        "phát triển 350 đoàn viên",
        "thành lập cơ sở ở 100% đơn vị",
        "mỗi công đoàn cơ sở giới thiệu ít nhất 1 đoàn viên ưu tú cho Đảng xem xét kết nạp",
        "tổ chức khám và điều  trị bệnh miễn phí cho ít nhất 1.000 lượt công nhân mỗi năm",
    ]


def test_dong_thoi_after_the_part_does_not_carry_on_a_report():
    text = (
        "Sáng 5/4, Hội Nông dân huyện tổ chức hội nghị sơ kết quý I năm 2024.\n"
        "Hội nghị đề nghị các cơ sở Hội tiếp tục vận động hội viên tham gia sản xuất.\n"
        "Đồng thời, mỗi chi hội đã tổ chức 12 lớp tập huấn cho hội viên.\n"
    )
    assert [d["text"] for d in _dirs(text)] == ["tiếp tục vận động hội viên tham gia sản xuất"]


def test_the_part_ends_at_a_paragraph_reporting_the_period_under_review_or_an_assessment():
    text = (
        "Sáng 10/1/2019, Hội LHPN huyện tổ chức hội nghị tổng kết công tác Hội năm 2018.\n"
        "Theo đó, năm 2019, Hội LHPN huyện tiếp tục đẩy mạnh phong trào phụ nữ giúp nhau phát triển kinh tế.\n"
        "Trong năm 2018, các cấp Hội Phụ nữ huyện vận động được hơn 3,9 tấn gạo giúp phụ nữ khó khăn.\n"
    )
    assert [d["text"] for d in _dirs(text)] == ["tiếp tục đẩy mạnh phong trào phụ nữ giúp nhau phát triển kinh tế"]
    assessed = (
        "Hội nghị đề nghị các cấp Công đoàn tập trung tổ chức Đại hội Công đoàn cơ sở.\n"
        "Ban Chấp hành Liên đoàn Lao động tỉnh đánh giá, sau 5 năm thực hiện Đề án, công tác lãnh đạo, chỉ đạo "
        "thực hiện ở các cấp Công đoàn bảo đảm nguyên tắc.\n"
    )
    assert [d["text"] for d in _dirs(assessed)] == ["tập trung tổ chức Đại hội Công đoàn cơ sở"]


def test_targets_listed_after_a_colon_that_names_them_are_directives():
    text = (
        "Đại hội Chi bộ Ban Tuyên giáo và Dân vận Tỉnh uỷ lần thứ I, nhiệm kỳ 2025 - 2030\n"
        "Đại hội đã quyết nghị thông qua một số chỉ tiêu chủ yếu trong nhiệm kỳ 2025 - 2030, cụ thể:\n"
        "(1) 100% đảng viên và trên 95% quần chúng được nghiên cứu, học tập quán triệt các nghị quyết của Đảng.\n"
        "(2) Hằng năm, có 100% đảng viên hoàn thành nhiệm vụ.\n"
    )
    assert [d["text"] for d in _dirs(text)] == [
        "100% đảng viên và trên 95% quần chúng được nghiên cứu, học tập quán triệt các nghị quyết của Đảng",
        "Hằng năm, có 100% đảng viên hoàn thành nhiệm vụ",
    ]


def test_later_sentences_of_a_paragraph_that_name_no_body_belong_to_the_body_opening_it():
    text = (
        "Ông Nguyễn Thành Tốt - Chủ tịch Ủy ban MTTQ Việt Nam huyện kết luận như sau:\n"
        "- Trong tháng 6, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tiếp tục theo dõi nắm bắt dư luận xã hội. "
        "Hướng dẫn cho Ban Thường trực Ủy ban MTTQ Việt Nam các xã xây dựng Văn kiện Đại hội.\n"
    )
    dirs = _dirs(text)
    assert [d["assignees"] for d in dirs] == [["Ban Thường trực Ủy ban MTTQ Việt Nam huyện"]] * 2
