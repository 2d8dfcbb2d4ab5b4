"""Reading input files: .txt (UTF-8 with or without BOM, else Windows-1258), .html/.htm,
.docx (python-docx) and .pdf (pypdf); the optional libraries are imported only when needed."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from .htmltext import html_to_text, is_html_document
from .normalize import clean
from .pipeline import extract

MAX_FILE_BYTES = 50 * 1024 * 1024


class ExtractFileError(Exception):
    """A file that cannot be read; the message is in Vietnamese and names the file."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (BOM allowed) first, then Windows-1258."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for enc in ("utf-8", "cp1258"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), "utf-8 (thay thế ký tự lỗi)"


_OS_REASONS = {
    errno.ENOENT: "không tìm thấy tệp",
    errno.EACCES: "không có quyền đọc tệp",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
}


def _fail(path: Path, reason: object) -> ExtractFileError:
    return ExtractFileError(f"Không đọc được tệp '{path}': {reason}")


def _os_reason(exc: OSError) -> str:
    """The operating system's reason in Vietnamese (its own strerror is English)."""
    return _OS_REASONS.get(exc.errno, f"lỗi hệ thống ({exc.strerror or exc.__class__.__name__})")


def read_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Plain text of a file and how it was read (an encoding name or "docx"/"pdf")."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise _fail(p, _os_reason(exc)) from exc
    if size > MAX_FILE_BYTES:
        raise _fail(p, f"tệp quá lớn ({size} byte)")
    suffix = p.suffix.lower()
    if suffix == ".docx":
        return clean(_read_docx(p)), "docx"
    if suffix == ".pdf":
        return clean(_read_pdf(p)), "pdf"
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise _fail(p, _os_reason(exc)) from exc
    text, encoding = decode_text(data)
    if (
        suffix in (".html", ".htm", ".xhtml")
        or is_html_document(text)
        or (suffix not in (".txt", ".text") and _looks_like_html(text))
    ):
        text = html_to_text(text)
    return clean(text), encoding


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head


def _read_docx(p: Path) -> str:
    try:
        import docx  # python-docx, optional
    except ImportError as exc:
        raise _fail(p, "cần cài gói python-docx để đọc tệp .docx") from exc
    try:
        document = docx.Document(str(p))
        lines = [para.text for para in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
        return "\n".join(lines)
    except Exception as exc:  # noqa: BLE001 - any library error becomes a file error
        raise _fail(p, f"tệp .docx không hợp lệ ({exc.__class__.__name__})") from exc


def _read_pdf(p: Path) -> str:
    try:
        import pypdf  # optional
    except ImportError as exc:
        raise _fail(p, "cần cài gói pypdf để đọc tệp .pdf") from exc
    # pypdf logs its repairs of damaged files as warnings; the caller gets one clear error instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(str(p))
        return "\n".join((page.extract_text() or "") for page in reader.pages)
    except Exception as exc:  # noqa: BLE001
        raise _fail(p, f"tệp .pdf không hợp lệ ({exc.__class__.__name__})") from exc


def extract_file(path: str | os.PathLike[str]) -> dict:
    """Record for one file; raises ExtractFileError with a Vietnamese message naming the file."""
    text, _encoding = read_text(path)
    return extract(text)
