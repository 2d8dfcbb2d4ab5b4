"""Writing cells safely: every XLSX export writes its values through `put`.

openpyxl stores a string that begins with "=" as a formula, and Excel or
LibreOffice treat "+", "-", "@" (and a leading tab or carriage return) the same
way when the cell is edited: a body named =HYPERLINK(...) would become a live
link in a leader's spreadsheet.  Such strings are written as plain text cells
with Excel's quote prefix, so they show and stay as typed.  Control characters,
which XML cannot hold, are dropped: a name stored before inputs refused them
must not make the whole export fail.
"""

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

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
