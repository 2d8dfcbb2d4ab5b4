"""Upload checks shared by every attachment: meetings, directive evidence, reports.

The name's extension must be allowed and, where a format has a cheap signature
(PDF, Office zip, old Office, PNG, JPEG), the first bytes must match it, so a
renamed executable is refused.  Size is capped by GIAOBAN_MAX_UPLOAD_BYTES.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
    if ext in {"txt", "html", "htm"} and b"\x00" in head:
        raise ValidationError(_("Tệp “%(name)s” không phải văn bản thuần.") % {"name": upload.name})


def _head(upload: UploadedFile, size: int = 1024) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(size)
    upload.seek(position)
    return head
