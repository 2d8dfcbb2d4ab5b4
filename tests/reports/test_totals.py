"""Stored per-period totals: kept equal to a from-scratch recomputation through every kind of write, and the
consolidations read from them give the figures of re-adding every report (tests/reports/scratch.py)."""

import random
from decimal import Decimal

import pytest

from giaoban.periods.logic import HALF, MONTH, NINE_MONTHS, QUARTER, YEAR, PeriodKey
from giaoban.reports.consolidation import consolidate, consolidate_tree
from giaoban.reports.models import IndicatorValue, PeriodReport, PeriodTotal, ReportStatus
from giaoban.reports.totals import rebuild_totals
from tests.reports import scratch
from tests.reports.factories import BlocFactory, IndicatorFactory, OrganizationFactory, period, report_with

pytestmark = pytest.mark.django_db
RULES = [("sum", "sum"), ("last", "sum"), ("max", "max"), ("average", "average"), ("sum", "average"),
         ("last", "average"), ("none", "sum"), ("sum", "none"), ("max", "sum"), ("average", "sum")]
CHECKED = [PeriodKey(QUARTER, 2022, n) for n in range(1, 5)] + [
    PeriodKey(HALF, 2022, 1), PeriodKey(HALF, 2022, 2), PeriodKey(NINE_MONTHS, 2022), PeriodKey(YEAR, 2022),
    PeriodKey(MONTH, 2022, 3)]
# Each body's habit: which spans it reports on (some overlap: a quarter beside its months, a year beside them).
CADENCES = {
    "monthly": [PeriodKey(MONTH, y, m) for y in (2021, 2022) for m in range(1, 13)],
    "quarterly": [PeriodKey(QUARTER, y, q) for y in (2021, 2022) for q in range(1, 5)],
    "halves": [PeriodKey(HALF, y, h) for y in (2021, 2022) for h in (1, 2)],
    "mixed": [PeriodKey(MONTH, 2022, m) for m in range(1, 7)] + [PeriodKey(QUARTER, 2022, 1),
                                                                  PeriodKey(NINE_MONTHS, 2022),
                                                                  PeriodKey(QUARTER, 2022, 4), PeriodKey(YEAR, 2021)],
    "yearly": [PeriodKey(YEAR, 2021), PeriodKey(YEAR, 2022), PeriodKey(MONTH, 2022, 12)],
}


def _value(rng: random.Random, indicator) -> Decimal | None:
    if rng.random() < 0.1:
        return None
    return Decimal(rng.randint(0, 9000)) / 100 if indicator.kind == "ratio" else Decimal(rng.randint(0, 500))


@pytest.fixture
def world():
    """A province: its Front, a union, two communes each with their Front and two unions; every rule's indicator."""
    rng = random.Random(16)
    province = OrganizationFactory(name="Ủy ban MTTQ tỉnh Thử", type="front_committee", level="province")
    bodies = [province, OrganizationFactory(name="Tỉnh đoàn Thử", type="youth_union", parent=province,
                                            level="province")]
    for n in range(2):
        commune = OrganizationFactory(name=f"Ủy ban MTTQ xã {n}", type="front_committee", parent=province,
                                      level="commune")
        bodies += [commune, *(OrganizationFactory(name=f"{kind} xã {n}", type=kind, parent=commune, level="commune")
                              for kind in ("farmers_union", "women_union"))]
    indicators = [IndicatorFactory(code=f"luat-{time}-{tree}", time_aggregation=time, tree_aggregation=tree,
                                   kind="ratio" if "average" in (time, tree) else "count") for time, tree in RULES]
    reports = []
    for body, cadence in zip(bodies, rng.choices(list(CADENCES), k=len(bodies)), strict=True):
        for key in CADENCES[cadence]:
            status = rng.choices([ReportStatus.ACCEPTED, ReportStatus.SUBMITTED, ReportStatus.DRAFT,
                                  ReportStatus.RETURNED, None], [60, 20, 8, 4, 8])[0]
            if status is not None:
                reports.append(report_with(body, period(key.type, key.year, key.number),
                                           {i: _value(rng, i) for i in indicators}, status=status))
    bloc = BlocFactory(convening=province, members=bodies)
    return {"province": province, "bodies": bodies, "indicators": indicators, "reports": reports, "bloc": bloc,
            "rng": rng}


def _stored() -> list[tuple]:
    return sorted((r.organization_id, r.period_type, r.year, r.number, r.indicator_id or 0, r.complete, r.total,
                   r.maximum, r.last, r.weighted, r.months) for r in PeriodTotal.objects.all())


def _same(ours: Decimal | None, theirs: Decimal | None, indicator) -> bool:
    if ours is None or theirs is None:
        return ours is theirs
    # A time average is a quotient: added up in another order it may differ in its 28th digit.
    return ours == theirs if indicator.time_aggregation != "average" else abs(ours - theirs) < Decimal("1e-12")


def _assert_like_scratch(world) -> None:
    """The stored rows are those a rebuild writes, and every consolidation gives the re-added figures."""
    kept = _stored()
    rebuild_totals()
    assert kept == _stored()
    for key in CHECKED:
        at = period(key.type, key.year, key.number)
        result = consolidate_tree(world["province"], at, world["indicators"])
        rows, missing = scratch.tree(world["province"], at, world["indicators"])
        assert result.missing == missing and result.missing_total == len(missing)
        for ours, theirs in zip(result.rows, rows, strict=True):
            indicator = ours.indicator
            assert ours.incomplete == theirs.incomplete, (key, indicator.code)
            assert _same(ours.total, theirs.total, indicator), (key, indicator.code, ours.total, theirs.total)
            assert _same(ours.previous_total, theirs.previous_total, indicator), (key, indicator.code)
            for org in result.organizations:
                assert _same(ours.values[org.pk], theirs.values[org.pk], indicator), (key, indicator.code, org.name)
        bloc = consolidate(world["bloc"], at)
        bloc_rows, bloc_missing = scratch.bloc_rows(world["bloc"], at, [row.indicator for row in bloc.rows])
        assert bloc.missing == bloc_missing
        for ours, theirs in zip(bloc.rows, bloc_rows, strict=True):
            assert (ours.total, ours.previous_total, ours.values, ours.incomplete) == (
                theirs.total, theirs.previous_total, theirs.values, theirs.incomplete), (key, ours.indicator.code)


def test_the_stored_totals_give_the_figures_of_re_adding_every_report(world):
    assert PeriodTotal.objects.filter(year=2022, period_type=QUARTER).exists()
    _assert_like_scratch(world)


def test_the_totals_follow_submissions_returns_corrections_and_deletions(world):
    rng, reports = world["rng"], world["reports"]
    for report in rng.sample([r for r in reports if r.status == ReportStatus.DRAFT], 3):
        report.status = ReportStatus.SUBMITTED  # sent: its figures count from now on
        report.save()
    for report in rng.sample([r for r in reports if r.status == ReportStatus.SUBMITTED], 3):
        report.send_back(None, "Số liệu chưa khớp")
    counted = PeriodReport.objects.filter(status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED])
    for value in IndicatorValue.objects.filter(report__in=counted).order_by("pk")[:40:4]:
        value.value = (value.value or 0) + 7  # a correction on a counted report (the admin's inline)
        value.save()
    for value in IndicatorValue.objects.filter(report__in=counted).order_by("-pk")[:5]:
        value.delete()
    for report in PeriodReport.objects.filter(pk__in=[r.pk for r in rng.sample(reports, 4)]):
        report.delete()
    late = PeriodReport.objects.filter(period__type=MONTH).order_by("pk").first()
    report_with(late.organization, period(QUARTER, 2022, 2) if late.period.year == 2022 else period(YEAR, 2022),
                {i: Decimal(3) for i in world["indicators"]})  # a coarser report over months already sent
    _assert_like_scratch(world)


def test_a_report_moved_to_another_body_leaves_nothing_behind_on_the_first(world):
    report = PeriodReport.objects.filter(status=ReportStatus.ACCEPTED, period__type=MONTH,
                                         period__year=2022).order_by("pk").first()
    others = [b for b in world["bodies"] if b.pk != report.organization_id and not PeriodReport.objects.filter(
        organization=b, period=report.period).exists()]
    report.organization = others[0]
    report.save()
    _assert_like_scratch(world)


def test_a_draft_figure_changes_no_total(world, django_assert_num_queries):
    draft = next(r for r in world["reports"] if r.status == ReportStatus.DRAFT)
    value = draft.values.first()
    kept = _stored()
    value.value = Decimal(99)
    with django_assert_num_queries(3):  # the save, its history row, the report's status: no rewrite
        value.save()
    assert _stored() == kept
