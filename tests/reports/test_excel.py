import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giaoban.reports import excel
from giaoban.reports.consolidation import consolidate
from giaoban.reports.models import IndicatorValue

pytestmark = pytest.mark.django_db


def _template_book(client, report):
    response = client.get(reverse("reports:xlsx_template", args=[report.pk]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _rows_by_code(sheet):
    return {sheet.cell(row=r, column=excel.CODE_COL).value: r for r in range(excel.FIRST_ROW, sheet.max_row + 1)}


def _upload(client, report, data: bytes, name="bao-cao.xlsx"):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(reverse("reports:xlsx_upload", args=[report.pk]),
                       {"file": upload, "version": report.version}, follow=True)


def _bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_template_is_protected_with_only_values_unlocked_and_validation_per_kind(client, bloc_world):
    client.force_login(bloc_world["member_editor"])
    sheet = _template_book(client, bloc_world["farmers_report"])[excel.SHEET_TITLE]
    assert sheet.protection.sheet
    rows = _rows_by_code(sheet)
    assert set(rows) == {"qua-tet", "quy-vnn", "dvk"}
    row = rows["qua-tet"]
    assert sheet.cell(row=row, column=excel.VALUE_COL).protection.locked is False
    assert sheet.cell(row=row, column=3).protection.locked is True
    kinds = {(v.type, v.formula1, v.formula2) for v in sheet.data_validations.dataValidation}
    assert ("whole", "0", None) in kinds and ("decimal", "0", "100") in kinds
    assert not any(str(c.value).startswith("=") for r in sheet.iter_rows() for c in r if c.value)


def test_round_trip_template_fill_upload_stores_values_exactly(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    book = _template_book(client, report)
    sheet = book[excel.SHEET_TITLE]
    rows = _rows_by_code(sheet)
    sheet.cell(row=rows["qua-tet"], column=excel.VALUE_COL, value=9365)
    sheet.cell(row=rows["quy-vnn"], column=excel.VALUE_COL, value=4_123_456_789_012)
    sheet.cell(row=rows["dvk"], column=excel.VALUE_COL, value=92.5)
    sheet.cell(row=rows["dvk"], column=excel.NOTE_COL, value="Ước tính")
    page = _upload(client, report, _bytes(book)).content.decode()
    assert "Đã nhập 3 chỉ tiêu" in page
    stored = {v.indicator.code: v for v in IndicatorValue.objects.filter(report=report)}
    assert stored["qua-tet"].value == Decimal(9365)
    assert stored["quy-vnn"].value == Decimal(4_123_456_789_012)
    assert stored["dvk"].value == Decimal("92.5") and stored["dvk"].note == "Ước tính"
    # and the next template comes back prefilled with the stored values
    again = _template_book(client, report)[excel.SHEET_TITLE]
    assert again.cell(row=_rows_by_code(again)["quy-vnn"], column=excel.VALUE_COL).value == 4_123_456_789_012


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda s, r: s.cell(row=r["qua-tet"], column=excel.VALUE_COL, value="nhiều"), "không phải là số"),
    (lambda s, r: s.cell(row=r["qua-tet"], column=excel.VALUE_COL, value=-3), "Số lượng không được âm"),
    (lambda s, r: s.cell(row=r["dvk"], column=excel.VALUE_COL, value=101), "từ 0 đến 100"),
    (lambda s, r: s.cell(row=r["quy-vnn"], column=excel.VALUE_COL, value=10.5), "không có phần lẻ"),
    (lambda s, r: s.cell(row=r["dvk"], column=excel.CODE_COL, value="khong-co"), "không có trong mẫu"),
])
def test_a_wrong_row_is_refused_with_its_row_number_and_nothing_is_stored(client, bloc_world, mutate, message):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    book = _template_book(client, report)
    sheet = book[excel.SHEET_TITLE]
    rows = _rows_by_code(sheet)
    sheet.cell(row=rows["qua-tet"], column=excel.VALUE_COL, value=10)  # a good row alongside the bad one
    sheet.cell(row=rows["quy-vnn"], column=excel.VALUE_COL, value=5000)
    mutate(sheet, rows)
    page = _upload(client, report, _bytes(book)).content.decode()
    assert "Dòng " in page and message in page and "chưa có gì được lưu" in page
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_wrong_sheet_is_refused(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    book = _template_book(client, report)
    book[excel.SHEET_TITLE].title = "Sheet1"
    page = _upload(client, report, _bytes(book)).content.decode()
    assert "Không tìm thấy trang tính" in page
    assert not IndicatorValue.objects.exists()


def test_a_pdf_renamed_xlsx_is_refused_clearly(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    page = _upload(client, report, b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF", name="so-lieu.xlsx").content.decode()
    assert "Tệp này là PDF, không phải bảng tính Excel" in page
    assert not IndicatorValue.objects.exists()


def test_template_of_another_report_is_refused(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    book = _template_book(client, report)
    book[excel.SHEET_TITLE][excel.REPORT_ID_CELL] = report.pk + 1000
    assert "mẫu của một báo cáo khác" in _upload(client, report, _bytes(book)).content.decode()


def test_garbage_zip_is_refused_without_crashing(bloc_world):
    result = excel.read_upload(bloc_world["farmers_report"], b"PK\x03\x04garbage")
    assert not result.ok and "Không đọc được tệp Excel" in result.errors[0]


def test_consolidated_export_has_vietnamese_number_formats(bloc_world):
    w = bloc_world
    IndicatorValue.objects.create(report=w["front_report"], indicator=w["money"], value=4_000_000_000)
    sheet = load_workbook(io.BytesIO(excel.export_consolidation(consolidate(w["bloc"], w["q1"])))).active
    money_row = next(r for r in sheet.iter_rows(min_row=5) if r[1].value == "Quỹ Vì người nghèo")
    total = money_row[3 + 2]  # STT, name, unit, two members, then the total
    assert total.value == 4_000_000_000 and total.number_format == '#,##0" đ"'
    assert "Chưa có báo cáo" in sheet["A2"].value


FORMULA = '=HYPERLINK("http://x","y")'


def test_an_organisation_named_like_a_formula_is_exported_as_a_text_cell(bloc_world):
    w = bloc_world
    w["front"].name, w["front"].short_name = FORMULA, ""
    w["front"].save()
    w["gifts"].name = "+1 suất quà"
    w["gifts"].save()
    data = excel.export_consolidation(consolidate(w["bloc"], w["q1"]))
    sheet = load_workbook(io.BytesIO(data)).active
    header = [cell for cell in sheet[4] if cell.value == FORMULA]
    assert header and header[0].data_type == "s"
    assert b"<f>" not in _sheet_xml(data)  # no formula anywhere in the file
    gifts = next(r for r in sheet.iter_rows(min_row=5) if r[1].value == "+1 suất quà")
    assert gifts[1].data_type == "s" and gifts[1].quotePrefix


def test_a_formula_like_name_in_the_template_stays_text(client, bloc_world):
    bloc_world["gifts"].name = "@SUM(A1:A9)"
    bloc_world["gifts"].save()
    client.force_login(bloc_world["member_editor"])
    sheet = _template_book(client, bloc_world["farmers_report"])[excel.SHEET_TITLE]
    cell = sheet.cell(row=_rows_by_code(sheet)["qua-tet"], column=3)
    assert cell.value == "@SUM(A1:A9)" and cell.data_type == "s" and cell.quotePrefix


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_a_note_with_a_control_character_is_refused_and_nothing_is_stored(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    book = _template_book(client, report)
    sheet = book[excel.SHEET_TITLE]
    rows = _rows_by_code(sheet)
    sheet.cell(row=rows["qua-tet"], column=excel.VALUE_COL, value=12)
    # XML cannot carry C0 controls, but C1 ones such as CSI (U+009B) do reach the reader.
    sheet.cell(row=rows["qua-tet"], column=excel.NOTE_COL, value="Ước tính\x9b31m")
    page = _upload(client, report, _bytes(book)).content.decode()
    assert "ký tự điều khiển" in page and "U+009B" in page
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_an_xlsx_zip_bomb_is_refused_before_it_is_opened(client, bloc_world):
    from tests.archives import zip_bomb

    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    page = _upload(client, report, zip_bomb()).content.decode()
    assert "tỷ lệ nén quá cao" in page
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_an_upload_interrupted_half_way_leaves_no_value_stored(client, bloc_world, monkeypatch):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    book = _template_book(client, report)
    sheet = book[excel.SHEET_TITLE]
    rows = _rows_by_code(sheet)
    for code, value in (("qua-tet", 10), ("quy-vnn", 5000), ("dvk", 50)):
        sheet.cell(row=rows[code], column=excel.VALUE_COL, value=value)
    real, calls = IndicatorValue.objects.update_or_create, []

    def dies_at_the_second_row(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:  # one value is already written: the server dies here
            assert IndicatorValue.objects.filter(report=report).count() == 1
            raise RuntimeError("the process died half-way through the import")
        return real(**kwargs)

    monkeypatch.setattr(IndicatorValue.objects, "update_or_create", dies_at_the_second_row)
    version = report.version
    with pytest.raises(RuntimeError):
        _upload(client, report, _bytes(book))
    report.refresh_from_db()
    assert not IndicatorValue.objects.filter(report=report).exists() and report.version == version
