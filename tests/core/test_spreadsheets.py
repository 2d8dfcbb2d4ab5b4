import pytest
from openpyxl import Workbook

from giaoban.core.spreadsheets import put


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
