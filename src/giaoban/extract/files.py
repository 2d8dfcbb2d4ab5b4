"""Reading input files: .txt (UTF-8 with or without BOM, else Windows-1258), .html/.htm,
.docx (python-docx) and .pdf (pypdf); the optional libraries are imported only when needed.

A .docx (like .xlsx and any zip) is checked from its zip directory before anything is
inflated: a 1 MB file may claim to hold 1 GB.  ``check_inflation`` is also what the web
uploads use, so the limits are the same everywhere."""

from __future__ import annotations

import errno
import logging
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .htmltext import html_to_text, is_html_document
from .normalize import clean
from .pipeline import extract

MAX_FILE_BYTES = 50 * 1024 * 1024


class ExtractFileError(Exception):
    """A file that cannot be read; the message is in Vietnamese and names the file."""


@dataclass(frozen=True)
class InflationLimits:
    """What an Office file (a zip) may unpack to; far above real meeting texts and templates."""

    total_bytes: int = 100 * 1024 * 1024
    members: int = 2000
    # Deflated XML rarely packs better than 30:1; a bomb packs 1000:1. Small members are ignored.
    ratio: int = 200
    ratio_floor_bytes: int = 1024 * 1024


LIMITS = InflationLimits()


class InflationError(ValueError):
    """An archive over a limit; `reason` is "members", "total", "ratio" or "corrupt", `message` Vietnamese."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def check_inflation(source: str | os.PathLike[str] | IO[bytes], limits: InflationLimits = LIMITS) -> None:
    """Raise InflationError unless the zip's directory promises a reasonable size; reads no member.

    zipfile never inflates a member past the size the directory declares, so checking the
    declared sizes bounds what any later reader (python-docx, openpyxl) can allocate.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InflationError("corrupt", "tệp nén bị hỏng, không đọc được danh mục bên trong") from exc
    if len(members) > limits.members:
        raise InflationError("members", f"có {len(members)} tệp thành phần (tối đa {limits.members})")
    total = sum(member.file_size for member in members)
    if total > limits.total_bytes:
        raise InflationError("total", f"giải nén ra {_megabytes(total)} (tối đa {_megabytes(limits.total_bytes)})")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.ratio_floor_bytes and ratio > limits.ratio:
            raise InflationError("ratio", f"thành phần “{member.filename}” nén {ratio:.0f} lần "
                                          f"(tối đa {limits.ratio} lần), dấu hiệu của tệp nén độc hại")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


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
        check_inflation(p)
    except InflationError as exc:
        raise _fail(p, exc) from exc
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
