from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from giaoban.reports.catalogue import CATALOGUE
from giaoban.reports.models import Indicator, ReportStatus, WorkflowError, indicators_for
from tests.reports.factories import IndicatorFactory


@pytest.mark.django_db
def test_catalogue_is_seeded_by_migration_with_the_common_indicators():
    assert Indicator.objects.count() == len(CATALOGUE) >= 30
    names = " ".join(Indicator.objects.values_list("name", flat=True))
    for words in ("Vì người nghèo", "Đại đoàn kết", "quà Tết", "học bổng", "giám sát", "phản biện",
                  "Dân vận khéo", "Hội viên mới", "Đoàn viên mới", "nông thôn mới", "Khu dân cư kiểu mẫu",
                  "tiếp công dân", "hòa giải thành"):
        assert words.lower() in names.lower(), words


@pytest.mark.parametrize(("kind", "value", "message"), [
    ("count", "-1", "không được âm"), ("count", "1.5", "số nguyên"), ("money", "10.5", "phần lẻ"),
    ("percent", "100.5", "từ 0 đến 100"), ("percent", "-1", "không được âm"), ("ratio", "1.234", "hai chữ số"),
])
def test_values_are_validated_by_kind_in_vietnamese(kind, value, message):
    with pytest.raises(ValidationError, match=message):
        Indicator(kind=kind).clean_value(Decimal(value))


def test_valid_values_are_kept_exactly():
    assert Indicator(kind="money").clean_value(Decimal("4000000000")) == Decimal(4_000_000_000)
    assert Indicator(kind="percent").clean_value(Decimal("92.5")) == Decimal("92.50")
    assert Indicator(kind="count").clean_value(None) is None


def test_money_is_shown_the_vietnamese_way():
    money = Indicator(kind="money", unit="đồng")
    assert money.format(Decimal(4_000_000_000)) == "4.000.000.000 đ"
    assert money.format_short(Decimal(4_000_000_000)) == "4 tỷ đồng"
    assert Indicator(kind="percent").format(Decimal("92.50")) == "92,5 %"
    assert Indicator(kind="count").format(Decimal(9365)) == "9.365"


def test_tree_rule_last_is_refused():
    with pytest.raises(ValidationError):
        Indicator(code="x", name="x", unit="x", kind="count", tree_aggregation="last").clean()


@pytest.mark.django_db
def test_indicators_follow_the_template_and_the_organisation_type(bloc_world):
    IndicatorFactory(code="chi-doan-thanh-nien", organization_types=["youth_union"])
    codes = [i.code for i in indicators_for(bloc_world["farmers"], bloc_world["q1"])]
    assert codes == ["qua-tet", "quy-vnn", "dvk"]
    bloc_world["template"].indicators.add(Indicator.objects.get(code="chi-doan-thanh-nien"))
    assert "chi-doan-thanh-nien" not in [i.code for i in indicators_for(bloc_world["farmers"], bloc_world["q1"])]


@pytest.mark.django_db
def test_workflow_only_allows_the_documented_transitions(bloc_world):
    report, user = bloc_world["front_report"], bloc_world["convening_editor"]
    with pytest.raises(WorkflowError):
        report.submit(user)
    report.accept(user)
    assert report.status == ReportStatus.ACCEPTED
    with pytest.raises(WorkflowError):
        report.accept(user)
    report.send_back(user, "Bổ sung số liệu.")
    assert report.status == ReportStatus.RETURNED and report.is_editable
    assert report.history.count() >= 3


@pytest.mark.django_db
def test_deadline_is_period_end_plus_template_days(bloc_world):
    template, q1 = bloc_world["template"], bloc_world["q1"]
    assert template.deadline_for(q1).isoformat() == "2022-04-05"
