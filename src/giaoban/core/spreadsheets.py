"""Excel pieces every upload/download shares (openpyxl): styles, guarded opening, row labels.

A template is one protected sheet whose input cells are unlocked and filled;
an upload is recognised before it is opened, so a PDF renamed .xlsx or an old
.xls gets a clear Vietnamese message instead of a crash.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from giaoban.core.uploads import inflation_problem

MAX_BYTES = 5 * 1024 * 1024
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FILL = PatternFill("solid", fgColor="EEEEEE")
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")


# Excel runs a cell typed as "=…" (and "+", "-", "@" once edited, or after a leading tab or carriage return): a
# directive written "- Tăng cường…" or a body named =HYPERLINK(…) must stay text in a leader's spreadsheet.
# Characters XML cannot hold are dropped: a name stored before inputs refused them must not break an export.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def put(cell: Cell, value: Any) -> Cell:
    """Set `cell` to `value`; a string is always text, never a formula."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def file_error(data: bytes) -> str | None:
    """Recognise what the file really is before opening it (a PDF renamed .xlsx, an old .xls…)."""
    if not data:
        return _("Tệp trống. Hãy chọn tệp Excel (.xlsx) đã tải về từ hệ thống.")
    if len(data) > MAX_BYTES:
        return _("Tệp quá lớn (tối đa 5 MB). Hãy dùng mẫu Excel tải về từ hệ thống.")
    if data.startswith(b"%PDF"):
        return _("Tệp này là PDF, không phải bảng tính Excel (.xlsx), dù có đuôi .xlsx. "
                 "Hãy tải mẫu Excel, điền số liệu rồi tải lên lại.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _("Tệp này là Excel đời cũ (.xls) hoặc Word (.doc). Hãy lưu lại dưới dạng .xlsx rồi tải lên.")
    if not data.startswith(b"PK\x03\x04"):
        return _("Tệp không phải là bảng tính Excel (.xlsx).")
    inflated = inflation_problem(io.BytesIO(data))
    if inflated:
        return _("Không mở tệp Excel này: %(problem)s.") % {"problem": inflated}
    return None


def read_sheet(data: bytes, title: str, max_col: int) -> tuple[list[tuple], str | None]:
    """Every row of the named sheet as values, or a Vietnamese message saying why the file cannot be read."""
    problem = file_error(data)
    if problem:
        return [], problem
    try:
        book = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        return [], _("Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.")
    try:
        if title not in book.sheetnames:
            return [], (_("Không tìm thấy trang tính “%(sheet)s”. Hãy dùng mẫu Excel tải về từ hệ thống "
                          "(các trang tính có trong tệp: %(found)s).")
                        % {"sheet": title, "found": ", ".join(book.sheetnames)})
        return list(book[title].iter_rows(min_row=1, max_col=max_col, values_only=True)), None
    finally:
        book.close()


def line_label(number: int) -> str:
    """ "Dòng 7": how every row message starts, so the user finds the row in Excel."""
    return _("Dòng %(n)d") % {"n": number}


def unlock(cell) -> None:
    """An input cell: editable on the protected sheet and tinted so people see where to type."""
    cell.protection = Protection(locked=False)
    cell.fill = INPUT_FILL


def with_messages(rule: DataValidation, message: str) -> DataValidation:
    """The Vietnamese prompt and error Excel shows for a validated cell."""
    rule.allow_blank = True
    rule.showErrorMessage = True
    rule.errorTitle = _("Giá trị không hợp lệ")
    rule.error = message
    rule.promptTitle = _("Hướng dẫn")
    rule.prompt = message
    rule.showInputMessage = True
    return rule


def protect(sheet) -> None:
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # let people widen columns on a small screen
