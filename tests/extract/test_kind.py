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
