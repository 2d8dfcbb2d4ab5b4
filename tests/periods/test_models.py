import datetime

import pytest
from django.core.exceptions import ValidationError

from giaoban.periods.models import Period


@pytest.mark.django_db
def test_from_label_stores_the_period_with_its_dates_once():
    first = Period.objects.from_label("Quý I/2022")
    again = Period.objects.from_label("quý I năm 2022")
    assert first.pk == again.pk
    assert (first.start, first.end) == (datetime.date(2022, 1, 1), datetime.date(2022, 3, 31))
    assert str(first) == "Quý I/2022"


@pytest.mark.django_db
def test_unknown_label_is_refused_in_vietnamese_and_creates_nothing():
    with pytest.raises(ValidationError) as error:
        Period.objects.from_label("Quý năm")
    assert "Không hiểu kỳ báo cáo" in str(error.value)
    assert Period.objects.count() == 0


@pytest.mark.django_db
def test_next_and_previous_are_stored_periods():
    june = Period.objects.from_label("Tháng 6/2018")
    assert june.next().label == "Tháng 7/2018"
    assert june.previous().label == "Tháng 5/2018"
    assert Period.objects.from_label("Năm 2018").contains(june)


@pytest.mark.django_db
def test_containing_day_finds_the_quarter():
    assert Period.objects.containing(datetime.date(2022, 5, 17), "quarter").label == "Quý II/2022"


@pytest.mark.django_db
def test_get_many_reads_in_one_query_keeps_the_order_and_stores_nothing(django_assert_num_queries):
    from giaoban.periods.logic import PeriodKey

    existing = Period.objects.from_label("Quý I/2022")
    keys = [PeriodKey("quarter", 2022, 2), PeriodKey("quarter", 2022, 1), PeriodKey("year", 2022)]
    with django_assert_num_queries(1):
        periods = Period.objects.get_many(keys)
    assert [p.label for p in periods] == ["Quý II/2022", "Quý I/2022", "Năm 2022"]
    assert periods[1].pk == existing.pk
    assert periods[0].pk is None and periods[0].end.isoformat() == "2022-06-30"
    assert Period.objects.count() == 1


@pytest.mark.django_db
def test_next_and_previous_are_computed_without_being_stored():
    quarter = Period.objects.from_label("Quý I/2022")
    assert (quarter.next().label, quarter.previous().label) == ("Quý II/2022", "Quý IV/2021")
    assert Period.objects.count() == 1
