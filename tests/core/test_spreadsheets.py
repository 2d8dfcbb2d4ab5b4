"""Shared Excel helpers: an upload is recognised before it is opened; row messages name the row."""

import pytest
from openpyxl import Workbook

from giaoban.core.spreadsheets import MAX_BYTES, file_error, line_label, put, read_sheet, save


def _book(title: str, rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return save(book)


@pytest.mark.parametrize(("data", "start"), [
    (b"", "Tệp trống."), (b"%PDF-1.7", "Tệp này là PDF"), (b"\xd0\xcf\x11\xe0rest", "Tệp này là Excel đời cũ"),
    (b"hello", "Tệp không phải là bảng tính"), (b"PK\x03\x04" + b"0" * MAX_BYTES, "Tệp quá lớn"),
])
def test_it_names_what_a_wrong_file_really_is(data, start):
    assert file_error(data).startswith(start)


def test_it_reads_the_named_sheet_as_values():
    rows, problem = read_sheet(_book("Tiến độ", [["a", 1], [None, "b"]]), "Tiến độ", 2)
    assert problem is None and rows == [("a", 1), (None, "b")]


def test_a_missing_sheet_or_a_broken_zip_is_a_message_not_a_crash():
    rows, problem = read_sheet(_book("Khác", [["x"]]), "Tiến độ", 2)
    assert rows == [] and problem.startswith("Không tìm thấy trang tính “Tiến độ”") and "Khác" in problem
    broken = b"PK\x03\x04" + b"\x00" * 64
    assert read_sheet(broken, "Tiến độ", 2)[1] == "Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx."


def test_row_messages_start_with_the_row_number():
    assert line_label(7) == "Dòng 7"


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","y")', "+84 912 345 678", "-1", "@SUM(A1)", "\t=1+1"])
def test_a_string_that_a_spreadsheet_would_run_is_written_as_text(value):
    cell = put(Workbook().active["A1"], value)
    assert cell.value == value and cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize(("value", "data_type"), [("Hội Nông dân", "s"), (12, "n"), (-3.5, "n"), (None, "n")])
def test_ordinary_values_keep_their_type_without_a_quote_prefix(value, data_type):
    cell = put(Workbook().active["A1"], value)
    assert cell.value == value and cell.data_type == data_type and not cell.quotePrefix


def test_a_control_character_stored_before_it_was_refused_does_not_break_the_export():
    cell = put(Workbook().active["A1"], "Hội Nông dân\x1b xã\x08 A")
    assert cell.value == "Hội Nông dân xã A"
