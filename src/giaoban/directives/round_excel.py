"""A round's Excel file: the user's open directives to fill offline, and reading it back into rows.

One protected sheet; only the progress, percent and status columns are
editable.  Each row carries the directive's code and (hidden) the version it
had when the file was made, so an upload can refuse rows edited since.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from giaoban.core.spreadsheets import HEADER_FILL, line_label, protect, put, read_sheet, save, unlock, with_messages
from giaoban.directives.models import DirectiveStatus, ProgressRound
from giaoban.directives.rounds import Preview, RowInput, check, directives_for

SHEET_TITLE = "Tiến độ"
ROUND_ID_CELL = "B3"
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
ID_COL, VERSION_COL, NOTE_COL, PERCENT_COL, STATUS_COL = 2, 3, 8, 9, 10
MAX_ROWS = 1000  # far more than any body's open directives; keeps a pasted-in sheet from flooding the preview
WIDTHS = {"A": 6, "B": 10, "C": 8, "D": 60, "E": 28, "F": 18, "G": 40, "H": 50, "I": 12, "J": 18}


def _validations(sheet) -> tuple[DataValidation, DataValidation]:
    percent = with_messages(DataValidation(type="whole", operator="between", formula1="0", formula2="100"),
                            _("Nhập số nguyên từ 0 đến 100."))
    labels = ",".join(str(s.label) for s in (DirectiveStatus.IN_PROGRESS, DirectiveStatus.DONE))
    status = with_messages(DataValidation(type="list", formula1=f'"{labels}"'),
                           _("Chọn trạng thái hoặc để trống (giữ nguyên)."))
    sheet.add_data_validation(percent)
    sheet.add_data_validation(status)
    return percent, status


def _head(sheet, progress_round: ProgressRound) -> None:
    put(sheet["A1"], _("BÁO CÁO TIẾN ĐỘ THỰC HIỆN CHỈ ĐẠO")).font = Font(bold=True, size=13)
    put(sheet["A2"], str(progress_round))
    put(sheet["A3"], _("Mã đợt"))
    put(sheet[ROUND_ID_CELL], progress_round.pk)
    put(sheet["A4"], _("Chỉ nhập vào ba cột tô vàng; không sửa mã chỉ đạo. Dòng để trống được giữ nguyên.")
        ).font = Font(italic=True)
    titles = [_("STT"), _("Mã chỉ đạo"), _("Phiên bản"), _("Nội dung chỉ đạo"), _("Đơn vị chủ trì"),
              _("Thời hạn"), _("Tiến độ gần nhất"), _("Tiến độ, kết quả"), _("% hoàn thành"), _("Trạng thái")]
    for col, title in enumerate(titles, start=1):
        cell = put(sheet.cell(row=HEADER_ROW, column=col), title)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL


def build(user, progress_round: ProgressRound) -> bytes:
    """The user's open directives in the round, one per row, ready to fill in."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    _head(sheet, progress_round)
    percent, status = _validations(sheet)
    for offset, directive in enumerate(directives_for(user, progress_round)):
        row = FIRST_ROW + offset
        latest = directive.latest_note or ""
        if directive.latest_percent is not None:
            latest += f" ({directive.latest_percent}%)"
        values = [offset + 1, directive.pk, directive.version, directive.text,
                  directive.lead.name if directive.lead_id else directive.assignees_text,
                  directive.deadline_label(), latest]
        for col, value in enumerate(values, start=1):
            put(sheet.cell(row=row, column=col), value).alignment = Alignment(wrap_text=True, vertical="top")
        for col in (NOTE_COL, PERCENT_COL, STATUS_COL):
            unlock(sheet.cell(row=row, column=col))
        sheet.cell(row=row, column=NOTE_COL).alignment = Alignment(wrap_text=True, vertical="top")
        percent.add(sheet.cell(row=row, column=PERCENT_COL))
        status.add(sheet.cell(row=row, column=STATUS_COL))
    for col, width in WIDTHS.items():
        sheet.column_dimensions[col].width = width
    sheet.column_dimensions["C"].hidden = True  # the version is for the stale check, not for people
    protect(sheet)
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=1)
    return save(book)


def read(user, progress_round: ProgressRound, data: bytes) -> tuple[Preview, list[RowInput]]:
    """The preview of an uploaded file (every row checked) and the rows as read, to confirm later."""
    rows, problem = read_sheet(data, SHEET_TITLE, STATUS_COL)
    if problem:
        return Preview(errors=[problem]), []
    round_id = rows[2][1] if len(rows) >= 3 and len(rows[2]) >= 2 else None
    if str(round_id or "").strip() != str(progress_round.pk):
        return Preview(errors=[_("Tệp này là của một đợt báo cáo khác (ô B3 “Mã đợt”). Hãy tải tệp Excel của "
                                 "chính đợt này.")]), []
    items = []
    for number, row in enumerate(rows[FIRST_ROW - 1:], start=FIRST_ROW):
        cells = list(row) + [None] * (STATUS_COL - len(row))
        items.append(RowInput(line=line_label(number), directive_id=cells[ID_COL - 1],
                              version=cells[VERSION_COL - 1], note=cells[NOTE_COL - 1],
                              percent=cells[PERCENT_COL - 1], status=cells[STATUS_COL - 1]))
    items = [item for item in items if not item.is_blank()]
    if len(items) > MAX_ROWS:
        return Preview(errors=[_("Tệp có %(n)d dòng được nhập, nhiều hơn mức %(max)d dòng; hãy dùng tệp tải về "
                                 "từ hệ thống.") % {"n": len(items), "max": MAX_ROWS}]), []
    preview = check(user, progress_round, items)
    if not preview.rows and not preview.errors:
        preview.errors.append(_("Tệp không có dòng nào được nhập tiến độ; chưa có gì thay đổi."))
    return preview, items
