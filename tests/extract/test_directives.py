from giaoban.extract import extract


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
    assert all(d["assignees"] == ["các cơ quan, đơn vị trong Khối MTTQ và các đoàn thể"] for d in dirs)
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
