"""`giaoban export-indicators`: one period's figures of a tree, CSV and XLSX, in the documented columns."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from giaoban.interchange.indicators import COLUMNS
from giaoban.reports.models import IndicatorValue, ReportStatus
from tests.factories import OrganizationFactory, period
from tests.reports.factories import IndicatorFactory, PeriodReportFactory


@pytest.fixture
def figures(db):
    province = OrganizationFactory(name="Hội Nông dân tỉnh Số Liệu", type="farmers_union")
    district = OrganizationFactory(name="=Hội Nông dân huyện Công Thức", type="farmers_union", parent=province)
    elsewhere = OrganizationFactory(name="Hội Nông dân tỉnh Khác", type="farmers_union")
    gifts = IndicatorFactory(code="qua-tet", name="Quà Tết trao tặng", unit="suất")
    quarter = period("Quý I/2022")
    for org, status, value in ((district, ReportStatus.SUBMITTED, "1234.50"), (elsewhere, ReportStatus.SUBMITTED, "9"),
                               (province, ReportStatus.DRAFT, "7")):
        report = PeriodReportFactory(organization=org, period=quarter, status=status)
        IndicatorValue.objects.create(report=report, indicator=gifts, value=Decimal(value))
    return province, district


def _export(org, tmp_path, name: str) -> bytes:
    call_command("export-indicators", "--org", str(org.pk), "--period", "Quý I/2022", "--out",
                 str(tmp_path / name), stdout=io.StringIO())
    return (tmp_path / name).read_bytes()


def test_csv_has_the_documented_columns_and_only_counted_reports_of_the_tree(figures, tmp_path):
    province, district = figures
    rows = list(csv.DictReader(io.StringIO(_export(province, tmp_path, "q1.csv").decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert [(r["organization"], r["indicator_code"], r["value"], r["period"]) for r in rows] == [
        ("'=Hội Nông dân huyện Công Thức", "qua-tet", "1234.5", "quarter:2022:1")]


def test_xlsx_holds_the_same_rows_with_numbers_as_numbers_and_names_as_text(figures, tmp_path):
    province, _district = figures
    sheet = load_workbook(io.BytesIO(_export(province, tmp_path, "q1.xlsx"))).active
    header, row = [c.value for c in sheet[1]], [c for c in sheet[2]]
    assert header == COLUMNS
    assert row[COLUMNS.index("value")].value == 1234.5
    name = row[COLUMNS.index("organization")]
    assert name.value == "=Hội Nông dân huyện Công Thức" and name.data_type == "s"


def test_a_period_label_it_cannot_read_is_refused_in_vietnamese(figures, tmp_path):
    province, _district = figures
    with pytest.raises(CommandError):
        call_command("export-indicators", "--org", str(province.pk), "--period", "mùa xuân", "--out",
                     str(tmp_path / "x.csv"))
    assert not (tmp_path / "x.csv").exists()


def test_an_unknown_file_type_is_refused(figures, tmp_path):
    province, _district = figures
    with pytest.raises(CommandError, match=".csv hoặc .xlsx"):
        call_command("export-indicators", "--org", str(province.pk), "--period", "Quý I/2022", "--out",
                     str(tmp_path / "x.pdf"))
