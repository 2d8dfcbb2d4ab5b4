from decimal import Decimal

import pytest

from giaoban.reports.consolidation import bloc_trend, body_trend, consolidate, consolidate_tree, indicator_series
from giaoban.reports.models import ReportStatus
from tests.reports.factories import (
    BlocFactory,
    IndicatorFactory,
    OrganizationFactory,
    ReportTemplateFactory,
    period,
    report_with,
)

MEMBER_TYPES = ["front_committee", "farmers_union", "women_union", "youth_union", "veterans_association"]


@pytest.fixture
def bloc_of_five(db):
    """A district bloc: the Front and four member organisations, convened by the Ban Dân vận."""
    district = OrganizationFactory(name="Huyện ủy Thử")
    board = OrganizationFactory(name="Ban Dân vận Huyện ủy Thử", type="mass_mobilisation_board", parent=district)
    members = [OrganizationFactory(name=f"Đơn vị {t}", type=t, parent=district) for t in MEMBER_TYPES]
    bloc = BlocFactory(convening=board, members=members)
    gifts = IndicatorFactory(code="qua", name="Suất quà Tết", unit="suất")
    money = IndicatorFactory(code="tien", name="Quỹ Vì người nghèo", unit="đồng", kind="money")
    ReportTemplateFactory(bloc=bloc, period_type="quarter", indicators=[gifts, money])
    return {"bloc": bloc, "board": board, "members": members, "gifts": gifts, "money": money}


def test_one_of_five_members_missing_is_flagged_and_totals_marked_incomplete(bloc_of_five):
    q1 = period("Quý I/2022")
    members, gifts, money = bloc_of_five["members"], bloc_of_five["gifts"], bloc_of_five["money"]
    for org, count in zip(members[:4], [9365, 120, 45, 10], strict=True):
        report_with(org, q1, {gifts: count, money: 1_000_000_000})
    result = consolidate(bloc_of_five["bloc"], q1)
    assert result.missing == [members[4]]
    assert not result.is_complete
    row = {r.indicator.code: r for r in result.rows}
    assert row["qua"].total == Decimal(9365 + 120 + 45 + 10)
    assert row["qua"].incomplete and row["tien"].incomplete
    assert row["qua"].values[members[4].pk] is None
    assert row["tien"].total == Decimal(4_000_000_000)


def test_all_five_submitted_is_complete_and_drafts_do_not_count(bloc_of_five):
    q1 = period("Quý I/2022")
    members, gifts, money = bloc_of_five["members"], bloc_of_five["gifts"], bloc_of_five["money"]
    for org in members:
        report_with(org, q1, {gifts: 10, money: 5})
    assert consolidate(bloc_of_five["bloc"], q1).is_complete
    members[0].period_reports.update(status=ReportStatus.DRAFT)
    result = consolidate(bloc_of_five["bloc"], q1)
    assert result.missing == [members[0]] and result.rows[0].total == 40


def test_quarter_is_consolidated_from_monthly_reports_and_compared_with_last_year(bloc_of_five):
    members, gifts = bloc_of_five["members"], bloc_of_five["gifts"]
    for org in members:
        for month in (1, 2, 3):
            report_with(org, period("month", 2022, month), {gifts: month})
        report_with(org, period("Quý I/2021"), {gifts: 4})
    row = consolidate(bloc_of_five["bloc"], period("Quý I/2022")).rows[0]
    assert row.total == 5 * 6 and row.previous_total == 5 * 4
    assert row.change_percent == Decimal("50.0") and row.trend == "up"


def test_sections_are_side_by_side_per_member(bloc_of_five):
    q1 = period("Quý I/2022")
    front = bloc_of_five["members"][0]
    report_with(front, q1, {}, limitations="Nắm tình hình có lúc chưa kịp thời.")
    sections = consolidate(bloc_of_five["bloc"], q1).sections
    assert sections["limitations"] == [(front, "Nắm tình hình có lúc chưa kịp thời.")]


def test_query_count_does_not_grow_with_members_or_periods(bloc_of_five, django_assert_max_num_queries):
    q1 = period("Quý I/2022")
    gifts = bloc_of_five["gifts"]
    for org in bloc_of_five["members"]:
        for month in (1, 2, 3):
            report_with(org, period("month", 2022, month), {gifts: 1})
    with django_assert_max_num_queries(8):
        consolidate(bloc_of_five["bloc"], q1)
    with django_assert_max_num_queries(8):
        indicator_series(bloc_of_five["bloc"], q1, count=6)


def test_tree_totals_roll_communes_up_to_the_province(db):
    province = OrganizationFactory(name="Ủy ban MTTQ tỉnh Thử", level="province")
    gifts = IndicatorFactory(code="qua-tree")
    communes = [OrganizationFactory(name=f"Ủy ban MTTQ xã {i}", parent=province, level="commune") for i in range(3)]
    unions = [OrganizationFactory(name=f"Hội Nông dân xã {i}", type="farmers_union", parent=c, level="commune")
              for i, c in enumerate(communes)]
    year = period("Năm 2022")
    report_with(province, year, {gifts: 1000})
    for i, (commune, union) in enumerate(zip(communes, unions, strict=True)):
        report_with(commune, year, {gifts: 100 * (i + 1)})
        if i:
            report_with(union, year, {gifts: 10})
    result = consolidate_tree(province, year)
    row = result.rows[0]
    assert row.total == 1000 + 600 + 20
    assert row.values[province.pk] == 1000
    assert row.values[communes[0].pk] == 100 and row.values[communes[2].pk] == 310
    assert result.missing == [unions[0]] and row.incomplete


def test_an_indicator_over_eight_quarters_gives_the_bloc_total_and_each_members_figure(bloc_of_five):
    members, gifts = bloc_of_five["members"], bloc_of_five["gifts"]
    quarter = period("Quý I/2021").key
    for step in range(8):
        for index, org in enumerate(members):
            if not (step == 7 and index == 4):  # the last member has not reported the latest quarter
                report_with(org, period(quarter.type, quarter.year, quarter.number), {gifts: 10 * step + index})
        quarter = quarter.next()
    latest = period("Quý IV/2022")
    bodies, points = bloc_trend(bloc_of_five["bloc"], latest, gifts)
    assert bodies == members  # the convening board reports to nobody
    assert [p.key.label for p in points] == ["Quý I/2021", "Quý II/2021", "Quý III/2021", "Quý IV/2021",
                                             "Quý I/2022", "Quý II/2022", "Quý III/2022", "Quý IV/2022"]
    assert points[0].total == 0 + 1 + 2 + 3 + 4 and points[0].complete
    assert points[0].by_body == [0, 1, 2, 3, 4]
    assert points[7].by_body == [70, 71, 72, 73, None] and points[7].total == 70 + 71 + 72 + 73
    assert not points[7].complete
    own = body_trend(members[1], latest, gifts)
    assert [p.total for p in own] == [10 * step + 1 for step in range(8)] and all(p.complete for p in own)


def test_an_indicator_over_time_costs_the_same_queries_for_few_or_many_periods(bloc_of_five,
                                                                              django_assert_max_num_queries):
    gifts = bloc_of_five["gifts"]
    for org in bloc_of_five["members"]:
        for year in (2021, 2022):
            for month in range(1, 13):
                report_with(org, period("month", year, month), {gifts: 1})
    bloc, latest = bloc_of_five["bloc"], period("Quý IV/2022")
    with django_assert_max_num_queries(3):  # the members, the reports, their figures
        bloc_trend(bloc, latest, gifts, count=2)
    with django_assert_max_num_queries(3):
        bloc_trend(bloc, latest, gifts, count=8)


def test_tree_queries_and_rows_read_do_not_grow_with_the_communes(db):
    """Summed per branch in the database: three communes or thirty cost the same queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    province = OrganizationFactory(name="Ủy ban MTTQ tỉnh Thử", level="province")
    gifts = IndicatorFactory(code="qua-nhieu-xa")

    def communes(count: int, first: int = 0) -> None:
        for n in range(count):
            commune = OrganizationFactory(name=f"Ủy ban MTTQ xã {first + n}", parent=province, level="commune")
            for month in (1, 2, 3):
                report_with(commune, period("month", 2022, month), {gifts: n})

    quarter = period("Quý I/2022")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            consolidate_tree(province, quarter)
        return len(captured)

    communes(3)
    few = queries()
    communes(27, first=3)
    assert queries() == few
    assert consolidate_tree(province, quarter).rows[0].total == 3 * sum(range(27)) + 3 * sum(range(3))
