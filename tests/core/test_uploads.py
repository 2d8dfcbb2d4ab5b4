import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from giaoban.core.uploads import validate_upload


@pytest.mark.parametrize(("name", "content", "ok"), [
    ("a.pdf", b"%PDF-1.7 ...", True), ("a.docx", b"PK\x03\x04...", True), ("a.txt", b"van ban", True),
    ("a.pdf", b"<html>", False), ("a.docx", b"%PDF", False), ("a.exe", b"MZ", False), ("a.pdf", b"", False),
])
def test_uploads_are_checked_by_extension_and_content(name, content, ok):
    upload = SimpleUploadedFile(name, content)
    if ok:
        validate_upload(upload)
    else:
        with pytest.raises(ValidationError):
            validate_upload(upload)


def test_oversized_upload_is_refused_with_the_limit_in_vietnamese(settings):
    settings.GIAOBAN_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError, match="quá lớn"):
        validate_upload(SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.7 and more bytes"))
