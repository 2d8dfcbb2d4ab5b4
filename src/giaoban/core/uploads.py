"""Upload checks shared by every attachment: meetings, directive evidence, reports.

The name's extension must be allowed and, where a format has a cheap signature
(PDF, Office zip, old Office, PNG, JPEG), the first bytes must match it, so a
renamed executable is refused.  Size is capped by GIAOBAN_MAX_UPLOAD_BYTES, and
what an Office file (a zip) unpacks to by the extractor's inflation limits, read
from the zip directory before any reader inflates a member.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from giaoban.extract.files import InflationError, check_inflation

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "docx": _ZIP, "xlsx": _ZIP, "odt": _ZIP, "ods": _ZIP,
    "doc": _OLE, "xls": _OLE,
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",),
}


def extension(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def validate_upload(upload: UploadedFile, allowed: list[str] | None = None) -> None:
    """Raise ValidationError (Vietnamese) unless the file's size, extension and content are acceptable."""
    allowed = [e.lower() for e in (allowed or settings.GIAOBAN_UPLOAD_EXTENSIONS)]
    limit = settings.GIAOBAN_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(_("Tệp “%(name)s” quá lớn (%(size)s); tối đa %(limit)s.")
                              % {"name": upload.name, "size": filesizeformat(upload.size),
                                 "limit": filesizeformat(limit)})
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name})
    ext = extension(upload.name)
    if ext not in allowed:
        raise ValidationError(_("Không nhận tệp loại “.%(ext)s”. Chỉ nhận: %(allowed)s.")
                              % {"ext": ext, "allowed": ", ".join(allowed)})
    head = _head(upload)
    signatures = SIGNATURES.get(ext)
    if signatures and not head.startswith(signatures):
        raise ValidationError(_("Nội dung tệp “%(name)s” không phải là tệp .%(ext)s thật.")
                              % {"name": upload.name, "ext": ext})
    if signatures == _ZIP:
        validate_inflation(upload)
    if ext in {"txt", "html", "htm"} and b"\x00" in head:
        raise ValidationError(_("Tệp “%(name)s” không phải văn bản thuần.") % {"name": upload.name})


def inflation_problem(source) -> str | None:
    """A Vietnamese reason why this zip (DOCX, XLSX, ODF) unpacks to too much, or None.

    A damaged zip is not refused here: its reader refuses it later in its own words.
    """
    try:
        check_inflation(source)
    except InflationError as error:
        messages = {
            "members": _("tệp chứa quá nhiều thành phần"),
            "total": _("nội dung giải nén quá lớn"),
            "ratio": _("tệp nén bất thường (tỷ lệ nén quá cao)"),
        }
        if error.reason not in messages:
            return None
        return _("%(reason)s: %(detail)s") % {"reason": messages[error.reason], "detail": error}
    return None


def validate_inflation(upload: UploadedFile) -> None:
    """Raise ValidationError (Vietnamese) if the uploaded zip would unpack to too much."""
    position = upload.tell()
    upload.seek(0)
    try:
        problem = inflation_problem(upload)
    finally:
        upload.seek(position)
    if problem:
        raise ValidationError(_("Không nhận tệp “%(name)s”: %(problem)s.") % {"name": upload.name,
                                                                              "problem": problem})


def _head(upload: UploadedFile, size: int = 1024) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(size)
    upload.seek(position)
    return head
