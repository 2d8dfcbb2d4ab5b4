import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giaoban.periods.logic import PeriodKey, PeriodLabelError, parse_label


@pytest.mark.parametrize(("key", "label"), [
    (PeriodKey("month", 2018, 6), "Tháng 6/2018"),
    (PeriodKey("quarter", 2022, 1), "Quý I/2022"),
    (PeriodKey("quarter", 2022, 4), "Quý IV/2022"),
    (PeriodKey("half", 2022, 1), "6 tháng đầu năm 2022"),
    (PeriodKey("half", 2022, 2), "6 tháng cuối năm 2022"),
    (PeriodKey("nine_months", 2022), "9 tháng năm 2022"),
    (PeriodKey("year", 2022), "Năm 2022"),
    (PeriodKey("term", 2024, 2029), "Nhiệm kỳ 2024–2029"),
])
def test_label_is_written_as_offices_write_it(key, label):
    assert key.label == label


@pytest.mark.parametrize(("text", "key"), [
    ("quý i năm 2020", PeriodKey("quarter", 2020, 1)),
    ("Quý 3/2021", PeriodKey("quarter", 2021, 3)),
    ("Sáu tháng đầu năm 2022", PeriodKey("half", 2022, 1)),
    ("tháng 07/2018", PeriodKey("month", 2018, 7)),
    ("Nhiệm kỳ 2024 - 2029", PeriodKey("term", 2024, 2029)),
    ("QUÝ II/2022.", PeriodKey("quarter", 2022, 2)),
])
def test_parse_accepts_common_variants(text, key):
    assert parse_label(text) == key


@pytest.mark.parametrize("text", ["Quý V/2022", "Tháng 13/2020", "tuần 5", "", "Năm hai nghìn"])
def test_parse_rejects_unknown_labels_with_vietnamese_message(text):
    with pytest.raises(PeriodLabelError, match="Không hiểu kỳ báo cáo"):
        parse_label(text)


def period_keys():
    years = st.integers(min_value=2018, max_value=2030)
    return st.one_of(
        st.builds(PeriodKey, st.just("month"), years, st.integers(1, 12)),
        st.builds(PeriodKey, st.just("quarter"), years, st.integers(1, 4)),
        st.builds(PeriodKey, st.just("half"), years, st.integers(1, 2)),
        st.builds(PeriodKey, st.just("nine_months"), years),
        st.builds(PeriodKey, st.just("year"), years),
        years.flatmap(lambda y: st.builds(PeriodKey, st.just("term"), st.just(y), st.integers(y + 1, y + 5))),
    )


@given(period_keys())
def test_label_round_trips_for_every_type(key):
    assert parse_label(key.label) == key


@given(period_keys())
def test_next_then_previous_is_identity_and_periods_are_adjacent(key):
    assert key.next().previous() == key
    if key.type in {"month", "quarter", "half", "year", "term"}:
        assert key.next().start == key.end + datetime.timedelta(days=1) or key.type == "term"


def test_first_quarter_is_inside_first_half_inside_year():
    q1, h1, year = PeriodKey("quarter", 2022, 1), PeriodKey("half", 2022, 1), PeriodKey("year", 2022)
    assert h1.contains(q1) and year.contains(h1) and year.contains(q1)
    assert not q1.contains(h1)
    assert not PeriodKey("half", 2022, 2).contains(q1)


def test_dates_of_periods():
    assert PeriodKey("quarter", 2022, 2).start == datetime.date(2022, 4, 1)
    assert PeriodKey("quarter", 2022, 2).end == datetime.date(2022, 6, 30)
    assert PeriodKey("month", 2024, 2).end == datetime.date(2024, 2, 29)
    assert PeriodKey("nine_months", 2022).end == datetime.date(2022, 9, 30)
    assert PeriodKey("term", 2024, 2029).end == datetime.date(2029, 12, 31)


def test_previous_of_january_is_december_of_last_year():
    assert PeriodKey("month", 2022, 1).previous() == PeriodKey("month", 2021, 12)
    assert PeriodKey("quarter", 2022, 1).previous() == PeriodKey("quarter", 2021, 4)


def test_parts_of_a_quarter_are_its_months():
    assert PeriodKey("quarter", 2022, 1).parts("month") == [PeriodKey("month", 2022, n) for n in (1, 2, 3)]
    assert PeriodKey("nine_months", 2022).parts("quarter") == [PeriodKey("quarter", 2022, n) for n in (1, 2, 3)]


def test_invalid_numbers_are_refused():
    with pytest.raises(ValueError):
        PeriodKey("quarter", 2022, 5)
    with pytest.raises(ValueError):
        PeriodKey("term", 2024, 2020)
