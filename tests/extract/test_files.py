import unicodedata

import pytest

from giaoban.extract import ExtractFileError, extract_file, read_text
from giaoban.extract.htmltext import html_to_text

HTML = """<!doctype html><html><head><title>Tin</title><style>p{color:red}</style>
<script>var x = "Hội nghị giả";</script></head><body>
<nav><a href="/">Trang chủ</a> Lịch công tác</nav>
<div class="content"><h1>Hội nghị giao ban quý I năm 2022</h1>
<p>Ngày 05/4/2022, Huyện ủy Hữu Lũng đã tổ chức Hội nghị giao ban công tác quý I, triển khai chương
trình công tác quý II năm 2022 đối với khối đoàn thể huyện, với sự tham dự của lãnh đạo các đoàn thể.</p>
<p>Tập tin đính kèm:</p></div>
<div class="comment-box">Bình luận của bạn</div>
<p>Các tin khác</p><ul><li>Xã A tổ chức hội nghị tổng kết năm 2021</li></ul>
<div>Thống kê: 2.761.868</div><div>Online: 187</div>
<footer>Bản quyền</footer></body></html>"""


def test_html_markup_scripts_and_navigation_are_dropped():
    text = html_to_text(HTML)
    assert "Hội nghị giả" not in text and "color" not in text and "Bản quyền" not in text
    assert "Ngày 05/4/2022" in text


def test_html_file_chrome_is_removed_before_extraction(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(HTML, encoding="utf-8")
    record = extract_file(path)
    assert record["kind"] == "briefing"
    assert record["meeting"]["date"] == "2022-04-05"
    assert record["figures"] == []  # the visitor counter is chrome, not a figure


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps base letters precomposed and tone marks as combining characters."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tones = [c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"]
            base = "".join(c for c in decomposed if c not in tones)
            out += unicodedata.normalize("NFC", base).encode("cp1258") + "".join(tones).encode("cp1258")
    return bytes(out)


def test_cp1258_text_is_decoded_and_encoding_reported(tmp_path):
    path = tmp_path / "cu.txt"
    text = "Hội nghị giao ban quý II năm 2023 của Ủy ban MTTQ"
    path.write_bytes(_to_cp1258(text))
    decoded, encoding = read_text(path)
    assert encoding == "cp1258"
    assert decoded == text


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Hội nghị".encode())
    assert read_text(path) == ("Hội nghị", "utf-8-sig")


def test_docx_paragraphs_are_read(tmp_path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "kl.docx"
    document = docx.Document()
    document.add_paragraph("Hội nghị giao ban tháng 6/2018")
    document.add_paragraph(
        "Ngày 03/7/2018, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức Hội nghị giao ban tháng 6 và "
        "phương hướng nhiệm vụ tháng 7/2018 với Ban Thường trực Ủy ban MTTQ Việt Nam các xã."
    )
    document.save(str(path))
    record = extract_file(path)
    assert record["meeting"]["period"] == {"type": "month", "year": 2018, "number": 6}
    assert read_text(path)[1] == "docx"


def _tiny_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 50 750 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_text_is_read(tmp_path):
    pytest.importorskip("pypdf")
    path = tmp_path / "tb.pdf"
    path.write_bytes(_tiny_pdf("Ke hoach so 71-KH/TU ngay 11/11/2021"))
    text, how = read_text(path)
    assert how == "pdf" and "71-KH/TU" in text
    assert extract_file(path)["kind"] == "other"


def test_broken_pdf_gives_vietnamese_error_naming_the_file(tmp_path):
    pytest.importorskip("pypdf")
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"not a pdf at all")
    with pytest.raises(ExtractFileError, match="Không đọc được tệp .*hong.pdf"):
        extract_file(path)


def test_binary_bytes_in_a_text_file_still_give_a_record(tmp_path):
    path = tmp_path / "rac.txt"
    path.write_bytes(bytes(range(256)) * 10)
    record = extract_file(path)
    assert record["kind"] in ("other", "briefing", "working_session", "conference")


def test_saved_html_page_is_read_as_html_whatever_its_suffix(tmp_path):
    path = tmp_path / "tin.txt"
    path.write_text(HTML, encoding="utf-8")
    text, _encoding = read_text(path)
    assert "<p>" not in text and "Hội nghị giả" not in text
    assert extract_file(path)["meeting"]["date"] == "2022-04-05"


def test_html_page_given_as_a_string_is_converted():
    from giaoban.extract import extract

    assert extract(HTML)["meeting"]["date"] == "2022-04-05"


def test_a_docx_that_inflates_a_thousandfold_is_refused_before_it_is_read(tmp_path):
    from giaoban.extract.files import InflationError, check_inflation
    from tests.archives import zip_bomb

    bomb = tmp_path / "bien-ban.docx"
    bomb.write_bytes(zip_bomb())
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InflationError) as refused:
        check_inflation(bomb)
    assert refused.value.reason == "ratio"
    with pytest.raises(ExtractFileError, match="nén .* lần"):
        read_text(bomb)


def test_an_archive_over_the_total_or_the_member_count_is_refused(tmp_path):
    import io

    from giaoban.extract.files import InflationError, InflationLimits, check_inflation
    from tests.archives import many_members, zip_bomb

    with pytest.raises(InflationError) as refused:
        check_inflation(io.BytesIO(zip_bomb(inflated_mb=3)), InflationLimits(total_bytes=2 * 1024 * 1024))
    assert refused.value.reason == "total" and "tối đa 2 MB" in str(refused.value)
    with pytest.raises(InflationError) as refused:
        check_inflation(io.BytesIO(many_members(2001)))
    assert refused.value.reason == "members"


def test_an_ordinary_office_file_passes_the_inflation_check():
    import io

    from giaoban.extract.files import check_inflation
    from tests.archives import many_members

    check_inflation(io.BytesIO(many_members(40)))
