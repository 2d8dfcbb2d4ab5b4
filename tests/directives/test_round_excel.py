"""A round's Excel file: made for the user's open directives, filled offline, read back into a checked preview."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from giaoban.directives import round_excel, rounds
from giaoban.directives.models import Directive, DirectiveUpdate
from giaoban.directives.round_excel import FIRST_ROW, ID_COL, NOTE_COL, PERCENT_COL, STATUS_COL, VERSION_COL
from tests.directives.factories import round_world

pytestmark = pytest.mark.django_db


def _book(data: bytes):
    book = load_workbook(io.BytesIO(data))
    return book, book[round_excel.SHEET_TITLE]


def _bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_file_lists_the_users_open_directives_and_only_the_input_columns_are_editable():
    w, r, front, farmers, other = round_world(front_directives=2)
    book, sheet = _book(round_excel.build(w.lead_editor, r))
    ids = [sheet.cell(row=n, column=ID_COL).value for n in range(FIRST_ROW, sheet.max_row + 1)]
    assert ids == [front[0].pk, front[1].pk, farmers.pk] and other.pk not in ids
    assert sheet["B3"].value == r.pk and sheet.protection.sheet
    assert sheet.cell(row=FIRST_ROW, column=VERSION_COL).value == front[0].version
    assert sheet.column_dimensions["C"].hidden
    for col in (NOTE_COL, PERCENT_COL, STATUS_COL):
        assert not sheet.cell(row=FIRST_ROW, column=col).protection.locked
    assert sheet.cell(row=FIRST_ROW, column=4).protection.locked
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert any(v.type == "list" and "Hoàn thành" in v.formula1 for v in rules.values())


def test_a_directive_written_like_a_formula_stays_text_in_the_file():
    w, r, front, *_ = round_world(front_directives=1)
    Directive.objects.filter(pk=front[0].pk).update(text='=HYPERLINK("http://x","bấm")')
    _, sheet = _book(round_excel.build(w.lead_editor, r))
    cell = sheet.cell(row=FIRST_ROW, column=4)
    assert cell.value == '=HYPERLINK("http://x","bấm")' and cell.data_type == "s"


def thirty_rows(w, r, front, farmers, other):
    """The lead editor's file filled offline: 27 own rows (3 wrong), 3 typed by hand; one directive goes stale.

    Returns (book, sheet, {directive id: Excel row}, first hand-typed row, the stale directive).
    """
    book, sheet = _book(round_excel.build(w.lead_editor, r))
    rows = {sheet.cell(row=n, column=ID_COL).value: n for n in range(FIRST_ROW, sheet.max_row + 1)}
    for index, directive in enumerate(front):  # 26 rows typed offline, three of them wrong
        n = rows[directive.pk]
        sheet.cell(row=n, column=NOTE_COL, value=f"Đã thực hiện phần {index}")
        sheet.cell(row=n, column=PERCENT_COL, value=index * 3)
    sheet.cell(row=rows[front[3].pk], column=PERCENT_COL, value=150)
    sheet.cell(row=rows[front[4].pk], column=NOTE_COL).value = None  # cell(..., value=None) would not clear
    sheet.cell(row=rows[front[5].pk], column=STATUS_COL, value="Đã xong")
    n = rows[farmers.pk]
    sheet.cell(row=n, column=NOTE_COL, value="Hội Nông dân đã triển khai")
    extra = sheet.max_row + 1  # a row for another body's directive, typed in by hand
    sheet.cell(row=extra, column=ID_COL, value=other.pk)
    sheet.cell(row=extra, column=VERSION_COL, value=other.version)
    sheet.cell(row=extra, column=NOTE_COL, value="Sửa hộ đơn vị khác")
    sheet.cell(row=extra + 1, column=ID_COL, value="không phải mã")
    sheet.cell(row=extra + 1, column=NOTE_COL, value="dòng rác")
    sheet.cell(row=extra + 2, column=ID_COL, value=front[0].pk)
    sheet.cell(row=extra + 2, column=VERSION_COL, value=front[0].version)
    sheet.cell(row=extra + 2, column=NOTE_COL, value="lặp lại")
    stale = front[7]  # edited by the convening office after the file was made
    stale.text = "Nội dung được sửa sau khi tải tệp"
    stale.save_versioned(stale.version)
    return book, sheet, rows, extra, stale


def test_a_file_of_thirty_rows_lists_each_problem_and_applies_nothing_while_any_remains():
    w, r, front, farmers, other = round_world(front_directives=26)
    book, sheet, rows, extra, stale = thirty_rows(w, r, front, farmers, other)
    data = _bytes(book)

    preview, items = round_excel.read(w.lead_editor, r, data)
    assert len(items) == 30 and len(preview.rows) == 30
    lines = {row.line: row.errors for row in preview.rows}
    assert lines[f"Dòng {rows[front[3].pk]}"] == [
        f"Dòng {rows[front[3].pk]}: “150” không phải là tỷ lệ hoàn thành (số nguyên từ 0 đến 100)."]
    assert lines[f"Dòng {rows[front[4].pk]}"] == [f"Dòng {rows[front[4].pk]}: hãy ghi tiến độ, kết quả thực hiện."]
    assert "trạng thái “Đã xong” không hợp lệ" in lines[f"Dòng {rows[front[5].pk]}"][0]
    assert "đã được sửa sau khi bạn tải tệp" in lines[f"Dòng {rows[stale.pk]}"][0]
    assert "không có trong các chỉ đạo đơn vị bạn báo cáo" in lines[f"Dòng {extra}"][0]
    assert "không có trong các chỉ đạo đơn vị bạn báo cáo" in lines[f"Dòng {extra + 1}"][0]
    assert lines[f"Dòng {extra + 2}"] == [f"Dòng {extra + 2}: chỉ đạo này đã có ở một dòng trước."]
    assert len(preview.problems) == 7 and not preview.ok
    with pytest.raises(ValueError):
        rounds.apply(w.lead_editor, r, preview)
    assert not DirectiveUpdate.objects.exists()

    # Fixed offline (the stale row dropped, the hand-typed rows removed): the 26 rows left apply at once.
    sheet.cell(row=rows[front[3].pk], column=PERCENT_COL, value=100)
    sheet.cell(row=rows[front[4].pk], column=NOTE_COL, value="Bổ sung")
    sheet.cell(row=rows[front[5].pk], column=STATUS_COL, value="Đang thực hiện")
    for n in (rows[stale.pk], extra, extra + 1, extra + 2):
        for col in (ID_COL, NOTE_COL, PERCENT_COL, STATUS_COL):
            sheet.cell(row=n, column=col).value = None
    other_before = (Directive.objects.get(pk=other.pk).version, other.updates.count())
    preview, _items = round_excel.read(w.lead_editor, r, _bytes(book))
    assert preview.ok, preview.problems
    assert rounds.apply(w.lead_editor, r, preview) == 26
    assert DirectiveUpdate.objects.filter(round=r).count() == 26
    assert (Directive.objects.get(pk=other.pk).version, other.updates.count()) == other_before
    assert not DirectiveUpdate.objects.filter(directive=stale).exists()


@pytest.mark.parametrize(("data", "message"), [
    (b"", "Tệp trống"),
    (b"%PDF-1.4 ...", "Tệp này là PDF"),
    (b"PK\x03\x04 broken", "Không đọc được tệp Excel"),
])
def test_a_file_that_is_not_the_rounds_workbook_is_refused_in_vietnamese(data, message):
    w, r, *_ = round_world()
    preview, items = round_excel.read(w.lead_editor, r, data)
    assert items == [] and preview.errors[0].startswith(message) and not preview.ok


def test_a_file_of_another_round_or_without_its_sheet_is_refused():
    w, r, *_ = round_world()
    book, sheet = _book(round_excel.build(w.lead_editor, r))
    sheet["B3"] = r.pk + 1
    preview, _ = round_excel.read(w.lead_editor, r, _bytes(book))
    assert preview.errors == ["Tệp này là của một đợt báo cáo khác (ô B3 “Mã đợt”). Hãy tải tệp Excel của chính "
                              "đợt này."]
    preview, _ = round_excel.read(w.lead_editor, r, _bytes(Workbook()))
    assert preview.errors[0].startswith("Không tìm thấy trang tính “Tiến độ”")


def test_an_untouched_file_changes_nothing():
    w, r, *_ = round_world()
    preview, items = round_excel.read(w.lead_editor, r, round_excel.build(w.lead_editor, r))
    assert items == [] and preview.errors == ["Tệp không có dòng nào được nhập tiến độ; chưa có gì thay đổi."]
