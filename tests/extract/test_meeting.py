import re

import pytest
from conftest import random_stretches

from giaoban.extract import extract, meeting
from giaoban.extract.meeting import _HOST_VERB_WEAK, lead_paragraphs
from giaoban.extract.normalize import match_form
from giaoban.extract.segment import paragraphs

NOTICE = (
    "ĐẢNG BỘ TỈNH BẾN TRE\nHUYỆN ỦY MỎ CÀY NAM\n*\nSố 412-TB/HU        ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Mỏ Cày Nam, ngày 16 tháng 10 năm 2023\n\nTHÔNG BÁO KẾT LUẬN\n"
    "của đồng chí Phó Bí thư Thường trực Huyện ủy tại hội nghị giao ban\nkhối dân vận 9 tháng năm 2023\n-----\n"
    "Ngày 11/10/2023, Thường trực Huyện ủy tổ chức hội nghị giao ban khối dân vận đánh giá kết quả 9 tháng năm "
    "2023, triển khai nhiệm vụ trọng tâm quý IV năm 2023. Đồng chí Trương Văn Nghĩa, Phó Bí thư Thường trực "
    "Huyện ủy chủ trì hội nghị.\n"
)


def test_notice_header_does_not_use_up_the_lead_and_issue_date_is_not_the_meeting_date():
    mtext = match_form(NOTICE)
    lead = "\n".join(mtext[a:b] for a, b in lead_paragraphs(mtext, paragraphs(mtext)))
    assert "Số 412" not in lead and "ngày 16 tháng 10" not in lead
    assert "Thường trực Huyện ủy tổ chức" in lead
    meeting = extract(NOTICE)["meeting"]
    assert meeting["date"] == "2023-10-11"
    assert meeting["period"] == {"type": "nine_months", "year": 2023, "number": None}
    assert meeting["next_period"] == {"type": "quarter", "year": 2023, "number": 4}
    assert meeting["host"] == "Thường trực Huyện ủy"
    assert extract(NOTICE)["kind"] == "briefing"


def test_guest_who_attends_and_directs_is_a_chair():
    text = (
        "Sáng 24/3/2021, Ban Thường vụ Hội Nông dân tỉnh tổ chức hội nghị sơ kết giữa nhiệm kỳ 2018 - 2023. "
        "Đồng chí Nguyễn Thanh Bình – Phó Bí thư Tỉnh ủy dự và chỉ đạo hội nghị. Dự hội nghị có đồng chí Phạm "
        "Tiến Nam, Ủy viên Trung ương Hội. Đồng chí Hà Văn Khải, Chủ tịch Hội Nông dân tỉnh chủ trì hội nghị.\n"
    )
    chairs = [c["name"] for c in extract(text)["meeting"]["chairs"]]
    assert sorted(chairs) == ["Hà Văn Khải", "Nguyễn Thanh Bình"]


def test_pronoun_speaker_of_a_direction_is_the_last_person_named_in_the_paragraph():
    text = (
        "Ngày 18/7/2019, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh làm việc với MTTQ huyện Nghĩa Hành.\n"
        "Thay mặt đoàn công tác, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Trần Thị Bích Hạnh ghi nhận kết quả. "
        "Để hoàn thành nhiệm vụ năm 2019, bà đề nghị Ban Thường trực Ủy ban MTTQ huyện tập trung: tiếp tục "
        "hướng dẫn các xã tổ chức Ngày hội Đại đoàn kết.\n"
    )
    assert [c["name"] for c in extract(text)["meeting"]["chairs"]] == ["Trần Thị Bích Hạnh"]


def test_guest_who_only_speaks_directions_is_not_a_chair_when_another_presides():
    text = (
        "Ngày 26/6, Hội LHPN huyện tổ chức Hội nghị sơ kết công tác Hội 6 tháng đầu năm 2024. Bà Nguyễn Thị "
        "Thủy – Chủ tịch Hội LHPN huyện chủ trì hội nghị. Tới dự có bà Lê Thị Phượng – Phó Chủ tịch Hội LHPN "
        "thành phố.\n"
        "Phát biểu chỉ đạo hội nghị, bà Lê Thị Phượng đề nghị các cấp Hội tăng cường ứng dụng công nghệ thông tin.\n"
        "Kết luận hội nghị, bà Nguyễn Thị Thủy yêu cầu các cấp Hội tập trung tuyên truyền Nghị quyết.\n"
    )
    assert [c["name"] for c in extract(text)["meeting"]["chairs"]] == ["Nguyễn Thị Thủy"]


def test_party_committee_head_who_directs_is_a_chair_beside_the_presiding_person():
    text = (
        "Ngày 23/12/2022, Ủy ban MTTQ xã tổ chức Hội nghị tổng kết công tác Mặt trận năm 2022. Ông Hoàng Văn "
        "Cường – Chủ tịch Ủy ban MTTQ xã chủ trì hội nghị. Tới dự có đồng chí Nguyễn Hữu Thọ, Bí thư Đảng ủy xã.\n"
        "Phát biểu chỉ đạo, đồng chí Nguyễn Hữu Thọ đề nghị Ủy ban MTTQ xã tập trung làm tốt công tác tuyên truyền.\n"
    )
    assert sorted(c["name"] for c in extract(text)["meeting"]["chairs"]) == ["Hoàng Văn Cường", "Nguyễn Hữu Thọ"]


def test_headline_without_sentence_end_does_not_close_the_lead():
    text = (
        "Hoạt động Mặt trận\nCập nhật: 07/10/2025\n"
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh giao ban công tác tháng 9, triển khai nhiệm vụ tháng 10/2025\n"
        "Chiều ngày 06/10/2025, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị giao ban trực tuyến "
        "đánh giá kết quả công tác Mặt trận tháng 9.\n"
    )
    assert extract(text)["meeting"]["date"] == "2025-10-06"


def test_host_is_the_subject_of_the_review_verb_and_a_clause_is_no_host():
    from giaoban.extract import extract

    text = (
        "UBMTTQ phường Phủ Lý sơ kết công tác quý III, triển khai nhiệm vụ quý IV/2025\n"
        "Ngày 1/11/2025, UBMTTQ phường Phủ Lý sơ kết công tác quý III, triển khai nhiệm vụ quý IV/2025.\n"
        "MTTQ phường chỉ đạo các tổ chức chính trị - xã hội triển khai kế hoạch tổ chức Đại hội."
    )
    assert extract(text)["meeting"]["host"] == "UBMTTQ phường Phủ Lý"


def test_host_of_a_delegation_leaves_out_its_leader_who_chairs():
    from giaoban.extract import extract

    text = (
        "Ngày 6/11, Đoàn công tác của Ban Thường vụ Trung ương Hội Nông dân Việt Nam do đồng chí Nguyễn Xuân Định"
        " - Phó Chủ tịch Trung ương Hội làm Trưởng đoàn đã kiểm tra công tác Hội năm 2025 tại xã Phùng Nguyên."
    )
    meeting = extract(text)["meeting"]
    assert meeting["host"] == "Đoàn công tác của Ban Thường vụ Trung ương Hội Nông dân Việt Nam"
    assert [c["name"] for c in meeting["chairs"]] == ["Nguyễn Xuân Định"]


def test_host_in_lower_case_is_found_beyond_a_fragment_lead():
    from giaoban.extract import extract

    text = (
        "Các chi hội đã kết nạp 24 hội viên, nâng tổng số lên 1.529 hội viên trong quý.\n"
        "Tại hội nghị, Hội nông dân xã đã thông qua chương trình công tác năm 2026 với 07 nhiệm vụ trọng tâm."
    )
    assert extract(text)["meeting"]["host"] == "Hội nông dân xã"


def test_every_person_in_the_list_that_chu_tri_opens_chairs():
    from giaoban.extract import extract

    text = (
        "Chiều 31/10/2025, Ban Thường vụ Đảng ủy xã tổ chức Hội nghị giao ban tháng 10 năm 2025.\n"
        "Dự và chủ trì Hội nghị có đồng chí Doãn Quốc Hoàn – Bí thư Đảng ủy; đồng chí Vũ Lê Thuận – Phó Bí thư "
        "Thường trực Đảng ủy; cùng các đồng chí trong Ban Thường vụ. Tham dự có đồng chí Lê Văn Ba – Chủ tịch Hội "
        "Nông dân xã."
    )
    chairs = [c["name"] for c in extract(text)["meeting"]["chairs"]]
    assert chairs == ["Doãn Quốc Hoàn", "Vũ Lê Thuận"]


def test_a_preamble_does_not_use_up_the_lead():
    from giaoban.extract import extract

    text = (
        "Thực hiện kế hoạch số 13-KH/ĐTN, ngày 29/02/2024 của Ban Thường vụ Xã đoàn về việc tổ chức Tháng "
        "Thanh niên năm 2024 với chủ đề tuổi trẻ xung kích tình nguyện vì cuộc sống cộng đồng.\n"
        "Chiều ngày 12/4/2024 Xã đoàn tổ chức hội nghị sơ kết công tác Đoàn quý I và đề ra chương trình công "
        "tác quý II năm 2024."
    )
    meeting = extract(text)["meeting"]
    assert meeting["date"] == "2024-04-12"
    assert meeting["period"] == {"type": "quarter", "year": 2024, "number": 1}
    assert meeting["next_period"] == {"type": "quarter", "year": 2024, "number": 2}


def test_giao_ban_does_not_block_a_chair_and_a_former_title_is_kept():
    from giaoban.extract import extract

    text = (
        "Ngày 5/4/2024, Huyện ủy tổ chức hội nghị giao ban quý I năm 2024. Đồng chí Lê Văn Ba, Bí thư "
        "Huyện ủy chủ trì hội nghị giao ban. Dự có ông Trần Văn Tư, nguyên Chủ tịch UBND huyện."
    )
    record = extract(text)
    assert [c["name"] for c in record["meeting"]["chairs"]] == ["Lê Văn Ba"]
    assert record["people"][1] == {"name": "Trần Văn Tư", "title": "nguyên Chủ tịch UBND huyện"}


def test_a_meeting_of_a_few_days_is_dated_by_its_first_day_and_a_long_round_by_none():
    from giaoban.extract import extract

    short = "Trong 2 ngày 26 - 27/10/2023, Ban Thường trực Ủy ban MTTQ huyện tổ chức kiểm tra công tác Mặt trận."
    long_ = "Từ ngày 22/10 đến ngày 07/11/2024, Ban Thường trực Ủy ban MTTQ thành phố tổ chức kiểm tra công tác."
    assert extract(short)["meeting"]["date"] == "2023-10-26"
    assert extract(long_)["meeting"]["date"] is None


def test_a_body_that_is_the_object_of_a_direction_is_no_host():
    text = (
        "Trong 6 tháng đầu năm, các công đoàn cơ sở đã chăm lo cho đoàn viên.\n"
        "Hội nghị triển khai nhiệm vụ 6 tháng cuối năm, tập trung chỉ đạo các CĐCS tổ chức Đại hội."
    )
    assert extract(text)["meeting"]["host"] != "CĐCS"


def test_with_no_one_named_as_holding_the_meeting_the_particular_body_acting_in_it_hosts():
    text = (
        "Các đại biểu đã thảo luận tại hội nghị.\n"
        "Triển khai chủ đề năm 2026, Hội LHPN tỉnh Gia Lai xác định tiếp tục phát động các phong trào thi đua.\n"
    )
    assert extract(text)["meeting"]["host"] == "Hội LHPN tỉnh Gia Lai"
    # A general subject ("các cấp Hội") or a clause is no body's name.
    general = "Các đại biểu đã thảo luận tại hội nghị.\nCác cấp Hội đã chủ động triển khai nhiều hoạt động.\n"
    assert extract(general)["meeting"]["host"] is None


def test_the_speaker_of_a_direction_may_be_named_in_the_sentence_before_or_by_title_alone():
    before = (
        "Ngày 30/10/2018, Ủy ban MTTQ huyện tổ chức hội nghị giao ban.\n"
        "Phát biểu tại hội nghị, đồng chí Vương Nguyên Minh, Chủ tịch Ủy ban MTTQ huyện ghi nhận các ý kiến. "
        "Trong thời gian tới đề nghị Ủy ban MTTQ các xã tiếp tục chuẩn bị Đại hội."
    )
    assert [c["name"] for c in extract(before)["meeting"]["chairs"]] == ["Vương Nguyên Minh"]
    by_title = (
        "Ngày 5/3/2024, Huyện ủy làm việc với Hội Nông dân huyện.\n"
        "Thay mặt lãnh đạo huyện, Bí thư Huyện ủy Phan Tấn Linh biểu dương kết quả của Hội Nông dân huyện.\n"
        "Bí thư Huyện ủy mong muốn trong thời gian tới, Hội Nông dân huyện tiếp tục phát huy thành tích."
    )
    assert [c["name"] for c in extract(by_title)["meeting"]["chairs"]] == ["Phan Tấn Linh"]


def test_the_leader_who_works_with_a_body_chairs_the_working_session():
    text = "Ông Huỳnh Văn Quang - Chủ tịch Ủy ban MTTQ tỉnh làm việc với Ủy ban MTTQ huyện về công tác giám sát."
    assert [c["name"] for c in extract(text)["meeting"]["chairs"]] == ["Huỳnh Văn Quang"]


def test_a_posting_time_is_no_meeting_date_and_a_feed_stamp_gives_a_missing_year():
    posted = (
        "Bí thư Thành ủy làm việc với Ủy ban MTTQ thành phố (02/12/2017 15:00)\n"
        "Đồng chí Bí thư Thành ủy làm việc với Ủy ban MTTQ và các đoàn thể thành phố về nhiệm vụ năm 2018.\n"
    )
    assert extract(posted)["meeting"]["date"] is None
    stamped = " date 2025-09-24 Tin tức\nBí thư Tỉnh ủy chỉ đạo tại hội nghị giao ban ngày 24/9 các xã phải giao ban.\n"
    assert extract(stamped)["meeting"]["date"] == "2025-09-24"


def test_an_inspection_team_led_by_a_named_leader_hosts_without_its_leader():
    text = (
        "Chiều 14/3/2024, Đoàn kiểm tra của Ban Thường vụ Huyện ủy do đồng chí Nguyễn Văn Nam, Phó Bí thư "
        "Thường trực Huyện ủy làm Trưởng đoàn đã kiểm tra công tác dân vận tại Đảng ủy xã Tân Lập.\n"
    )
    assert extract(text)["meeting"]["host"] == "Đoàn kiểm tra của Ban Thường vụ Huyện ủy"


def test_a_date_without_a_year_takes_the_year_closest_to_the_end_of_the_period_under_review():
    january = "Ngày 19/1, Ủy ban MTTQ tỉnh tổ chức hội nghị tổng kết công tác Mặt trận năm 2017.\n"
    december = "Ngày 28/12, Ủy ban MTTQ tỉnh tổ chức hội nghị tổng kết công tác Mặt trận năm 2017.\n"
    july = "Ngày 5/7, Huyện ủy tổ chức hội nghị sơ kết 6 tháng đầu năm 2023.\n"
    assert extract(january)["meeting"]["date"] == "2018-01-19"
    assert extract(december)["meeting"]["date"] == "2017-12-28"
    assert extract(july)["meeting"]["date"] == "2023-07-05"


def test_a_term_under_review_leaves_a_date_s_year_to_the_page_s_posting_date():
    text = (
        "14/05/2024 - 19:50\n"
        "Ngày 14-5, Ban Chấp hành Hội LHPN quận tổ chức hội nghị sơ kết giữa nhiệm kỳ 2021-2026.\n"
    )
    assert extract(text)["meeting"]["date"] == "2024-05-14"


def test_a_meeting_dated_after_the_lead_is_dated_but_not_by_an_earlier_event_or_its_end():
    later = (
        "MTTQ tăng cường giám sát, phản biện xã hội\n"
        "Chủ tịch Ủy ban MTTQ tỉnh đề nghị các cấp tăng cường giám sát, phản biện xã hội tập trung vào vấn đề nóng.\n"
        "Sáng 10/2/2020, Ủy ban MTTQ tỉnh tổ chức hội nghị triển khai nhiệm vụ công tác Mặt trận năm 2020.\n"
    )
    assert extract(later)["meeting"]["date"] == "2020-02-10"
    other = later.replace("Sáng 10/2/2020, Ủy ban", "Trước đó, sáng 10/2/2020, Ủy ban")
    assert extract(other)["meeting"]["date"] is None


def test_a_committee_s_session_is_held_by_that_committee():
    text = (
        "Chiều nay 15/12, tại Hà Nội, Hội nghị lần thứ 15 Ban Chấp hành Trung ương Hội Liên hiệp Phụ nữ Việt Nam "
        "khóa XIII được tổ chức. Hội nghị bàn kế hoạch triển khai nhiệm vụ công tác Hội năm 2026.\n"
    )
    assert extract(text)["meeting"]["host"] == "Ban Chấp hành Trung ương Hội Liên hiệp Phụ nữ Việt Nam"


def test_a_host_keeps_its_term_and_leads_the_body_it_works_with():
    termed = (
        "Ngày 6/1, Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Sơn La khóa XII, nhiệm kỳ 2017-2022 đã tổ chức "
        "Hội nghị lần thứ V, đánh giá công tác đoàn năm 2018.\n"
    )
    assert extract(termed)["meeting"]["host"].startswith("Ban Chấp hành Đoàn TNCS Hồ Chí Minh tỉnh Sơn La")
    together = (
        "Sáng ngày 08/7/2019, Ban Dân vận Tỉnh ủy phối hợp với Ban Dân vận Huyện ủy Diên Khánh tổ chức hội nghị "
        "sơ kết công tác thi đua 6 tháng đầu năm 2019.\n"
    )
    assert extract(together)["meeting"]["host"] == "Ban Dân vận Tỉnh ủy"


def test_a_congress_named_by_a_resolution_or_a_hall_is_no_host():
    text = (
        "Tại hội nghị, bà Chủ tịch Hội LHPN phường cho biết, trong năm 2025, Hội đã triển khai chủ đề năm gắn với "
        "Nghị quyết Đại hội đại biểu Phụ nữ TP. Hồ Chí Minh lần thứ XI.\n"
    )
    assert extract(text)["meeting"]["host"] != "Phụ nữ TP. Hồ Chí Minh"
    hall = "Sáng 1/3/2022, tại Hội trường Ủy ban nhân dân Phường 4, Hội Cựu chiến binh Phường 4 tổ chức hội nghị.\n"
    assert extract(hall)["meeting"]["host"] == "Hội Cựu chiến binh Phường 4"


def test_a_party_cell_s_regular_session_is_held_by_the_cell():
    text = "Chi bộ tổ 14 phường Minh Xuân sinh hoạt chi bộ thường kỳ tháng 11 năm 2025 với 49 đảng viên dự.\n"
    assert extract(text)["meeting"]["host"] == "Chi bộ tổ 14 phường Minh Xuân"


def test_people_listed_by_semicolons_before_chu_tri_chair_together():
    text = (
        "Sáng 10/10, tại Hà Nội, Hội nghị Ban Thường vụ Tỉnh Đoàn lần thứ 12 khai mạc.\n"
        "Anh Trần Văn Hải - Bí thư Tỉnh Đoàn; anh Lê Minh Tâm - Phó Bí thư Tỉnh Đoàn; chị Phạm Thu Hà - "
        "Phó Bí thư Tỉnh Đoàn chủ trì hội nghị.\n"
        "Kết luận hội nghị, anh Trần Văn Hải đề nghị các cơ sở Đoàn tăng cường sinh hoạt chi đoàn.\n"
    )
    names = [c["name"] for c in extract(text)["meeting"]["chairs"]]
    assert names == ["Trần Văn Hải", "Lê Minh Tâm", "Phạm Thu Hà"]


def test_a_person_named_in_a_clause_of_its_own_before_chu_tri_does_not_chair():
    text = (
        "Sáng 10/10, Hội nghị Ban Thường vụ Tỉnh Đoàn lần thứ 12 khai mạc.\n"
        "Đến dự có anh Trần Văn Hải - Bí thư Tỉnh Đoàn; chị Phạm Thu Hà - Phó Bí thư Tỉnh Đoàn chủ trì hội nghị.\n"
    )
    names = [c["name"] for c in extract(text)["meeting"]["chairs"]]
    assert names == ["Phạm Thu Hà"]


def test_a_meeting_named_with_its_body_then_held_is_that_bodys_and_opens_its_term():
    text = (
        "Chiều 18-10, Hội nghị Đại biểu Công đoàn phường Tân Hòa, TP HCM nhiệm kỳ 2025 - 2030, đã diễn ra với sự "
        "tham gia của 40 đại biểu.\n"
        "Trước đó, chiều 11-10, Hội nghị Đại biểu Công đoàn phường Thủ Đức lần thứ I cũng được tổ chức.\n"
    )
    record = extract(text)
    assert record["meeting"]["host"] == "Công đoàn phường Tân Hòa"
    assert record["meeting"]["next_period"] == {"type": "term", "year": 2025, "number": None}


def test_another_meeting_also_held_earlier_hosts_nothing():
    text = (
        "Sáng 13/10, các đại biểu thảo luận phương hướng nhiệm kỳ mới.\n"
        "Trước đó, chiều 11-10, Hội nghị Đại biểu Công đoàn phường Thủ Đức lần thứ I cũng được tổ chức.\n"
    )
    assert extract(text)["meeting"]["host"] is None


def test_the_host_is_the_body_before_the_list_of_its_members():
    text = (
        "Hội nông dân cụm thi đua số 02 gồm 05 huyện: Lăk, Krông Bông, EaKar, M’Đrắc và Krông Pắc vừa tổ chức hội "
        "nghị giao ban công tác hội và phong trào nông dân 06 tháng đầu năm 2020.\n"
    )
    assert extract(text)["meeting"]["host"] == "Hội nông dân cụm thi đua số 02"


def test_a_range_is_read_within_one_line_and_not_from_the_end_of_a_year():
    text = (
        "Công đoàn ngành Y tế tổ chức Đại hội lần thứ XIII, nhiệm kỳ 2018- 2023\n"
        "- Ngày 7-12, Công đoàn ngành Y tế tổ chức Đại hội lần thứ XIII, nhiệm kỳ 2018-2023.\n"
    )
    assert extract(text)["meeting"]["date"] == "2018-12-07"


def test_a_body_that_will_hold_a_meeting_is_not_the_host_of_this_one():
    text = (
        "Chiều 11-10, tại cuộc họp sơ kết công tác dân vận quý 3, các đại biểu thảo luận.\n"
        "Trước mắt, trong tháng 10, Ban sẽ phối hợp với các cơ quan, đơn vị có liên quan tham mưu tổ chức hội nghị.\n"
    )
    assert extract(text)["meeting"]["host"] is None


def test_a_date_alone_on_its_line_is_when_the_page_was_posted():
    text = (
        "31/10/2023\n"
        "Hội Liên hiệp Phụ nữ thị trấn Võ Xu tổ chức Lễ kỷ niệm 93 năm ngày thành lập Hội LHPN Việt Nam\n"
        "Chiều ngày 18/10/2023, Hội LHPN thị trấn Võ Xu tổ chức Lễ kỷ niệm 93 năm Ngày thành lập Hội LHPN Việt Nam. "
        "Đồng chí Bí thư mong muốn chị em phụ nữ không ngừng lao động, học tập.\n"
    )
    assert extract(text)["meeting"]["date"] == "2023-10-18"


def test_a_mid_term_review_without_a_year_falls_in_the_middle_of_its_term():
    text = (
        "Đó là chỉ đạo của đồng chí Phạm Hoàng Sơn, Phó Bí thư Thường trực Tỉnh ủy tại Hội nghị sơ kết giữa nhiệm kỳ "
        "thực hiện Nghị quyết Đại hội Hội Nông dân tỉnh lần thứ VIII, nhiệm kỳ 2018-2023, do Hội Nông dân tỉnh tổ "
        "chức vào sáng 20-7.\n"
    )
    assert extract(text)["meeting"]["date"] == "2021-07-20"


def test_a_founding_date_in_an_anniversary_gives_no_year_to_the_meeting():
    text = (
        "Ngày 14/10, Hội Nông dân xã đã tổ chức Gặp mặt Kỷ niệm 90 năm ngày thành lập Hội Nông dân Việt Nam "
        "(14/10/1930 – 14/10/2020). Đồng chí Bí thư đề nghị các chi hội tiếp tục vận động hội viên.\n"
    )
    assert extract(text)["meeting"]["date"] == "2020-10-14"


# The weak host verbs as first written: the optional "đã"/"vừa" before each verb.
_WEAK_AS_WRITTEN = re.compile(
    r"(?:đã\s+|vừa\s+)?(?:họp|giao ban)\s|(?:đã\s+|vừa\s+)?(?:sơ kết|tổng kết)\s"
    r"|(?:đã\s+|vừa\s+)?sinh hoạt\s+(?:chi bộ|thường kỳ|định kỳ)"
    r"|(?:đã|vừa)\s+(?:kiểm tra|thông qua|đề ra)\s|(?:đã\s+|vừa\s+)?giám sát\s+(?:việc|tại|công tác)"
)


@pytest.mark.parametrize(
    "text",
    [
        "Hội Nông dân xã đã  sơ kết công tác, vừa giám sát việc",
        "Chi bộ đã sinh hoạt thường kỳ; đã giao ban tổng kết và đã đề ra",
        "đã vừa họp đã\nkiểm tra giám sát tại",
        "vừa kiểm tra xong, sinh hoạt định kỳ",
    ],
)
def test_the_weak_host_verbs_spelled_out_find_what_the_pattern_as_written_finds(text):
    assert [m.span() for m in _HOST_VERB_WEAK.finditer(text)] == [m.span() for m in _WEAK_AS_WRITTEN.finditer(text)]


_VERB_PIECES = ["đồng chủ trì", "đồng  chủ trì", "điều hành", "chủ trì", "Chủ trì", "kết luận", "dự và chỉ đạo",
                "dự, chỉ đạo", "Dự chỉ đạo", "phát biểu chỉ đạo", "Phát biểu chỉ đạo", "làm trưởng đoàn",
                "Làm Trưởng Đoàn", "làm việc với", "làm", "dự", "chỉ đạo", " ", "x", "đ", "và"]


def test_the_presiding_verbs_are_the_chair_verbs_that_preside():
    for text, _, _ in random_stretches(_VERB_PIECES, 23):
        found = [m.span() for m in meeting._CHAIR.finditer(text) if meeting._PRESIDE.fullmatch(m.group(0))]
        assert found == [m.span() for m in meeting._PRESIDE.finditer(text)], text


_LED_PIECES = ["do", " do", "  do ", "Đồng chí", "đồng chí", "ông", "Ông", "bà", "đ/c", " ", "\n", "x", "Tự do", "\t"]


def test_a_leader_is_found_where_the_pattern_finds_one():
    for text, start, end in random_stretches(_LED_PIECES, 29):
        found = meeting._LED_BY_IN.search(text, start, end)
        assert meeting._led_by_start(text, start, end) == (found.start() if found else None), (text, start, end)
