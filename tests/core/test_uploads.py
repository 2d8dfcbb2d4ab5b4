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


def test_a_docx_that_would_inflate_to_gigabytes_is_refused_from_its_zip_directory():
    from tests.archives import zip_bomb

    with pytest.raises(ValidationError, match="tỷ lệ nén quá cao"):
        validate_upload(SimpleUploadedFile("bien-ban.docx", zip_bomb()))


def test_an_xlsx_with_too_many_parts_is_refused():
    from tests.archives import many_members

    with pytest.raises(ValidationError, match="quá nhiều thành phần"):
        validate_upload(SimpleUploadedFile("so-lieu.xlsx", many_members(2001)))
