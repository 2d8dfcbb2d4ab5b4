import re

from conftest import random_stretches

from giaoban.extract import figures
from giaoban.extract.figures import find_figures, parse_number
from giaoban.extract.normalize import match_form


def _figs(text):
    return [(f.value, f.unit) for f in find_figures(text, match_form(text))]


def test_vietnamese_number_formats():
    assert parse_number("9.365") == 9365
    assert parse_number("3,5") == 3.5
    assert parse_number("1.250,5") == 1250.5


def test_counted_noun_phrase_stops_at_function_word():
    assert _figs("trao tặng 9.365 suất quà cho hộ nghèo") == [(9365, "suất quà")]


def test_money_with_multiplier_and_glued_prefix():
    assert _figs("tổng kinh phí trên4 tỷ đồng") == [(4_000_000_000, "đồng")]
    assert _figs("500 triệu đồng") == [(500_000_000, "đồng")]


def test_percent_range_gives_lower_bound():
    assert _figs("đạt tỷ lệ 90 – 95%") == [(90, "%")]


def test_leading_zero_count():
    assert _figs("làm việc với 02 xã về đích") == [(2, "xã")]


def test_ages_durations_anniversaries_criteria_and_ordinals_are_excluded():
    text = (
        "trẻ em từ 5 - 12 tuổi; trong 03 tháng đầu năm; kỷ niệm 60 năm; các tiêu chí 15, 17, 18; "
        "lần thứ 5; COVID-19; năm 2022; 13:59:32 GMT+7"
    )
    assert _figs(text) == []


def test_skip_spans_are_honoured():
    text = "Kế hoạch 71-KH/TU"
    assert find_figures(text, match_form(text), [(0, len(text))]) == []


def test_numbers_inside_overlapping_or_adjacent_skip_spans_are_skipped_and_others_kept():
    text = "có 12 hội viên, 30 hộ, 45 người và 60 cây"
    spans = [(text.index("30"), text.index("30") + 6), (text.index("30") + 2, text.index("45")),
             (text.index("45"), text.index("45") + 2), (0, 0)]
    assert [f.value for f in find_figures(text, match_form(text), spans)] == [12, 60]


def test_number_glued_to_a_capital_is_a_code_not_a_figure():
    assert _figs("ký cam kết thực hiện thông điệp 5K đạt 98,5%") == [(98.5, "%")]


def test_man_days_count_although_days_are_durations():
    figs = _figs("Nhân dân đóng góp 2.340 ngày công; sau 3 ngày hoàn thành")
    assert figs == [(2340, "ngày công")]


def test_numbers_inside_a_quoted_name_are_not_figures():
    text = 'ra mắt mô hình "Chi hội phụ nữ 5 không, 3 sạch"; câu lạc bộ có 40 thành viên'
    assert _figs(text) == [(40, "thành viên")]
    assert _figs("mô hình “Nhà 3 sạch” với 12 hộ tham gia") == [(12, "hộ")]


def test_share_of_a_total_gives_the_first_number_and_the_unit_after_the_total():
    text = "44/45 xã, phường đã hoàn thành; 23/23 xã, thị trấn tổ chức đối thoại"
    assert [(f.value, f.unit, f.text) for f in find_figures(text, match_form(text))] == [
        (44, "xã", "44/45 xã"),
        (23, "xã", "23/23 xã"),
    ]
    # A later day of an earlier month is no share of a total.
    assert _figs("đến 25/12 xã hoàn thành") == []


def test_a_number_ending_a_line_takes_no_unit_from_the_next_line():
    assert _figs("Tổng cộng đã trao 623\nSáng 16/7, Thị ủy tổ chức hội nghị") == []


def test_money_without_a_currency_ten_thousands_totals_and_amounts_beside_targets():
    from giaoban.extract.figures import find_figures
    from giaoban.extract.normalize import match_form

    text = (
        "đã đóng góp 996 triệu, nâng tổng số 1.529 hội viên; có 22 vạn cựu chiến binh; vận động được "
        "62.515.000/53.781.000 đồng; vận hành chính quyền địa phương 2 cấp."
    )
    found = [(f.value, f.unit) for f in find_figures(text, match_form(text))]
    assert found == [(996e6, "đồng"), (1529, "hội viên"), (220000, "cựu chiến binh"), (62515000, "đồng")]


def test_numbers_in_slogans_and_codes_count_nothing_but_money_glued_to_its_currency_does():
    text = "Phong trào 5 không 3 sạch, Phụ nữ 2 giỏi; ảnh z4098687894916 446f11e68819b134; quỹ 113.790.000đ."
    assert _figs(text) == [(113790000, "đ")]


def test_a_measure_glued_to_its_number_counts_and_a_code_does_not():
    text = "Nhân dân hiến trên 36.155m2 đất; phường có diện tích 6,34km2; mạng 4G phủ 5K hộ."
    found = [(f.value, f.unit) for f in find_figures(text, match_form(text))]
    assert found == [(36155.0, "m2 đất"), (6.34, "km2")]


# The words that block a figure, as one case-insensitive pattern tried at every character.
_BLOCKING_PLAIN = re.compile(
    r"(?i)(?<!\w)(?:"
    + "|".join(w.replace("s(?<!tổng .)ố", "(?<!tổng )số") for w in figures._BLOCKING_WORDS)
    + r"|covid\s*-)\s*$|(?i:tiêu chí(?:\s*(?:số\s*)?\d+\s*(?:,|và)\s*)+$)"
)
_WINDOW_PIECES = [
    "số", "tổng", "Số", "SỐ", "ſố", "thứ", "lần", "COVID", "covid", "-", "tiêu chí", "Tiêu", "chí", "5", ",", "và",
    "chính quyền", "địa phương", "Quý", "đợt", "xã", "ı", "İ", "a", " ", "  ", "\n",
]


def test_the_blocking_words_found_near_the_windows_end_give_what_the_pattern_finds_at_every_character():
    for text, start, _ in random_stretches(_WINDOW_PIECES, 41, count=4000, most=14, sep=" "):
        window = text[start:]
        assert figures._blocked_before(window) == bool(_BLOCKING_PLAIN.search(window)), window
