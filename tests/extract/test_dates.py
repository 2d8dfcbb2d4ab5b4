from conftest import random_stretches

from giaoban.extract.dates import DateScan, find_dates, years_named
from giaoban.extract.normalize import match_form


def _first(text):
    dates = find_dates(match_form(text))
    return (dates[0].day, dates[0].month, dates[0].year) if dates else None


def test_full_numeric_date():
    assert _first("Ngày 05/4/2022, tại Huyện ủy") == (5, 4, 2022)


def test_day_month_without_year_after_context_word():
    assert _first("Chiều ngày 21/12, đồng chí") == (21, 12, None)
    assert _first("sáng 5-4, Ban Thường trực") == (5, 4, None)


def test_written_out_date():
    assert _first("Ngày 5 tháng 4 năm 2022, hội nghị") == (5, 4, 2022)


def test_ranges_and_ages_are_not_dates():
    assert _first("trẻ em từ 5 - 12 tuổi") is None
    assert _first("đạt 90-95%") is None


def test_month_year_is_not_a_date():
    assert _first("giao ban tháng 6/2018") is None


def test_iso_uses_default_year_when_missing():
    d = find_dates(match_form("Chiều ngày 21/12"))[0]
    assert d.iso(2022) == "2022-12-21"
    assert d.iso(None) is None


def test_invalid_day_is_rejected():
    assert _first("ngày 31/02/2023") is not None  # parsed...
    assert find_dates(match_form("ngày 31/02/2023"))[0].iso() is None  # ...but not a real date


def test_a_range_of_days_in_one_month_is_dated_by_its_first_day_when_a_day_word_names_it():
    text = "Trong 2 ngày 8-9/8, Đảng bộ tổ chức Đại hội. Trong 3 ngày (27-29/10) các đội thi đấu."
    found = find_dates(text)
    assert [(d.day, d.month, d.year) for d in found] == [(8, 8, None)]
    assert [(d.day, d.month, d.year) for d in find_dates("Ngày 01-02/4/2019, tại Hà Nội")] == [(1, 4, 2019)]


def test_a_share_of_a_total_before_a_counted_noun_is_no_date():
    text = (
        "Tổ chức Hội đã có mặt tại 9/9 huyện, thị xã và 65/152 hội cơ sở. Chiều 9/9 tại hội trường, 21/12 và ngày 5/6."
    )
    assert [(d.day, d.month) for d in find_dates(text)] == [(9, 9), (21, 12), (5, 6)]


def test_years_named_are_every_year_in_text_order_and_no_longer_number():
    assert years_named("Kỷ niệm 90 năm (14/10/1930 – 14/10/2020), nhiệm kỳ 2025-2030, mã 120251, số 2019") == [
        1930, 2020, 2025, 2030, 2019
    ]


_DATE_PIECES = [
    "ngày", "Sáng", "chiều", " ", "  ", "\n", "5", "12", "2024", "/", "-", "–", ".", ",", "tháng", "năm", " 21/12",
    "9/9 huyện", "8-9/8", "5 tháng 4 năm 2022", "31/02/2023", "١", "x", "đến",
]


def test_a_part_read_off_the_whole_texts_scan_gives_what_a_scan_of_the_part_gives():
    for text, start, end in random_stretches(_DATE_PIECES, 31, count=4000, most=12):
        scan = DateScan(text)
        assert scan.within(start, end) == find_dates(text, start, end), (text, start, end)
    assert DateScan("Chiều ngày 21/12").dates == find_dates("Chiều ngày 21/12")
