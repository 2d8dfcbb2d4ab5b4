import pytest
from django.core.management import call_command

from giaoban.documents.models import Document, DocumentType
from giaoban.meetings.models import Meeting


@pytest.mark.django_db
def test_demo_issues_each_seed_meetings_notice_once_and_the_command_exports_it(settings, tmp_path):
    settings.DEMO = True
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)
    meetings = Meeting.objects.all()
    assert meetings.exists()
    for meeting in meetings:
        notices = Document.objects.filter(meeting=meeting, doc_type=DocumentType.NOTICE)
        assert notices.count() == 1
        assert notices.get().published == meeting.is_public
    meeting = meetings.first()
    out = tmp_path / "tb.pdf"
    call_command("document", "notice", str(meeting.pk), "--out", str(out), stdout=None)
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.django_db
def test_docs_preview_writes_pdf_docx_and_png_pages(settings, tmp_path):
    settings.DEMO = True
    call_command("demo", stdout=None)
    call_command("docs-preview", "--out", str(tmp_path), "--limit", "1", stdout=None)
    names = {p.name for p in tmp_path.iterdir()}
    assert any(n.endswith("-notice.pdf") for n in names) and any(n.endswith("-notice.docx") for n in names)
    assert any(n.endswith("-minutes.pdf") for n in names) and any(n.endswith("-minutes.docx") for n in names)
    assert any(n.endswith(".png") for n in names)
