from conftest import random_stretches

from giaoban.extract.chars import new_text
from giaoban.extract.normalize import match_form
from giaoban.extract.openings import TRIGGER, Context, find_trigger, gives, triggers_in


def _trigger(text, context=None):
    mtext = match_form(text)
    return find_trigger(text, mtext, (0, len(text)), context), text


def test_a_speakers_lead_in_is_stripped_and_names_the_bodies():
    trig, text = _trigger("Kết luận hội nghị, đồng chí Bí thư đề nghị các đoàn thể tăng cường nắm tình hình.")
    assert text[trig.content_start :].startswith("tăng cường nắm tình hình")
    assert trig.assignees == ["các đoàn thể"]


def test_a_direction_word_used_as_a_noun_opens_nothing():
    assert _trigger("Các cơ sở đã triển khai Công văn chỉ đạo của Huyện ủy về công tác bầu cử.")[0] is None


def test_a_plan_opened_by_the_next_period_names_its_body_and_period():
    context = Context(next_key=("quarter", 2025, 4), review_end=(2025, 9), date=(2025, 10), default_year=2025)
    trig, text = _trigger("Quý IV/2025, Ủy ban MTTQ phường tiếp tục tuyên truyền, vận động Nhân dân.", context)
    assert text[trig.content_start :].startswith("tiếp tục tuyên truyền")
    assert trig.assignees == ["Ủy ban MTTQ phường"] and trig.period.key() == ("quarter", 2025, 4)
    # The period under review opens no plan.
    assert _trigger("Quý III/2025, Ủy ban MTTQ phường tiếp tục tuyên truyền.", context)[0] is None


def test_mong_muon_without_a_body_to_act_opens_nothing():
    assert _trigger("Ông mong muốn được gặp lại các hội viên vào dịp Tết.")[0] is None


def test_a_plan_named_at_the_sentence_start_with_a_period_ahead_opens_its_tasks():
    context = Context(review_end=(2018, 6), date=(2018, 7), default_year=2018)
    trig, text = _trigger(
        "Nhiệm vụ 6 tháng cuối năm 2018, Công đoàn ngành Y tế tiếp tục đẩy mạnh phong trào thi đua.", context
    )
    assert text[trig.content_start :].startswith("tiếp tục đẩy mạnh")
    assert trig.assignees == ["Công đoàn ngành Y tế"]
    # The period under review, named the same way, opens nothing.
    reviewed = "Nhiệm vụ 6 tháng đầu năm 2018, Công đoàn ngành Y tế tiếp tục phát động thi đua."
    assert _trigger(reviewed, context)[0] is None


def test_a_new_term_opens_a_plan_like_the_term_ahead():
    context = Context(date=(2025, 10), default_year=2025)
    trig, text = _trigger("Nhiệm kỳ mới, Đoàn phường tiếp tục đổi mới nội dung, phương thức hoạt động.", context)
    assert text[trig.content_start :].startswith("tiếp tục đổi mới")
    assert trig.assignees == ["Đoàn phường"]


def test_directing_and_guiding_reported_as_routine_work_opens_nothing():
    sentence = (
        "Ông Nguyễn Thanh Bình cho biết, năm 2025, Trung ương Hội đã tập trung chỉ đạo, hướng dẫn các địa phương "
        "thực hiện 10 nhóm nhiệm vụ."
    )
    assert _trigger(sentence)[0] is None
    trig, text = _trigger("Đồng chí Bí thư chỉ đạo các cơ sở Hội rà soát hội viên.")
    assert text[trig.content_start :].startswith("rà soát hội viên")


def test_a_wish_that_names_who_is_to_act_after_thoi_gian_toi_with_a_comma_opens_a_direction():
    trig, text = _trigger(
        "Đồng chí mong muốn, thời gian tới, Hội Liên hiệp Phụ nữ thị trấn và các chi hội phụ nữ tiếp tục phát huy "
        "truyền thống tốt đẹp."
    )
    assert text[trig.content_start :].startswith("tiếp tục phát huy")
    assert trig.assignees == ["Hội Liên hiệp Phụ nữ thị trấn", "các chi hội phụ nữ"]


def test_a_trigger_is_an_assignment_only_where_it_gives_a_body_a_task():
    text = "Đồng chí đề nghị các xã tiếp tục; giao Hội Nông dân chủ trì; Giao cho Ủy ban MTTQ xã theo dõi; giaoban"
    matches = list(TRIGGER.finditer(text))
    assert [(m.group(0).split()[0], gives(m)) for m in matches] == [("đề", False), ("giao", True), ("Giao", True)]


_PIECES = ["đề nghị", "Đề nghị", "ĐỀ NGHỊ", "yêu cầu", "Yêu cầu", "chỉ đạo", "kết luận", "kết luận chỉ đạo", "đề ra",
           "kêu gọi", "thống nhất", "xác định", "mong muốn", "mong rằng", "giao", "Giao", "giao nhiệm vụ cho",
           "Ủy ban MTTQ", "các xã", "Hội Nông dân", "x", "đềnghị", " ", ", ", ". ", "\n"]


def test_direction_words_found_first_give_what_the_pattern_finds_at_every_character():
    for text, start, end in random_stretches(_PIECES, 13, count=2000, most=16):
        new_text()
        want = [m.span() for m in TRIGGER.finditer(text, start, end)]
        assert [m.span() for m in triggers_in(text, start, end)] == want, (text, start, end)
