"""Deadlines: stored as the last day the precision allows, written back the Vietnamese way."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giaoban.directives import deadlines as d

DAYS = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31))


@st.composite
def deadline(draw):
    """A (precision, first day, last day) of a random day, month, quarter, half or year."""
    precision = draw(st.sampled_from([d.DAY, d.MONTH, d.QUARTER, d.HALF, d.YEAR]))
    year = draw(st.integers(1990, 2100))
    if precision == d.DAY:
        day = draw(st.dates(min_value=datetime.date(year, 1, 1), max_value=datetime.date(year, 12, 31)))
        return precision, day, day
    if precision == d.YEAR:
        return precision, datetime.date(year, 1, 1), d.last_day(d.YEAR, year)
    count = {d.MONTH: 12, d.QUARTER: 4, d.HALF: 2}[precision]
    number = draw(st.integers(1, count))
    months = 12 // count
    return precision, datetime.date(year, (number - 1) * months + 1, 1), d.last_day(precision, year, number)


@given(deadline(), DAYS)
def test_overdue_exactly_when_today_is_after_the_whole_period(spec, today):
    precision, first, last = spec
    assert d.is_overdue(last, today) == (today > last)
    if first <= today <= last:  # any day inside "trong quý II/2022" is still on time
        assert not d.is_overdue(last, today)


@given(deadline(), DAYS, st.integers(0, 60))
def test_due_soon_means_not_overdue_and_last_day_within_the_window(spec, today, days):
    _precision, _first, last = spec
    soon = d.is_due_within(last, today, days)
    assert soon == (today <= last <= today + datetime.timedelta(days=days))
    assert not (soon and d.is_overdue(last, today))


@given(deadline())
def test_label_parses_back_to_the_same_deadline(spec):
    precision, first, last = spec
    assert d.parse(d.label(last, precision)) == (last, precision)
    assert d.normalise(first, precision) == last


@pytest.mark.parametrize(("phrase", "expected"), [
    ("trong quý II/2022", (datetime.date(2022, 6, 30), d.QUARTER)),
    ("Quý 3 năm 2020", (datetime.date(2020, 9, 30), d.QUARTER)),
    ("trước ngày 30/9/2023", (datetime.date(2023, 9, 30), d.DAY)),
    ("ngày 15 tháng 11 năm 2022", (datetime.date(2022, 11, 15), d.DAY)),
    ("trong tháng 8/2018", (datetime.date(2018, 8, 31), d.MONTH)),
    ("tháng 2 năm 2024", (datetime.date(2024, 2, 29), d.MONTH)),
    ("6 tháng cuối năm 2022", (datetime.date(2022, 12, 31), d.HALF)),
    ("năm 2020", (datetime.date(2020, 12, 31), d.YEAR)),
    ("2018-08", (datetime.date(2018, 8, 31), d.MONTH)),
    ("2020", (datetime.date(2020, 12, 31), d.YEAR)),
    ("2023-09-30", (datetime.date(2023, 9, 30), d.DAY)),
    ("", (None, d.NONE)),
    ("không thời hạn", (None, d.NONE)),
])
def test_parse_reads_the_phrases_offices_write(phrase, expected):
    assert d.parse(phrase) == expected


@pytest.mark.parametrize(("deadline", "precision", "text"), [
    (datetime.date(2022, 6, 30), d.QUARTER, "trong quý II/2022"),
    (datetime.date(2023, 9, 30), d.DAY, "trước ngày 30/9/2023"),
    (datetime.date(2018, 8, 31), d.MONTH, "trong tháng 8/2018"),
    (datetime.date(2020, 12, 31), d.YEAR, "năm 2020"),
    (datetime.date(2022, 6, 30), d.HALF, "trong 6 tháng đầu năm 2022"),
    (None, d.NONE, ""),
])
def test_label_writes_the_vietnamese_way(deadline, precision, text):
    assert d.label(deadline, precision) == text


@pytest.mark.parametrize("phrase", ["sớm", "quý 5/2022", "31/2/2023", "tháng 13/2022"])
def test_nonsense_is_refused_with_a_vietnamese_message(phrase):
    with pytest.raises(d.DeadlineError, match="thời hạn|Thời hạn"):
        d.parse(phrase)


@pytest.mark.parametrize(("text", "expected"), [
    ("giúp xã Nghĩa Tá hoàn thành các tiêu chí Nông thôn mới trong năm 2020", (datetime.date(2020, 12, 31), d.YEAR)),
    ("trồng cây xanh năm 2018 do huyện dự kiến tổ chức trong tháng 8/2018", (datetime.date(2018, 8, 31), d.MONTH)),
    ("Tổ chức Hội nghị toàn thể 6 tháng đầu năm 2018", (None, d.NONE)),
    ("ban hành kế hoạch thực hiện nhiệm vụ năm 2022", (None, d.NONE)),
])
def test_find_in_text_takes_only_a_phrase_that_sets_a_deadline(text, expected):
    assert d.find_in_text(text) == expected


MEETING = datetime.date(2022, 4, 5)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("trong quý II", (datetime.date(2022, 6, 30), d.QUARTER)),  # the quarter the meeting is in has not ended
    ("quý I", (datetime.date(2023, 3, 31), d.QUARTER)),  # already over: next year's
    ("tháng 8", (datetime.date(2022, 8, 31), d.MONTH)),
    ("trong tháng 3", (datetime.date(2023, 3, 31), d.MONTH)),
    ("6 tháng cuối năm", (datetime.date(2022, 12, 31), d.HALF)),
    ("trước ngày 30/9", (datetime.date(2022, 9, 30), d.DAY)),
    ("trước ngày 5 tháng 4", (datetime.date(2022, 4, 5), d.DAY)),
    ("trong quý II/2023", (datetime.date(2023, 6, 30), d.QUARTER)),  # a year given is kept
])
def test_a_period_without_a_year_is_the_first_such_period_after_the_meeting(phrase, expected):
    assert d.parse(phrase, MEETING) == expected


def test_a_period_without_a_year_and_no_meeting_day_is_refused_in_vietnamese():
    with pytest.raises(d.DeadlineError, match="Không hiểu thời hạn"):
        d.parse("trong quý II")


@given(DAYS, st.integers(1, 4))
def test_a_yearless_quarter_never_ends_before_the_meeting_and_is_the_nearest_one(meeting, quarter):
    day, precision = d.parse(f"trong quý {quarter}", meeting)
    assert precision == d.QUARTER and (day.month - 1) // 3 + 1 == quarter
    assert day >= meeting > d.last_day(d.QUARTER, day.year - 1, quarter)  # the year before had already ended


@pytest.mark.parametrize("phrase", ["tháng 13", "ngày 31/2", "quý 5"])
def test_a_yearless_nonsense_is_refused_in_vietnamese(phrase):
    with pytest.raises(d.DeadlineError, match="thời hạn|Thời hạn"):
        d.parse(phrase, MEETING)


def test_find_in_text_reads_a_yearless_phrase_only_when_the_meeting_day_is_known():
    text = "Tổ chức tập huấn cho cán bộ Mặt trận cơ sở trong quý III"
    assert d.find_in_text(text) == (None, d.NONE)
    assert d.find_in_text(text, MEETING) == (datetime.date(2022, 9, 30), d.QUARTER)
