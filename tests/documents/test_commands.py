import io

import docx
import pypdf
import pytest
from django.core.management import CommandError, call_command

from giaoban.documents.models import Document
from tests.documents import factories as f

pytestmark = pytest.mark.django_db


def test_document_notice_writes_a_draft_docx_without_taking_a_number(tmp_path):
    record = f.bau_bang()
    out = tmp_path / "tb.docx"
    call_command("document", "notice", str(record.meeting.pk), "--format", "docx", "--out", str(out),
                 stdout=io.StringIO())
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "THÔNG BÁO" in text and Document.objects.count() == 0


def test_document_notice_issue_takes_a_number_and_later_exports_the_issued_text(tmp_path):
    record = f.huu_lung()
    call_command("document", "notice", str(record.meeting.pk), "--issue", "--date", "07/04/2022",
                 "--out", str(tmp_path / "a.pdf"), stdout=io.StringIO(), stderr=io.StringIO())
    call_command("document", "notice", str(record.meeting.pk), "--out", str(tmp_path / "b.pdf"),
                 stdout=io.StringIO())
    text = pypdf.PdfReader(str(tmp_path / "b.pdf")).pages[0].extract_text()
    assert "Số 1-TB/HU" in text and "ngày 07 tháng 4 năm 2022" in text
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_document_report_takes_a_bloc_and_a_period_label(tmp_path):
    record = f.huu_lung()
    bloc, _quarter, _ = f.with_reports(record)
    out = tmp_path / "bc.pdf"
    call_command("document", "report", str(bloc.pk), "--period", "Quý I/2022", "--out", str(out),
                 stdout=io.StringIO())
    assert "Suất quà Tết trao tặng" in pypdf.PdfReader(str(out)).pages[0].extract_text()


@pytest.mark.parametrize(("args", "message"), [
    (["notice", "999999"], "Không có cuộc họp"),
    (["report", "999999", "--period", "Quý I/2022"], "Không có khối"),
    (["notice", "1", "--issue", "--date", "2022-13-45"], "không đúng dạng"),
])
def test_bad_input_gets_a_vietnamese_error(args, message):
    f.bau_bang()
    with pytest.raises(CommandError, match=message):
        call_command("document", *args, stdout=io.StringIO())


def test_bad_period_label_is_refused():
    record = f.huu_lung()
    bloc, _q, _ = f.with_reports(record)
    with pytest.raises(CommandError):
        call_command("document", "report", str(bloc.pk), "--period", "Quý IX/2022", stdout=io.StringIO())
