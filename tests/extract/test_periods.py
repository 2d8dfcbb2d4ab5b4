import re

import pytest
from conftest import random_stretches

from giaoban.extract import extract, periods
from giaoban.extract.normalize import match_form
from giaoban.extract.periods import PERIOD_RE, _period_matches, find_periods, quarter_number, review_and_next


def _keys(text):
    return [p.key() for p in find_periods(match_form(text))]


def test_quarter_forms():
    assert _keys("quý I/2022") == [("quarter", 2022, 1)]
    assert _keys("Quý I năm 2020") == [("quarter", 2020, 1)]


def test_half_and_nine_months():
    assert _keys("6 tháng đầu năm 2022") == [("half", 2022, 1)]
    assert _keys("Sáu tháng đầu năm") == [("half", None, 1)]
    assert _keys("9 tháng đầu năm 2024") == [("nine_months", 2024, None)]


def test_month_year_and_term():
    assert _keys("tháng 6/2018") == [("month", 2018, 6)]
    assert _keys("năm 2022") == [("year", 2022, None)]
    assert _keys("nhiệm kỳ 2024-2029") == [("term", 2024, None)]


def _review_next(text, fallback=None):
    m = match_form(text)
    review, nxt = review_and_next(m, find_periods(m), fallback)
    return (review.key() if review else None), (nxt.key() if nxt else None)


def test_review_and_next_quarters_share_the_year():
    assert _review_next("giao ban công tác quý I, triển khai chương trình công tác quý II năm 2022") == (
        ("quarter", 2022, 1),
        ("quarter", 2022, 2),
    )


def test_direction_words_mark_the_next_period():
    assert _review_next("đánh giá kết quả tháng 6 và phương hướng nhiệm vụ tháng 7/2018") == (
        ("month", 2018, 6),
        ("month", 2018, 7),
    )
    assert _review_next("tình hình thực hiện nhiệm vụ năm 2022 và phương hướng năm 2023") == (
        ("year", 2022, None),
        ("year", 2023, None),
    )


def test_december_review_before_january_next_takes_previous_year():
    assert _review_next("giao ban tháng 12 và triển khai nhiệm vụ tháng 1/2024") == (
        ("month", 2023, 12),
        ("month", 2024, 1),
    )


def test_missing_year_falls_back():
    assert _review_next("giao ban tháng 6", 2019) == (("month", 2019, 6), None)


def test_next_period_from_the_body_after_phuong_huong():
    from giaoban.extract.periods import next_from_body

    text = match_form("Giao ban quý I năm 2025.\nBáo cáo kết quả quý I và phương hướng nhiệm vụ quý II năm 2025.")
    mentions = find_periods(text)
    review = mentions[0]
    assert next_from_body(text, mentions, review).key() == ("quarter", 2025, 2)
    # A plan for the same or an earlier period is not a next period.
    text = match_form("Giao ban quý II năm 2020; phương hướng năm 2019 đã xong.")
    mentions = find_periods(text)
    assert next_from_body(text, mentions, mentions[0]) is None


def test_tasks_named_after_the_results_are_the_next_period():
    assert _review_next("đánh giá kết quả hoạt động 6 tháng đầu năm, bàn nhiệm vụ 6 tháng cuối năm 2021") == (
        ("half", 2021, 1),
        ("half", 2021, 2),
    )
    assert _review_next("về kết quả công tác 9 tháng đầu năm và nhiệm vụ 3 tháng cuối năm 2021") == (
        ("nine_months", 2021, None),
        ("quarter", 2021, 4),
    )


def test_a_term_naming_the_body_is_not_the_period_under_review():
    text = (
        "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 2, nhiệm kỳ 2025 - 2030 nhằm đánh giá kết quả thực hiện "
        "nhiệm vụ 9 tháng đầu năm và triển khai nhiệm vụ 3 tháng cuối năm 2025"
    )
    assert _review_next(text) == (("nine_months", 2025, None), ("quarter", 2025, 4))


def test_a_title_naming_the_planned_month_does_not_become_the_review():
    text = (
        "GIAO BAN BÍ THƯ CÁC CHI BỘ THÁNG 11/2025. Hội nghị đánh giá kết quả thực hiện nhiệm vụ tháng 10 "
        "và triển khai nhiệm vụ trọng tâm tháng 11 năm 2025"
    )
    assert _review_next(text) == (("month", 2025, 10), ("month", 2025, 11))


def test_a_preamble_period_is_neither_review_nor_plan():
    text = (
        "Thực hiện Chương trình công tác Đoàn năm 2022, ngày 24/6, Huyện đoàn tổ chức hội nghị sơ kết "
        "6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022"
    )
    assert _review_next(text) == (("half", 2022, 1), ("half", 2022, 2))


def test_a_deadline_is_not_the_period_under_review():
    assert _review_next("phấn đấu đến tháng 9 hoàn thành; đề ra 11 nội dung thực hiện trong quý II năm 2022") == (
        None,
        ("quarter", 2022, 2),
    )


def test_a_period_without_a_year_is_kept():
    assert _review_next("Báo cáo sơ kết đánh giá kết quả 6 tháng đầu năm") == (("half", None, 1), None)


def test_a_congress_opens_its_term_and_reviews_the_earlier_one():
    from giaoban.extract.periods import congress_terms

    text = match_form(
        "Chiều ngày 08/12/2023, xã Đoàn chỉ đạo tổ chức thành công Đại hội điểm ấp Hòa Lộc, nhiệm kỳ 2023 – 2024. "
        "Đại hội đánh giá kết quả công tác Đoàn nhiệm kỳ 2022 - 2023."
    )
    review, ahead = congress_terms(text, [(0, len(text))], find_periods(text))
    assert (review.key(), ahead.key()) == (("term", 2022, None), ("term", 2023, None))
    assert congress_terms(text, [(0, 20)], find_periods(text)) is None


def test_a_month_still_running_on_the_meeting_day_is_the_plan_and_the_month_before_is_reviewed():
    from giaoban.extract.periods import not_yet_over

    text = match_form("giao ban công tác Hội tháng 4/2024. Các cấp Hội đã thực hiện trong tháng 3 nhiều hoạt động.")
    mentions = find_periods(text)
    review, nxt = not_yet_over(mentions[0], 2024, 4, 5, mentions)
    assert (review.key(), nxt.key()) == (("month", 2024, 3), ("month", 2024, 4))
    # Held at the end of the month, the month is under review.
    review, nxt = not_yet_over(mentions[0], 2024, 4, 28, mentions)
    assert (review.key(), nxt) == (("month", 2024, 4), None)


def test_among_equal_reviews_the_one_of_the_plans_kind_wins():
    text = (
        "Xã đoàn tổ chức hội nghị tổng kết tháng Thanh niên năm 2024 lồng ghép sơ kết công tác Đoàn quý I "
        "và đề ra chương trình công tác quý II năm 2024"
    )
    assert _review_next(text) == (("quarter", 2024, 1), ("quarter", 2024, 2))


def test_quarter_spelled_qui_and_a_stretch_of_the_year_is_not_the_year():
    assert _keys("tập trung công tác quí III năm 2025") == [("quarter", 2025, 3)]
    assert _keys("TRIỂN KHAI NHIỆM VỤ 5 THÁNG CUỐI NĂM 2025") == []


def test_reviewing_the_organisation_of_congresses_opens_no_term():
    from giaoban.extract.periods import congress_terms

    text = match_form("Ngày 8.11, Ủy ban MTTQ tổng kết công tác tổ chức Đại hội MTTQ cấp xã nhiệm kỳ 2025 - 2030.")
    assert congress_terms(text, [(0, len(text))], find_periods(text)) is None


def test_a_period_without_a_year_takes_the_meetings_year_or_the_one_before_it_starts_in():
    text = (
        "Chiều 5/12/2023, Huyện Đoàn tổ chức hội nghị giao ban công tác Đoàn quý IV.\n"
        "Về nhiệm vụ trọng tâm năm 2024, hội nghị thống nhất tổ chức các hoạt động Tháng Thanh niên.\n"
    )
    assert extract(text)["meeting"]["period"] == {"type": "quarter", "year": 2023, "number": 4}
    january = "Ngày 10/1/2024, Hội Nông dân xã tổ chức hội nghị sơ kết công tác quý IV.\n"
    assert extract(january)["meeting"]["period"] == {"type": "quarter", "year": 2023, "number": 4}


def test_the_period_a_direction_is_given_for_is_the_next_one():
    text = (
        "Bí thư Thành ủy làm việc với Ủy ban MTTQ và các đoàn thể thành phố.\n"
        "Đồng chí Phạm Hoàng Anh, Bí thư Thành ủy làm việc với Ủy ban MTTQ thành phố.\n"
        "Bí thư Thành ủy đánh giá cao những nỗ lực của Ủy ban MTTQ, đồng thời đề nghị năm 2018, Ủy ban MTTQ "
        "thành phố tiếp tục đổi mới nội dung, phương thức hoạt động.\n"
    )
    assert extract(text)["meeting"]["next_period"] == {"type": "year", "year": 2018, "number": None}


def test_a_period_opening_a_report_of_past_work_is_the_one_under_review():
    text = (
        "Sáng 30-1, Hội Nông dân tỉnh tổ chức hội nghị Ban Chấp hành mở rộng lần thứ I, nhiệm kỳ 2025-2030.\n"
        "Hiện nay, Hội có 135 cơ sở. Năm 2025, các cấp Hội đã bám sát chỉ đạo của Trung ương Hội và Tỉnh ủy.\n"
        "Về phương hướng, nhiệm vụ năm 2026, Hội tiếp tục đổi mới nội dung, phương thức hoạt động.\n"
    )
    record = extract(text)
    assert record["meeting"]["period"] == {"type": "year", "year": 2025, "number": None}
    assert record["meeting"]["next_period"] == {"type": "year", "year": 2026, "number": None}
    assert record["kind"] == "briefing"
    assert record["meeting"]["date"] == "2026-01-30"


def test_a_plan_period_is_not_reported_work():
    text = (
        "Sáng 30-1, Hội Nông dân tỉnh tổ chức hội nghị Ban Chấp hành mở rộng lần thứ I, nhiệm kỳ 2025-2030.\n"
        "Năm 2026, các cấp Hội sẽ tiếp tục đổi mới nội dung, phương thức hoạt động đã đề ra.\n"
    )
    assert extract(text)["meeting"]["period"] is None


def test_a_review_word_below_a_lead_that_names_only_the_plan_names_the_period_under_review():
    text = (
        "Tại hội nghị, Ban Chấp hành Đảng bộ xã đã thông qua Chương trình làm việc của Đảng ủy năm 2021.\n"
        "Đồng chí Bí thư Đảng ủy đã đánh giá những kết quả đạt được trong năm 2020, đồng thời yêu cầu "
        "triển khai một số nội dung quan trọng.\n"
    )
    assert extract(text)["meeting"]["period"] == {"type": "year", "year": 2020, "number": None}


def test_a_congress_named_then_opened_plans_its_term():
    text = (
        "Ngày 19-11, Đại hội đại biểu Mặt trận Tổ quốc Việt Nam tỉnh lần thứ I, nhiệm kỳ 2025-2030 chính thức "
        "khai mạc.\n"
    )
    assert extract(text)["meeting"]["next_period"] == {"type": "term", "year": 2025, "number": None}


def test_a_briefing_that_names_the_period_after_the_one_it_reviews_plans_it():
    text = (
        "Chiều 16/7/2025, Hội LHPN xã tổ chức hội nghị sơ kết công tác hội 6 tháng đầu năm 2025.\n"
        "Trong thời gian tới, Hội tiếp tục đẩy mạnh tuyên truyền; phấn đấu hoàn thành chỉ tiêu 6 tháng cuối năm.\n"
    )
    record = extract(text)
    assert record["meeting"]["period"] == {"type": "half", "year": 2025, "number": 1}
    assert record["meeting"]["next_period"] == {"type": "half", "year": 2025, "number": 2}


def test_a_title_before_a_paragraph_does_not_qualify_its_period():
    text = (
        "Công tác dân vận gắn với triển khai thực hiện nhiệm vụ chính trị\nToàn cảnh Hội nghị\n"
        "Năm 2021, công tác dân vận trên địa bàn tỉnh được tích cực triển khai.\n"
        "Năm 2022, Ban Dân vận Tỉnh ủy xây dựng kế hoạch tiếp tục triển khai các nghị quyết của Trung ương.\n"
    )
    record = extract(text)
    assert record["meeting"]["period"] == {"type": "year", "year": 2021, "number": None}
    assert record["meeting"]["next_period"] == {"type": "year", "year": 2022, "number": None}


def test_the_year_a_speaker_reports_on_is_under_review():
    text = (
        "Ngày 12/12, tại TPHCM, Trung ương Hội Người cao tuổi Việt Nam tổ chức Hội nghị Ban Chấp hành lần thứ 6 "
        "(khoá VI), triển khai phương hướng, nhiệm vụ năm 2026.\n"
        "Phát biểu khai mạc hội nghị, ông Nguyễn Thanh Bình, Chủ tịch Hội cho biết, năm 2025, Trung ương Hội đã "
        "tập trung chỉ đạo, hướng dẫn các địa phương thực hiện 10 nhóm nhiệm vụ.\n"
    )
    record = extract(text)
    assert record["kind"] == "briefing"
    assert record["meeting"]["period"] == {"type": "year", "year": 2025, "number": None}
    assert record["meeting"]["date"] == "2025-12-12"


def test_the_stage_a_first_congress_reviews_is_the_term_under_review():
    text = (
        "Hội Nông dân phường Bình Quới vừa tổ chức Đại hội Đại biểu lần thứ I, nhiệm kỳ 2025-2030.\n"
        "Đại hội đã đánh giá kết quả hoạt động Hội giai đoạn 2023-2025, đồng thời đề ra mục tiêu nhiệm kỳ mới.\n"
    )
    meeting = extract(text)["meeting"]
    assert meeting["period"] == {"type": "term", "year": 2023, "number": None}
    assert meeting["next_period"] == {"type": "term", "year": 2025, "number": None}


_PIECES = ["tháng", "Tháng", "THÁNG", "năm", "NĂM", "quý", "QUÍ", "nhiệm kỳ", "Nhiệm Kỳ", " ", "  ", "\n", "6", "06",
           "9", "09", "3", "03", "ba", "Ba", "sáu", "SÁU", "chín", "1", "12", "2024", "-", "/", "đầu", "cuối", "I",
           "IV",
           "x", "ı", "ſ", "İ", "\u212a", "tháng cuối năm", "106", "5-"]


@pytest.mark.parametrize(
    "text",
    ["Sơ kết 6 tháng đầu năm 2024, nhiệm vụ 6  tháng cuối năm", "QUÝ IV/2023 và quí 1 năm 2024", "106 tháng 3\n",
     "chín tháng năm 2022; nhiệm kỳ 2020 - 2025", "ſáu tháng đầu năm", "NHIỆM \u212aỲ 2020-2025", "không có kỳ nào"],
)
def test_the_periods_are_found_where_the_pattern_finds_them_at_every_character(text):
    assert [m.span() for m in _period_matches(text, 0, len(text))] == [m.span() for m in PERIOD_RE.finditer(text)]


def test_the_anchored_scan_agrees_with_the_pattern_on_random_stretches():
    for text, a, b in random_stretches(_PIECES, 7, most=20):
        want = [(m.span(), m.groupdict()) for m in PERIOD_RE.finditer(text, a, b)]
        assert [(m.span(), m.groupdict()) for m in _period_matches(text, a, b)] == want, (text, a, b)


_HELD_PIECES = ["tổ chức", "Tổ Chức", "TẠI", "khai mạc", "\u212aHAI MẠC", "diễn ra", "bế mạc", "tại",
                "công tác ", "việc ", "thành công", " ", "  ", "đại hội", "Đại hội", "ĐẠI HỘI", "x", "\n"]


def test_a_congress_held_is_found_where_the_case_insensitive_pattern_finds_it():
    reference = re.compile(
        r"(?i)(?<!công tác )(?<!việc )(?:tổ chức|khai mạc|diễn ra|bế mạc|tại)\s+(?:thành công\s+)?đại hội"
    )
    for text, _, _ in random_stretches(_HELD_PIECES, 41):
        assert [m.span() for m in periods._CONGRESS_HELD.finditer(text)] == [m.span() for m in reference.finditer(text)]


@pytest.mark.parametrize(("written", "number"), [("I", 1), ("iii", 3), ("İ", 1), ("İİ", 2), ("ıv", 4), ("2", 2)])
def test_a_quarter_is_numbered_whatever_the_case_of_its_roman_letters(written, number):
    assert quarter_number(written) == number
