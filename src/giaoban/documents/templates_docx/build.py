"""Build the docxtpl templates (the .docx files next to this script) with python-docx.

Run `python src/giaoban/documents/templates_docx/build.py` after changing the
layout; the generated files are committed so a deployment needs no build step.
Two layouts × four document types:

* party_*: Hướng dẫn 36-HD/VPTW (Party bodies, the Youth Union);
* state_*: Nghị định 30/2020/NĐ-CP (state bodies, the Front and member organisations).

Page: A4, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman.
The files are built deterministically (fixed core properties and zip timestamps).
"""

from __future__ import annotations

import datetime
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
TEXT_WIDTH = Mm(210 - 30 - 15)
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

# Sizes (pt) per layout: HD 36 asks 14–15 pt text, 15–16 pt document name; ND 30 asks 13–14 pt text,
# 12–13 pt for the Quốc hiệu and the issuing body, 13–14 pt for the Tiêu ngữ.
SIZES = {
    "party": {"body": 14, "right": 15, "header": 14, "kind": 16, "subject": 14, "recipients_heading": 14,
              "recipients": 12, "number": 14, "sign": 14},
    "state": {"body": 14, "right": 12, "motto": 13, "header": 12, "kind": 14, "subject": 14,
              "recipients_heading": 12, "recipients": 11, "number": 13, "sign": 14},
}


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    props = document.core_properties
    props.author = props.last_modified_by = "giaoban"
    props.title = props.subject = props.comments = props.keywords = ""
    props.created = props.modified = datetime.datetime(2000, 1, 1)
    props.revision = 1


def para(container, text: str = "", *, size: int = 14, bold: bool = False, italic: bool = False,
         underline: bool = False, align=JUSTIFY, indent: bool = False, after: int = 0, before: int = 0):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    return paragraph


def run(paragraph, text: str, *, size: int = 14, bold: bool = False, italic: bool = False,
        underline: bool = False):
    r = paragraph.add_run(text)
    r.font.size = Pt(size)
    r.bold, r.italic, r.underline = bold, italic, underline
    return r


def tag(container, text: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p …%}); docxtpl removes it."""
    container.add_paragraph(text)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def two_columns(document, left_mm: int):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    widths = (Mm(left_mm), TEXT_WIDTH - Mm(left_mm))
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].text = ""
    return table.rows[0].cells


def header(document, layout: str) -> None:
    s = SIZES[layout]
    left, right = two_columns(document, 75 if layout == "party" else 68)
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    tag(left, "{%p for line in header.superior %}")
    para(left, "{{ line }}", size=s["header"], align=CENTER)
    tag(left, "{%p endfor %}")
    tag(left, "{%p for line in header.issuer %}")
    para(left, "{{ line }}", size=s["header"], bold=True, align=CENTER)
    tag(left, "{%p endfor %}")
    if layout == "party":
        para(left, "*", size=s["header"], align=CENTER)
    else:
        para(left, "—————", size=s["header"], align=CENTER)
    para(left, "{{ number_line }}", size=s["number"], align=CENTER, before=3)
    if layout == "party":
        para(right, "{{ header.right[0] }}", size=s["right"], bold=True, underline=True, align=CENTER)
        para(right, "")
        para(right, "")
    else:
        para(right, "{{ header.right[0] }}", size=s["right"], bold=True, align=CENTER)
        para(right, "{{ header.right[1] }}", size=s["motto"], bold=True, align=CENTER)
        para(right, "—————————————", size=s["motto"], align=CENTER)
    para(right, "{{ place_date }}", size=s["body"], italic=True, align=CENTER, before=3)
    para(document, "")
    para(document, "{{ kind_name }}", size=s["kind"], bold=True, align=CENTER, before=6)
    para(document, "{{ subject }}", size=s["subject"], bold=True, align=CENTER)
    para(document, "-----" if layout == "party" else "—————", size=s["body"], align=CENTER, after=6)


def signature(document, layout: str) -> None:
    s = SIZES[layout]
    left, right = two_columns(document, 80)
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    para(left, "{{ recipients_heading }}", size=s["recipients_heading"], bold=layout == "state",
         italic=layout == "state", underline=layout == "party", align=LEFT, before=6)
    tag(left, "{%p for line in recipients %}")
    para(left, "{{ line }}", size=s["recipients"], align=LEFT)
    tag(left, "{%p endfor %}")
    tag(right, "{%p for line in signature.lines %}")
    para(right, "{{ line }}", size=s["sign"], bold=True, align=CENTER, before=0)
    tag(right, "{%p endfor %}")
    for _ in range(4):
        para(right, "")
    para(right, "{{ signature.name }}", size=s["sign"], bold=True, align=CENTER)


def body_paragraphs(document, loop: str, size: int, prefix: str = "") -> None:
    tag(document, f"{{%p for p in {loop} %}}")
    para(document, prefix + "{{ p }}", size=size, indent=True, after=6)
    tag(document, "{%p endfor %}")


def notice(document, layout: str) -> None:
    size = SIZES[layout]["body"]
    body_paragraphs(document, "intro", size)
    body_paragraphs(document, "conclusion", size)
    tag(document, "{%p for g in groups %}")
    para(document, "{{ g.heading }}", size=size, bold=True, indent=True, after=6)
    tag(document, "{%p for d in g.entries %}")
    para(document, "- {{ d.line }}", size=size, indent=True, after=6)
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    para(document, "{{ closing }}", size=size, indent=True, after=6)


def invitation(document, layout: str) -> None:
    size = SIZES[layout]["body"]
    body_paragraphs(document, "intro", size)
    body_paragraphs(document, "invitees", size, prefix="- ")
    para(document, "{{ attend }}", size=size, indent=True, after=6)
    p = para(document, "", indent=True, after=6)
    run(p, "Thời gian: ", size=size, bold=True)
    run(p, "{{ when }}.", size=size)
    tag(document, "{%p if place %}")
    p = para(document, "", indent=True, after=6)
    run(p, "Địa điểm: ", size=size, bold=True)
    run(p, "{{ place }}.", size=size)
    tag(document, "{%p endif %}")
    tag(document, "{%p if agenda %}")
    para(document, "Nội dung:", size=size, bold=True, indent=True, after=6)
    body_paragraphs(document, "agenda", size, prefix="- ")
    tag(document, "{%p endif %}")
    tag(document, "{%p if preparation %}")
    para(document, "{{ preparation }}", size=size, indent=True, after=6)
    tag(document, "{%p endif %}")
    para(document, "{{ closing }}", size=size, indent=True, after=6)


def _cell_text(cell, text: str, *, size: int, bold: bool = False, align=LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    run(paragraph, text, size=size, bold=bold)


def report(document, layout: str) -> None:
    size = SIZES[layout]["body"]
    body_paragraphs(document, "intro", size)
    tag(document, "{%p for sec in sections %}")
    para(document, "{{ sec.heading }}", size=size, bold=True, indent=True, after=6)
    tag(document, "{%p for e in sec.entries %}")
    p = para(document, "", indent=True, after=6)
    run(p, "- {{ e.organization }}: ", size=size, italic=True)
    run(p, "{{ e.text }}", size=size)
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p if rows %}")
    para(document, "{{ table_heading }}", size=size, bold=True, indent=True, after=6)
    columns = ["TT", "Chỉ tiêu", "Đơn vị tính", "{{ column_current }}", "{{ column_previous }}", "Tăng, giảm (%)"]
    widths = [10, 62, 23, 24, 24, 22]
    table = document.add_table(rows=3, cols=len(columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
    for cell, title in zip(table.rows[0].cells, columns, strict=True):
        _cell_text(cell, title, size=12, bold=True, align=CENTER)
    # docxtpl row loop: the first and last rows hold only the {%tr %} tags.
    table.rows[1].cells[0].paragraphs[0].text = "{%tr for r in rows %}"
    table.rows[2].cells[0].paragraphs[0].text = "{%tr endfor %}"
    loop_row = table.add_row()
    table._tbl.remove(loop_row._tr)
    table._tbl.insert(table._tbl.index(table.rows[1]._tr) + 1, loop_row._tr)
    values = ["{{ r.no }}", "{{ r.name }}{% if r.incomplete %} (*){% endif %}", "{{ r.unit }}", "{{ r.total }}",
              "{{ r.previous }}", "{{ r.change }}"]
    aligns = [CENTER, LEFT, CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT]
    for cell, value, align, width in zip(loop_row.cells, values, aligns, widths, strict=True):
        cell.width = Mm(width)
        _cell_text(cell, value, size=12, align=align)
    tag(document, "{%p if any_incomplete %}")
    para(document, "(*) Số liệu chưa đủ các đơn vị.", size=12, italic=True, after=6)
    tag(document, "{%p endif %}")
    tag(document, "{%p endif %}")
    tag(document, "{%p if missing %}")
    para(document, "{{ missing }}", size=size, indent=True, after=6, before=6)
    tag(document, "{%p endif %}")
    para(document, "{{ closing }}", size=size, indent=True, after=6, before=6)


def minutes(document, layout: str) -> None:
    size = SIZES[layout]["body"]
    tag(document, "{%p for sec in sections %}")
    para(document, "{{ sec.heading }}", size=size, bold=True, after=6, before=6)
    body_paragraphs(document, "sec.paragraphs", size)
    tag(document, "{%p endfor %}")
    tag(document, "{%p for g in groups %}")
    para(document, "{{ g.heading }}", size=size, bold=True, indent=True, after=6)
    tag(document, "{%p for d in g.entries %}")
    para(document, "- {{ d.line }}", size=size, indent=True, after=6)
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    para(document, "{{ closing }}", size=size, indent=True, after=6)


def two_signers(document, layout: str) -> None:
    """Minutes: the secretary signs on the left, the chair on the right; no "Nơi nhận"."""
    s = SIZES[layout]
    cells = two_columns(document, 82)
    for index, cell in enumerate(cells):
        cell._tc.remove(cell.paragraphs[0]._p)
        para(cell, f"{{{{ signers[{index}].role }}}}", size=s["sign"], bold=True, align=CENTER, before=6)
        for _ in range(4):
            para(cell, "")
        para(cell, f"{{{{ signers[{index}].name }}}}", size=s["sign"], bold=True, align=CENTER)


BUILDERS = {"notice": notice, "invitation": invitation, "report": report, "minutes": minutes}
SIGNATURES = {"minutes": two_signers}


def build(layout: str, doc_type: str) -> bytes:
    document = Document()
    _page(document)
    for paragraph in document.paragraphs:  # the default template's empty paragraph, if any
        paragraph._p.getparent().remove(paragraph._p)
    header(document, layout)
    BUILDERS[doc_type](document, layout)
    SIGNATURES.get(doc_type, signature)(document, layout)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())


def fixed_zip(data: bytes, when: tuple = FIXED_TIME) -> bytes:
    """Rewrite a .docx (a zip) with fixed entry timestamps, so the same content gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def main() -> int:
    for layout in SIZES:
        for doc_type in BUILDERS:
            path = HERE / f"{layout}_{doc_type}.docx"
            path.write_bytes(build(layout, doc_type))
            print(path.relative_to(HERE.parents[3]) if HERE.parents[3] in path.parents else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
