"""Read-back: every document generated for the two real records, opened with python-docx and pypdf."""

import datetime
import io
import re

import docx
import pypdf
import pytest
from django.contrib.auth.models import AnonymousUser

from giaoban.core.text import nfc
from giaoban.directives.models import amend
from giaoban.documents import content
from giaoban.documents.render import render_docx, render_pdf, sha256
from giaoban.documents.report import issue_report
from giaoban.documents.service import issue_invitation, issue_notice, matches_stored
from giaoban.meetings.models import Attendance, Person
from tests.documents import factories as f

pytestmark = pytest.mark.django_db
DAY = datetime.date(2022, 4, 7)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """One space between words: PDF text is broken into lines wherever the layout wrapped it."""
    return re.sub(r"\s+", " ", nfc(text)).strip()


def as_bullet(text: str) -> str:
    """A directive as the notice writes it: first letter capitalised, spaces collapsed."""
    text = nfc(text)
    return text[0].upper() + text[1:]


def both_formats(document) -> dict[str, str]:
    with document.docx.open("rb") as handle:
        docx_data = handle.read()
    with document.pdf.open("rb") as handle:
        pdf_data = handle.read()
    return {"docx": flat(docx_text(docx_data)), "pdf": flat(pdf_text(pdf_data))}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_huu_lung_notice_reads_back_with_party_header_number_date_directives_and_signature(fmt):
    record = f.huu_lung()
    document = issue_notice(record.meeting, issued_on=DAY)
    text = both_formats(document)[fmt]
    for line in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH LẠNG SƠN", "HUYỆN ỦY HỮU LŨNG", "Số 1-TB/HU",
                 "Hữu Lũng, ngày 07 tháng 4 năm 2022", "THÔNG BÁO", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ",
                 "Đinh Đức Chính", "Nơi nhận:", "Lưu Văn phòng Huyện ủy Hữu Lũng"):
        assert line in text, line
    for directive in f.HUU_LUNG_DIRECTIVES:
        assert flat(as_bullet(directive)) in text, directive
    assert f.TRICKY_NAME in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_bau_bang_notice_reads_back_with_front_header_grouped_directives_and_deadline(fmt):
    record = f.bau_bang()
    document = issue_notice(record.meeting, issued_on=datetime.date(2018, 7, 5))
    text = both_formats(document)[fmt]
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "HUYỆN BÀU BÀNG",
                 "BAN THƯỜNG TRỰC", "Số: 01/TB-MTTQ-BTT", "Bàu Bàng, ngày 05 tháng 7 năm 2018", "THÔNG BÁO",
                 "TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Nguyễn Thành Tốt", "Nơi nhận:", "Lưu: VT.",
                 "1. Đối với Ban Thường trực Ủy ban MTTQ Việt Nam huyện:",
                 "2. Đối với Ban Thường trực Ủy ban MTTQ Việt Nam các xã:", "thời hạn: trong tháng 8/2018"):
        assert line in text, line
    for _who, directive in f.BAU_BANG_DIRECTIVES:
        assert flat(as_bullet(directive)) in text, directive
    assert "Tổ hợp tác Rau sạch & Hoa <Lai Uyên>" in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("which", ["huu_lung", "bau_bang"])
def test_invitation_reads_back_with_time_place_agenda_and_attendees(which, fmt):
    record = getattr(f, which)()
    document = issue_invitation(record.meeting, issued_on=record.meeting.date - datetime.timedelta(days=5))
    text = both_formats(document)[fmt]
    meeting = record.meeting
    assert "GIẤY MỜI" in text
    assert document.content["number_line"] in text
    assert document.content["place_date"] in text
    assert f"{meeting.start_time:%H} giờ {meeting.start_time:%M}" in text
    assert flat(meeting.place) in text
    for attendance in meeting.attendances.all():
        assert attendance.organization.name in text
    for item in meeting.agenda_items.all():
        assert flat(as_bullet(item.title)) in text
    for line in document.content["signature"]["lines"]:
        assert line in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("which", ["huu_lung", "bau_bang"])
def test_consolidated_report_reads_back_with_sections_table_and_missing_bodies(which, fmt):
    record = getattr(f, which)()
    bloc, quarter, reporters = f.with_reports(record, missing=1)
    document = issue_report(bloc, quarter, issued_on=datetime.date(2022, 4, 10), signer_name="Hoàng Thị Hà",
                            signer_title="Phó Trưởng ban")
    text = both_formats(document)[fmt]
    assert "BÁO CÁO" in text
    assert document.content["number_line"] in text
    assert document.content["place_date"] in text
    assert "Suất quà Tết trao tặng" in text and "Quỹ “Vì người nghèo” vận động được" in text
    for body in reporters[:-1]:
        assert flat(f"{body.name}: {f.REPORT_RESULTS}") in text
    assert f"Các cơ quan, đơn vị chưa gửi báo cáo: {reporters[-1].name}." in text
    assert "Hoàng Thị Hà" in text
    for line in document.content["signature"]["lines"]:
        assert line in text


def test_party_board_report_is_signed_for_the_head_with_k_t():
    record = f.huu_lung()
    bloc, quarter, _ = f.with_reports(record)
    report = issue_report(bloc, quarter, issued_on=DAY, render=False, signer_name="Hoàng Thị Hà",
                          signer_title="Phó Trưởng ban")
    assert report.content["signature"]["lines"] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert report.content["header"]["superior"] == ["HUYỆN ỦY HỮU LŨNG"]
    assert report.content["header"]["issuer"] == ["BAN DÂN VẬN"]
    assert report.code == "1-BC/BDVHU"


def test_regenerating_an_issued_document_gives_the_same_files_even_after_the_meeting_changes():
    record = f.huu_lung()
    document = issue_notice(record.meeting, issued_on=DAY)
    record.meeting.place = "Hội trường khác"
    record.meeting.save()
    amend(record.directives[0], user=AnonymousUser(), kind="correction", reason="Ghi nhầm",
          changes={"text": "Một nội dung đã đính chính sau khi ban hành"})
    assert matches_stored(document)
    assert sha256(render_docx(document.content)) == document.docx_sha256
    assert sha256(render_pdf(document.content)) == document.pdf_sha256


def test_docx_core_properties_carry_the_issue_date_and_title():
    record = f.bau_bang()
    document = issue_notice(record.meeting, issued_on=datetime.date(2018, 7, 5))
    with document.docx.open("rb") as handle:
        props = docx.Document(handle).core_properties
    assert props.created.date() == datetime.date(2018, 7, 5) == props.modified.date()
    assert props.title.startswith("Thông báo kết luận của đồng chí Nguyễn Thành Tốt")


def test_pdf_uses_the_bundled_serif_and_a4_pages():
    record = f.huu_lung()
    data = render_pdf(content.notice(record.meeting, number=3, issued_on=DAY))
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert fonts and all(name.split("+")[1].startswith("giaoban-serif") for name in fonts), fonts
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (210, 297)


def test_docx_uses_times_new_roman_a4_and_the_decree_margins():
    record = f.bau_bang()
    document = docx.Document(io.BytesIO(render_docx(content.notice(record.meeting))))
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    assert section.left_margin.mm == pytest.approx(30, abs=0.5)
    assert section.right_margin.mm == pytest.approx(15, abs=0.5)
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_a_draft_has_a_blank_number_and_date_for_the_office_to_fill_in():
    record = f.bau_bang()
    draft = content.notice(record.meeting)
    assert draft["number_line"] == "Số:       /TB-MTTQ-BTT"
    assert draft["place_date"] == "Bàu Bàng, ngày      tháng      năm"


def test_markup_in_names_is_text_not_markup_in_docx_xml():
    record = f.huu_lung()
    data = render_docx(content.notice(record.meeting, number=1, issued_on=DAY))
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "&amp; Dịch vụ &lt;Hữu Lũng&gt;" in xml
    assert "<Hữu Lũng>" not in xml


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_notice_for_a_meeting_with_an_excused_body_does_not_list_it_as_attending(fmt):
    record = f.huu_lung_with_absences()
    text = both_formats(issue_notice(record.meeting, issued_on=DAY))[fmt]
    attending = text.split("Tham dự có đại diện lãnh đạo:", 1)[1].split(".", 1)[0]
    assert "Ủy ban MTTQ Việt Nam huyện Hữu Lũng" in attending and f.TRICKY_NAME in attending
    assert "Hội Nông dân" not in attending and "Phụ nữ" not in attending


def test_the_notice_intro_leaves_out_an_absent_body():
    record = f.huu_lung_with_absences()
    assert "Phụ nữ" not in content.notice(record.meeting)["intro"][0]


def test_the_invitation_names_an_invited_person_by_name():
    record = f.huu_lung()
    Attendance.objects.create(meeting=record.meeting, organization=record.orgs["front"],
                              person=Person.objects.create(name="Vi Văn Mời", title="Chủ tịch"))
    assert "Đồng chí Vi Văn Mời, Ủy ban MTTQ Việt Nam huyện Hữu Lũng" in content.invitees(record.meeting)
