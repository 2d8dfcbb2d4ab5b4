import re

from conftest import random_stretches

from giaoban.extract import people
from giaoban.extract.normalize import match_form
from giaoban.extract.people import find_people, unique


def _people(text):
    return [(p.name, p.title) for p in unique(find_people(text, match_form(text)))]


def test_title_after_comma_stops_at_verb():
    assert _people("đồng chí Lê Hùng Dũng, Phó Bí thư Thường trực Thành ủy Hồng Ngự có buổi làm việc") == [
        ("Lê Hùng Dũng", "Phó Bí thư Thường trực Thành ủy Hồng Ngự")
    ]


def test_dash_separated_titles_and_two_people():
    text = (
        "Đồng chí Đặng Thanh Hải – Tỉnh ủy viên, Bí thư Thị ủy và đồng chí Nguyễn Thăng Long – "
        "Phó Bí thư thường trực Thị ủy đồng chủ trì hội nghị."
    )
    assert _people(text) == [
        ("Đặng Thanh Hải", "Tỉnh ủy viên, Bí thư Thị ủy"),
        ("Nguyễn Thăng Long", "Phó Bí thư thường trực Thị ủy"),
    ]


def test_title_before_name():
    assert _people("Chủ tịch UBMTTQ thị xã Đặng Ngọc Sơn phát biểu tại hội nghị") == [
        ("Đặng Ngọc Sơn", "Chủ tịch UBMTTQ thị xã")
    ]


def test_honorific_ong_with_dash_title():
    assert _people("Ông Nguyễn Thành Tốt - Chủ trì Hội nghị đã biểu dương") == [
        ("Nguyễn Thành Tốt", "Chủ trì Hội nghị")
    ]


def test_title_without_name_is_not_a_person():
    assert _people("đồng chí Phó Bí thư Thường trực Huyện ủy ghi nhận") == []


def test_first_mention_title_is_kept_once():
    text = (
        "Đồng chí Đặng Thanh Hải – Tỉnh ủy viên, Bí thư Thị ủy dự. "
        "Đồng chí Đặng Thanh Hải - TUV - Bí thư Thị ủy, Chủ tịch HĐND thị xã kết luận hội nghị"
    )
    assert _people(text) == [("Đặng Thanh Hải", "Tỉnh ủy viên, Bí thư Thị ủy")]


def test_byline_is_not_a_person():
    assert _people("Đoàn Ti Vi (Ban Tuyên giáo Thành ủy Hồng Ngự)") == []


def test_chairs_are_the_speaker_and_co_chairs_not_earlier_reporters():
    from giaoban.extract import extract

    text = (
        "Ngày 12/7/2023, Thường trực Huyện ủy tổ chức hội nghị giao ban quý II năm 2023. "
        "Đồng chí Lê Văn A – Bí thư Huyện ủy và đồng chí Trần Văn B – Phó Bí thư Huyện ủy đồng chủ trì hội nghị.\n"
        "Sau khi nghe đồng chí Phạm Thị C, Trưởng Ban Dân vận Huyện ủy báo cáo, đồng chí Lê Văn A kết luận như sau:\n"
        "- Tăng cường tuyên truyền các chủ trương của Đảng.\n"
    )
    record = extract(text)
    assert [c["name"] for c in record["meeting"]["chairs"]] == ["Lê Văn A", "Trần Văn B"]
    assert [p["name"] for p in record["people"]] == ["Lê Văn A", "Trần Văn B", "Phạm Thị C"]


def test_title_then_name_with_middle_name_thi():
    text = "Tại hội nghị, Chủ tịch Ủy ban MTTQ huyện Nguyễn Thị Lan đề nghị Thường trực Huyện ủy quan tâm"
    assert _people(text) == [("Nguyễn Thị Lan", "Chủ tịch Ủy ban MTTQ huyện")]


def test_place_name_after_a_place_word_is_not_part_of_the_name():
    text = "Phó Chủ tịch Thường trực Uỷ ban MTTQ huyện Diễn Châu Trần Đình Phong cùng 45 uỷ viên"
    assert _people(text) == [("Trần Đình Phong", "Phó Chủ tịch Thường trực Uỷ ban MTTQ huyện Diễn Châu")]
    text = "Phó Chủ tịch UBND huyện Kim Sơn Hoàng Văn Tuấn phát biểu"
    assert _people(text) == [("Hoàng Văn Tuấn", "Phó Chủ tịch UBND huyện Kim Sơn")]


def test_name_run_stops_where_a_title_starts():
    text = "Bí thư Đảng ủy xã Lê Văn An Thành ủy viên dự"
    assert [name for name, _ in _people(text)] == ["Lê Văn An"]


def test_ethnic_minority_name_with_apostrophe_is_one_name():
    assert _people("Bà H’Lan Niê – Chủ tịch Ủy ban MTTQ Việt Nam huyện chủ trì hội nghị.") == [
        ("H’Lan Niê", "Chủ tịch Ủy ban MTTQ Việt Nam huyện")
    ]
    assert _people("đồng chí Y’Ngông Niê Kdăm, Phó Chủ tịch UBND tỉnh dự") == [
        ("Y’Ngông Niê Kdăm", "Phó Chủ tịch UBND tỉnh")
    ]


def test_commemorated_figure_is_not_a_person():
    text = (
        "Tổ chức kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh; học tập và làm theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh. Đồng chí Nguyễn Văn Hưng, Bí thư Huyện đoàn chủ trì."
    )
    assert [name for name, _ in _people(text)] == ["Nguyễn Văn Hưng"]


def _names_titles(text):
    from giaoban.extract import extract

    return [(p["name"], p["title"]) for p in extract(text)["people"]]


def test_military_ranks_stand_before_the_name_and_stay_out_of_it():
    text = (
        "Ngày 25-4-2019, Đoàn kiểm tra làm việc tại Hội CCB Việt Nam do đồng chí Thượng tướng Nguyễn Văn Được, "
        "Bí thư Đảng đoàn, Chủ tịch Hội CCB Việt Nam làm trưởng đoàn.\n"
        "Trung tướng Nguyễn Song Phi, Phó chủ tịch Hội CCB Việt Nam báo cáo kết quả."
    )
    assert _names_titles(text) == [
        ("Nguyễn Văn Được", "Bí thư Đảng đoàn, Chủ tịch Hội CCB Việt Nam"),
        ("Nguyễn Song Phi", "Phó chủ tịch Hội CCB Việt Nam"),
    ]


def test_names_after_a_colon_list_and_titles_after_giu_chuc_or_duoc_cu_lam():
    text = (
        "Ngày 10/9/2020, Đảng ủy xã tổ chức hội nghị Ban Chấp hành mở rộng.\n"
        "Chủ trì hội nghị: Nguyễn Minh Hải, Huyện ủy viên, Bí thư Đảng ủy; đồng chí Nguyễn Văn Đen, Phó Bí thư.\n"
        "Kết quả, bà Nguyễn Đinh Minh Phương, được cử làm Chủ tịch Ủy ban MTTQ Việt Nam phường."
    )
    assert _names_titles(text) == [
        ("Nguyễn Minh Hải", "Huyện ủy viên, Bí thư Đảng ủy"),
        ("Nguyễn Văn Đen", "Phó Bí thư"),
        ("Nguyễn Đinh Minh Phương", "Chủ tịch Ủy ban MTTQ Việt Nam phường"),
    ]


def test_titles_with_trung_uong_lower_case_deputies_and_member_acronyms():
    text = (
        "Ngày 14/1, Ban Thường trực tổ chức hội nghị. Tại Hội nghị, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam "
        "Hà Thị Nga cho biết kết quả. Dự có đ/c Võ Thanh Lắm Phó bí thư thường trực; đ/c Trần Ngọc Thủ ĐUV."
    )
    assert [n for n, _ in _names_titles(text)] == ["Hà Thị Nga", "Võ Thanh Lắm", "Trần Ngọc Thủ"]


def test_a_name_then_a_dash_and_a_title_needs_no_honorific_and_an_honorific_is_no_name():
    text = "Sáng 13/5/2021, Đảng ủy phường tổ chức giao ban, Vũ Hoàng Long – Phó Bí thư Thường trực Đảng ủy chủ trì."
    people = find_people(text, match_form(text))
    assert [(p.name, p.title) for p in people] == [("Vũ Hoàng Long", "Phó Bí thư Thường trực Đảng ủy")]
    honorific = "Ông Huỳnh Văn Quang - Chủ tịch Ủy ban MTTQ tỉnh làm việc với huyện."
    assert [p.name for p in find_people(honorific, match_form(honorific))] == ["Huỳnh Văn Quang"]


def test_a_name_after_the_youth_union_of_a_level_is_the_persons_alone():
    text = "Phó Bí thư tỉnh Đoàn Nguyễn Trọng Lâm dự và chỉ đạo hội nghị."
    assert [(p.name, p.title) for p in find_people(text, match_form(text))] == [
        ("Nguyễn Trọng Lâm", "Phó Bí thư tỉnh Đoàn")
    ]


def test_the_separators_before_a_title_are_those_the_class_of_separators_finds():
    reference = re.compile(rf"[-–—,]{people._TITLE_AHEAD}")
    words = ["Nguyễn Văn A", " - ", " – ", "—", ", ", ",", "Phó Chủ tịch", "Bí thư", "Nguyên ", "UVBTV", "ông", " "]
    for text, _, _ in random_stretches(words, 47):
        assert [m.span() for m in people._separators_then_title(text)] == [m.span() for m in reference.finditer(text)]


_HONORIFIC_PIECES = ["đồng chí", "Đồng chí", "đ/c", "Đ/C", "ông", "Ông", "bà", "Bà", "không", "Đại", "tướng", "Trung",
                     "tá", "chủ trì", "Chủ trì hội nghị", "gồm", "Thành phần", ":", " ", "  ", "Nguyễn", "Văn", "An",
                     ",", "x"]


def test_the_honorifics_grouped_by_first_letter_find_what_their_flat_alternation_finds():
    before = people._NO_LETTER_BEFORE
    flat = re.compile("|".join(
        [rf"{h[0]}{before}{h[1:]}(?:\s+{people._RANK})?{people._BEFORE_NAME}" for h in people._HONORIFICS]
        + [rf"{r[0]}{before}{r[1:]}\s+(?:tướng|tá|úy){people._BEFORE_NAME}" for r in people._RANK_WORDS]
        + [rf"{o[0]}{before}{o[1:]}\s*:(?:\s+(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[đĐ]/[cC]))?{people._BEFORE_NAME}"
           for o in people._LIST_OPENERS]
    ))
    for text, _, _ in random_stretches(_HONORIFIC_PIECES, 43, count=3000, most=12, sep=" "):
        assert [m.span() for m in people._HONORIFIC.finditer(text)] == [m.span() for m in flat.finditer(text)], text
