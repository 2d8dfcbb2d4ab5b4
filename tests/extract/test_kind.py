import pytest

from giaoban.extract import extract
from giaoban.extract.kind import detect_kind


def test_giao_ban_is_a_briefing():
    assert detect_kind("Hội nghị giao ban công tác quý I", True) == "briefing"


def test_working_session():
    assert detect_kind("đồng chí X có buổi làm việc với ngành Khối vận về tình hình năm 2022", True) == (
        "working_session"
    )


def test_review_of_a_period_without_giao_ban_is_a_briefing():
    assert detect_kind("hội nghị tổng kết công tác năm 2023", True) == "briefing"


def test_deployment_conference_and_mid_term_review_are_conferences():
    assert detect_kind("hội nghị triển khai Nghị quyết", False) == "conference"
    assert detect_kind("hội nghị sơ kết giữa nhiệm kỳ 2024-2029", True) == "conference"


def test_event_news_is_other_with_empty_record():
    record = extract("Sáng 17/11/2024, thôn Tiền Phong tổ chức Ngày hội thể thao với hơn 300 vận động viên.")
    assert record["kind"] == "other"
    assert record["figures"] == [] and record["directives"] == [] and record["people"] == []
    assert record["meeting"] == {"date": None, "period": None, "next_period": None, "host": None, "chairs": []}


def test_a_plainly_qualified_review_is_a_briefing_despite_a_side_topic():
    lead = "Hội nghị Ban Chấp hành đánh giá kết quả 9 tháng đầu năm; đồng thời quán triệt một số văn bản"
    assert detect_kind(lead, True, 2) == "briefing"
    assert detect_kind(lead, True, 0) == "conference"


def test_a_document_or_its_issue_or_an_announcement_is_not_a_meeting():
    assert detect_kind("KẾ HOẠCH\nTổ chức đại hội Đoàn các cấp", False) == "other"
    assert detect_kind("đồng chí X đã ký ban hành Chỉ thị số 02-CT/TW về lãnh đạo đại hội", False) == "other"
    assert detect_kind("Chủ tịch UBND xã sẽ tổ chức Hội nghị đối thoại vào 07 giờ 30 phút", False) == "other"


def test_a_fragment_names_its_meeting_further_down():
    text = (
        "Hội Nông dân xã đã triển khai các nhiệm vụ đến các chi hội, kết nạp được 24 hội viên.\n"
        "Tại Hội nghị sơ kết, Hội Nông dân xã đề ra các nội dung thực hiện trong quý II năm 2022."
    )
    assert extract(text)["kind"] == "briefing"


def test_a_lead_that_reports_training_courses_does_not_make_a_fragments_review_a_conference():
    text = (
        "Hội Nông dân xã đã phối hợp mở các lớp tập huấn kỹ thuật gieo trồng cho hội viên, kết nạp được 24 hội "
        "viên mới trong quý.\n"
        "Tại Hội nghị sơ kết Hội Nông dân xã đề ra 11 nội dung thực hiện trong quý II năm 2022, trọng tâm: "
        "tiếp tục đổi mới nội dung sinh hoạt Hội."
    )
    assert extract(text)["kind"] == "briefing"


def test_a_gathering_held_for_an_anniversary_is_no_meeting():
    lead = (
        "Chiều ngày 17/10/2024, Hội Liên hiệp phụ nữ phường tổ chức họp mặt nhân kỷ niệm 94 năm Ngày thành lập "
        "Hội Liên hiệp Phụ nữ Việt Nam. Tham dự hội nghị có các chị hội viên."
    )
    assert detect_kind(lead, False) == "other"
    # A task line that opens with "Tổ chức hội thi" reports no such event.
    assert detect_kind("Đồng chí kết luận như sau:\n- Tổ chức hội thi nhà nông đua tài cấp huyện", False) == (
        "conference"
    )


def test_a_document_reported_in_its_own_words_is_no_meeting():
    lead = (
        "Tại Công văn số 59-CV/BCĐ ngày 12/9/2025, Ban Chỉ đạo Trung ương về tổng kết Nghị quyết số 18-NQ/TW đề "
        "nghị các đoàn thể hoàn thành sắp xếp các hội quần chúng."
    )
    assert detect_kind(lead, False) == "other"


def test_an_event_the_meeting_prepares_does_not_make_the_meeting_an_announcement():
    lead = (
        "Tại buổi hội nghị, lãnh đạo Hội LHPN huyện đã điểm lại kết quả hoạt động tháng 01/2024; thông qua Kế "
        "hoạch tổ chức Tết Quân - Dân năm 2024 sẽ diễn ra tại xã Phú Tâm."
    )
    assert detect_kind(lead, True) == "briefing"
    assert detect_kind("Ngày 5/4, Hội Nông dân huyện sẽ tổ chức hội nghị sơ kết quý I", False) == "other"


def test_a_meeting_that_sets_out_the_tasks_of_the_period_after_the_one_it_reviews_is_a_briefing():
    text = (
        "Trong 6 tháng đầu năm, các công đoàn cơ sở đã thành lập 9 công đoàn mới, phát triển 162 đoàn viên, "
        "tặng quà cho công nhân khó khăn và tổ chức nhiều phong trào thi đua sôi nổi.\n"
        "Hội nghị triển khai nhiệm vụ 6 tháng cuối năm, tập trung chỉ đạo các CĐCS tổ chức Đại hội; tăng cường "
        "kiểm tra, giám sát việc thực hiện pháp luật lao động.\n"
    )
    record = extract(text)
    assert record["kind"] == "briefing"
    assert record["meeting"]["period"] == {"type": "half", "year": None, "number": 1}
    assert record["meeting"]["next_period"] == {"type": "half", "year": None, "number": 2}


def test_a_photo_caption_naming_the_meeting_does_not_tell_its_kind():
    text = (
        "Hội Nông dân xã đã chủ động triển khai thực hiện các nhiệm vụ đến các chi hội, kết nạp được 24 hội viên, "
        "thực hiện đạt và vượt 15/20 chỉ tiêu.\n"
        "(Ảnh: Tại Hội nghị)\n"
        "Tại Hội nghị sơ kết Hội Nông dân xã đề ra 11 nội dung thực hiện trong quý II năm 2022, trọng tâm: tiếp "
        "tục đổi mới nội dung sinh hoạt Hội.\n"
    )
    assert extract(text)["kind"] == "briefing"


def test_a_gathering_is_a_meeting_only_when_someone_gives_directions_in_it():
    directed = (
        "Sáng ngày 5/12, Thường trực Đảng ủy xã tổ chức gặp mặt, chúc mừng 36 năm Ngày thành lập Hội Cựu chiến binh.\n"
        "Phát biểu tại buổi gặp mặt, đồng chí Bí thư Đảng ủy đề nghị Hội tiếp tục phát huy truyền thống, "
        "làm tốt công tác giáo dục truyền thống cho thế hệ trẻ.\n"
    )
    exhorted = directed.replace("đề nghị Hội tiếp tục", "kêu gọi hội viên tiếp tục")
    record = extract(directed)
    assert record["kind"] == "conference" and record["directives"]
    assert extract(exhorted) == extract("")


def test_a_leader_s_visit_with_directions_is_a_working_session():
    text = (
        "Chiều 20-10, Phó Chủ tịch UBND tỉnh đã đến thăm và chúc mừng Hội Liên hiệp Phụ nữ tỉnh nhân kỷ niệm 95 năm.\n"
        "Phó Chủ tịch mong muốn Hội LHPN tỉnh tiếp tục phát huy tinh thần đoàn kết, chăm lo cho hội viên.\n"
    )
    assert extract(text)["kind"] == "working_session"


def test_a_dated_working_session_that_prepares_a_congress_to_come_is_reported():
    text = (
        "Sáng 14/11, Thường trực Tỉnh ủy có buổi làm việc với Ban Thường vụ Tỉnh Đoàn nhằm duyệt nội dung chuẩn bị "
        "cho Đại hội đại biểu Đoàn tỉnh. Đại hội dự kiến diễn ra trong hai ngày 15 - 16/12/2025.\n"
    )
    assert extract(text)["kind"] == "working_session"


def test_a_page_setting_out_a_body_s_functions_reports_no_meeting():
    text = (
        "1/- Chức năng (trích từ Quy định 212-QĐ/TW ngày 10/12/2019 của Ban Bí thư):\n"
        "Cơ quan chuyên trách tham mưu, giúp việc Ủy ban Mặt trận Tổ quốc.\n"
        "2/- Nhiệm vụ:\n- Sơ kết, tổng kết công tác mặt trận theo phân công, phân cấp.\n"
    )
    assert extract(text)["kind"] == "other"


def test_a_meeting_named_only_as_a_task_is_no_meeting_reported_but_a_signing_is_one():
    report = (
        "(Mặt trận) - Trong 3 tháng đầu năm 2022, Ủy ban MTTQ các cấp trong tỉnh phối hợp tiếp nhận và trao tặng "
        "132.504 phần quà cho hộ nghèo, hộ cận nghèo, gia đình chính sách khó khăn.\n"
        "Nhiệm vụ trọng tâm công tác Mặt trận tháng 4-2022:\n"
        "- Tổ chức họp giao ban dư luận xã hội, tình hình tôn giáo tháng 4-2022.\n"
    )
    assert extract(report)["kind"] == "other"
    signing = (
        "Sáng 16.4, Hội ND tỉnh và Sở NNPTNT tỉnh đã ký kết chương trình phối hợp về việc hỗ trợ nông dân.\n"
        "Theo đó, Hội ND và Sở NNPTNT thống nhất phối hợp tuyên truyền; phối hợp tổ chức các hội thi nông dân.\n"
    )
    assert extract(signing)["kind"] == "conference"


def test_leaders_meeting_a_delegation_before_a_congress_hold_a_working_session():
    lead = (
        "Chiều ngày 29/11/2018, đồng chí Nguyễn Tấn Tuân, Phó Bí thư Thường trực Tỉnh ủy chủ trì gặp mặt 14 đại "
        "biểu Hội Nông dân của tỉnh tham dự Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VII."
    )
    assert detect_kind(lead, False) == "working_session"
    assert detect_kind("Gặp mặt đoàn đại biểu đi dự Đại hội XII Công đoàn Việt Nam", False) == "working_session"
    # A gathering for an anniversary is no working session.
    assert detect_kind("Hội Nông dân xã tổ chức hội nghị gặp mặt kỷ niệm 90 năm ngày thành lập Hội", False) != (
        "working_session"
    )


def test_an_anniversary_ceremony_where_a_leader_asks_something_is_a_conference():
    text = (
        "Chiều ngày 18/10/2023, Hội LHPN thị trấn Võ Xu tổ chức Lễ kỷ niệm 93 năm Ngày thành lập Hội LHPN Việt Nam.\n"
        "Phát biểu tại buổi lễ, đồng chí Đoàn Hùng Cường, Bí thư Đảng ủy thị trấn ghi nhận kết quả của Hội. Đồng chí "
        "mong muốn chị em phụ nữ không ngừng lao động, học tập, nâng cao trình độ chuyên môn.\n"
    )
    record = extract(text)
    assert record["kind"] == "conference"
    assert [d["text"] for d in record["directives"]] == ["không ngừng lao động, học tập, nâng cao trình độ chuyên môn"]
    # The same ceremony where no one asks anything reports no meeting.
    assert extract(text.split("Đồng chí mong muốn")[0])["kind"] == "other"


@pytest.mark.parametrize(
    ("lead", "has_review", "kind"),
    [
        ("HỘI NGHỊ GIAO BAN CÔNG TÁC QUÝ I", True, "briefing"),
        ("Sinh Hoạt Chi Bộ Thường Kỳ tháng 11", True, "briefing"),
        ("ĐỒNG CHÍ X CÓ BUỔI LÀM VIỆC VỚI NGÀNH KHỐI VẬN", True, "working_session"),
        ("Gặp Mặt, Động Viên 14 Đại Biểu đi dự Đại hội", False, "working_session"),
        ("HỘI NGHỊ SƠ KẾT GIỮA NHIỆM KỲ 2024-2029", True, "conference"),
        ("Kỳ Họp thứ 5 đánh giá tình hình", True, "briefing"),
        ("HỘI NGHỊ SẼ ĐƯỢC TỔ CHỨC TẠI HỘI TRƯỜNG XÃ", False, "other"),
        ("Hội nghị sẽ được tổ chức tại hội trường; Ban Đã Tổ Chức hội nghị trù bị", False, "conference"),
    ],
)
def test_the_kind_words_are_read_in_any_case(lead, has_review, kind):
    assert detect_kind(lead, has_review) == kind
