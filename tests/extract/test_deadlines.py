from conftest import random_stretches

from giaoban.extract.chars import new_text
from giaoban.extract.deadlines import _DEADLINE, DEADLINE_RE, find_deadline
from giaoban.extract.normalize import match_form


def _dl(text, year=2023):
    return find_deadline(match_form(text), year)


def test_before_a_date():
    assert _dl("hoàn thành trước ngày 30/9/2023") == "2023-09-30"


def test_within_a_month_year_or_quarter():
    assert _dl("dự kiến tổ chức trong tháng 8/2018") == "2018-08"
    assert _dl("hoàn thành trong năm 2020") == "2020"
    assert _dl("trong quý III năm 2020") == "2020-09"
    assert _dl("trong 6 tháng cuối năm 2023") == "2023-12"


def test_range_gives_its_end_and_missing_year_is_defaulted():
    assert _dl("từ ngày 10 đến ngày 15/11", 2022) == "2022-11-15"
    assert _dl("trong tháng 4", 2024) == "2024-04"


def test_target_years_and_terms_are_not_deadlines():
    assert _dl("đối với công tác Dân vận đến năm 2025") is None
    assert _dl("Đại hội nhiệm kỳ 2019-2024") is None
    assert _dl("Tổ chức Hội nghị 6 tháng đầu năm 2018") is None


def test_target_year_after_phan_dau_is_a_deadline_but_a_bare_horizon_is_not():
    assert _dl("phấn đấu đến năm 2023 tỷ lệ cơ sở Hội vững mạnh đạt trên 80%") == "2023"
    assert _dl("thực hiện Nghị quyết về công tác dân vận đến năm 2025") is None


def test_a_span_in_brackets_ends_on_its_last_day_and_vao_names_when():
    assert _dl("vận động ủng hộ Quỹ “Vì người nghèo” (17/10 – 18/11/2017)") == "2017-11-18"
    assert _dl("tổ chức Đại hội đại biểu nhiệm kỳ II vào tháng 7/2026") == "2026-07"


_PIECES = ["từ", "Từ", "(", ")", "trong", "TRONG", "trước", "chậm nhất là", "hạn chót", "Hạn", "xong trước",
           "hoàn thành trước", "đến", "Đến hết", "phấn đấu tới hết", "vào", "ngày", "tháng", "Tháng", "quý", "QUÝ",
           "năm", "6", "sáu", "chín", "đầu", "cuối", "1", "12", "30", "2024", "/", "-", ".", "I", "IV", "x", "ı", "ſ",
           "İ", "hết", " ", "  ", "\n"]


def test_the_deadline_words_found_first_give_what_the_pattern_finds_at_every_character():
    for piece, _, _ in random_stretches(_PIECES, 11, most=14, sep=" "):
        want = [(m.span(), m.groupdict()) for m in DEADLINE_RE.finditer(piece)]
        assert [(m.span(), m.groupdict()) for m in _DEADLINE.finditer(piece)] == want, piece


def test_a_piece_read_in_place_gives_the_deadline_its_copy_gives():
    for text, start, end in random_stretches(_PIECES, 17, count=3000, most=16, sep=" "):
        new_text()
        assert find_deadline(text, 2025, start, end) == find_deadline(text[start:end], 2025), (text, start, end)


def test_a_quarter_written_with_a_dotted_or_dotless_i_is_read_not_a_crash():
    assert _dl("hoàn thành trong quý İ năm 2026") == "2026-03"
    assert _dl("hoàn thành trong quý ıv năm 2026") == "2026-12"
