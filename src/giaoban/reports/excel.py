"""Excel in and out (openpyxl): the prefilled template, its upload, the consolidated table.

The template is one protected sheet: everything is locked except the value and
note columns, and each value cell carries a data validation for its kind.  An
upload is checked completely first; nothing is saved unless every row is right.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from giaoban.core.spreadsheets import (
    HEADER_FILL,
    XLSX_CONTENT_TYPE,
    line_label,
    protect,
    put,
    read_sheet,
    save,
    unlock,
    with_messages,
)
from giaoban.core.text import control_characters
from giaoban.reports.consolidation import Consolidation
from giaoban.reports.formatting import NumberFormatError, parse_number
from giaoban.reports.models import Indicator, IndicatorKind, IndicatorValue, PeriodReport, indicators_for

SHEET_TITLE = "Chỉ tiêu"
HEADER_ROW = 5  # column titles; indicators start on the next row
FIRST_ROW = HEADER_ROW + 1
CODE_COL, VALUE_COL, NOTE_COL = 2, 5, 6
REPORT_ID_CELL = "B3"
__all__ = ["XLSX_CONTENT_TYPE", "build_template", "read_upload", "apply_upload", "export_consolidation"]

# Excel number formats; Excel shows the separators of the user's locale (vi-VN: 4.000.000.000 đ).
NUMBER_FORMATS = {
    IndicatorKind.COUNT: "#,##0",
    IndicatorKind.MONEY: '#,##0" đ"',
    IndicatorKind.PERCENT: '0.0" %"',
    IndicatorKind.RATIO: "#,##0.00",
}


def _validation(kind: str) -> DataValidation:
    if kind == IndicatorKind.PERCENT:
        rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100")
        message = _("Nhập tỷ lệ phần trăm từ 0 đến 100.")
    elif kind == IndicatorKind.RATIO:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        message = _("Nhập số không âm.")
    else:
        rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        message = _("Nhập số nguyên không âm (tiền tính bằng đồng).") if kind == IndicatorKind.MONEY else _(
            "Nhập số nguyên không âm.")
    return with_messages(rule, message)


def build_template(report: PeriodReport) -> bytes:
    """The report's indicators as rows, its current figures prefilled, only values and notes editable."""
    indicators = indicators_for(report.organization, report.period)
    current = {v.indicator_id: v for v in report.values.all()}
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    put(sheet["A1"], _("BÁO CÁO SỐ LIỆU CHỈ TIÊU"))
    sheet["A1"].font = Font(bold=True, size=13)
    put(sheet["A2"], f"{report.organization.name} — {report.period.label}")
    put(sheet["A3"], _("Mã báo cáo"))
    put(sheet[REPORT_ID_CELL], report.pk)
    put(sheet["A4"], _("Chỉ nhập vào cột “Giá trị” và “Ghi chú”; không sửa mã chỉ tiêu."))
    sheet["A4"].font = Font(italic=True)
    headers = [_("STT"), _("Mã chỉ tiêu"), _("Tên chỉ tiêu"), _("Đơn vị tính"), _("Giá trị"), _("Ghi chú")]
    for col, title in enumerate(headers, start=1):
        cell = put(sheet.cell(row=HEADER_ROW, column=col), title)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    validations: dict[str, DataValidation] = {}
    for offset, indicator in enumerate(indicators):
        row = FIRST_ROW + offset
        value = current.get(indicator.pk)
        put(sheet.cell(row=row, column=1), offset + 1)
        put(sheet.cell(row=row, column=CODE_COL), indicator.code)
        put(sheet.cell(row=row, column=3), indicator.name).alignment = Alignment(wrap_text=True)
        put(sheet.cell(row=row, column=4), indicator.unit)
        number = None if value is None or value.value is None else _excel_number(value.value, indicator)
        value_cell = put(sheet.cell(row=row, column=VALUE_COL), number)
        value_cell.number_format = NUMBER_FORMATS[indicator.kind]
        note_cell = put(sheet.cell(row=row, column=NOTE_COL), value.note if value else None)
        for cell in (value_cell, note_cell):
            unlock(cell)
        if indicator.kind not in validations:
            validations[indicator.kind] = _validation(indicator.kind)
            sheet.add_data_validation(validations[indicator.kind])
        validations[indicator.kind].add(value_cell)
    for col, width in zip("ABCDEF", (6, 22, 60, 14, 20, 30), strict=True):
        sheet.column_dimensions[col].width = width
    protect(sheet)
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=1)
    return save(book)


def _excel_number(value: Decimal, indicator: Indicator) -> int | float:
    """Whole numbers as int (exact in Excel up to 15 digits); percentages and ratios as float."""
    if indicator.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) or value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass
class UploadResult:
    values: dict[int, tuple[Indicator, Decimal | None, str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_upload(report: PeriodReport, data: bytes) -> UploadResult:
    """Check every row of an uploaded template; collect the values or Vietnamese row messages."""
    result = UploadResult()
    rows, problem = read_sheet(data, SHEET_TITLE, NOTE_COL)
    if problem:
        result.errors.append(problem)
        return result
    _check_rows(report, rows, result)
    if result.errors:
        result.values.clear()
    return result


def _check_rows(report: PeriodReport, rows: list[tuple], result: UploadResult) -> None:
    report_id = rows[2][1] if len(rows) >= 3 and len(rows[2]) >= 2 else None
    if str(report_id or "").strip() != str(report.pk):
        result.errors.append(_("Tệp này là mẫu của một báo cáo khác (ô B3 “Mã báo cáo”). "
                               "Hãy tải mẫu Excel của chính báo cáo này."))
        return
    asked = {indicator.code: indicator for indicator in indicators_for(report.organization, report.period)}
    for number, row in enumerate(rows[FIRST_ROW - 1:], start=FIRST_ROW):
        cells = list(row) + [None] * (NOTE_COL - len(row))
        code, raw, note = cells[CODE_COL - 1], cells[VALUE_COL - 1], cells[NOTE_COL - 1]
        if code in (None, "") and raw in (None, "") and note in (None, ""):
            continue
        line = line_label(number)
        indicator = asked.get(str(code or "").strip())
        if indicator is None:
            result.errors.append(_("%(line)s: mã chỉ tiêu “%(code)s” không có trong mẫu báo cáo này.")
                                 % {"line": line, "code": code or ""})
            continue
        if indicator.pk in result.values:
            result.errors.append(_("%(line)s: chỉ tiêu “%(name)s” bị lặp lại.") % {"line": line,
                                                                                  "name": indicator.name})
            continue
        try:
            value = indicator.clean_value(parse_number(raw))
        except NumberFormatError:
            result.errors.append(_("%(line)s: “%(raw)s” không phải là số (chỉ tiêu “%(name)s”).")
                                 % {"line": line, "raw": raw, "name": indicator.name})
            continue
        except ValidationError as error:
            result.errors.append(_("%(line)s: %(message)s (chỉ tiêu “%(name)s”, giá trị %(raw)s).")
                                 % {"line": line, "message": " ".join(error.messages), "name": indicator.name,
                                    "raw": raw})
            continue
        note = str(note or "").strip()
        if control_characters(note):
            result.errors.append(_("%(line)s: ghi chú có ký tự điều khiển không nhìn thấy được (%(chars)s); "
                                   "hãy xóa các ký tự đó.") % {"line": line,
                                                              "chars": ", ".join(control_characters(note))})
            continue
        result.values[indicator.pk] = (indicator, value, note[:500])


def apply_upload(report: PeriodReport, result: UploadResult, expected_version: int | None = None) -> int:
    """Store checked values in one transaction (bumps the report's version); returns how many."""
    if not result.ok:
        raise ValueError("refusing to apply an upload with errors")
    with transaction.atomic():
        report.save_versioned(expected_version)
        for indicator, value, note in result.values.values():
            IndicatorValue.objects.update_or_create(report=report, indicator=indicator,
                                                    defaults={"value": value, "note": note})
    return len(result.values)


def export_consolidation(consolidation: Consolidation) -> bytes:
    """The consolidated table: one row per indicator, one column per body, total and last year."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    title = consolidation.bloc.name if consolidation.bloc else consolidation.root.name
    put(sheet["A1"], _("TỔNG HỢP SỐ LIỆU — %(title)s — %(period)s") % {"title": title,
                                                                         "period": consolidation.period.label})
    sheet["A1"].font = Font(bold=True, size=13)
    if consolidation.missing:
        put(sheet["A2"], _("Chưa có báo cáo: %(names)s (số liệu chưa đầy đủ).") % {
            "names": "; ".join(org.name for org in consolidation.missing)
            + ("; …" if consolidation.missing_total > len(consolidation.missing) else "")})
        sheet["A2"].font = Font(color="A30000")
    headers = [_("STT"), _("Chỉ tiêu"), _("Đơn vị tính"),
               *[org.short_name or org.name for org in consolidation.organizations],
               _("Tổng cộng"), _("Cùng kỳ năm trước"), _("Tăng/giảm (%)"), _("Ghi chú")]
    header_row = 4
    for col, text in enumerate(headers, start=1):
        cell = put(sheet.cell(row=header_row, column=col), text)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(consolidation.rows, start=1):
        line = header_row + offset
        indicator = row.indicator
        fmt = NUMBER_FORMATS[indicator.kind]
        cells = [offset, indicator.name, indicator.unit,
                 *[_decimal_out(v, indicator) for v in row.value_list(consolidation.organizations)],
                 _decimal_out(row.total, indicator), _decimal_out(row.previous_total, indicator),
                 float(row.change_percent) if row.change_percent is not None else None,
                 _("Chưa đầy đủ") if row.incomplete else ""]
        for col, value in enumerate(cells, start=1):
            cell = put(sheet.cell(row=line, column=col), value)
            if 4 <= col <= len(cells) - 2:
                cell.number_format = fmt
            elif col == len(cells) - 1:
                cell.number_format = '+0.0" %";-0.0" %";0" %"'
    sheet.column_dimensions["B"].width = 55
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=4)
    return save(book)


def _decimal_out(value: Decimal | None, indicator: Indicator) -> int | float | None:
    return None if value is None else _excel_number(value, indicator)
