"""Zip archives built by the tests: small files that unpack to far more than they weigh."""

import io
import zipfile

MB = 1024 * 1024


def zip_bomb(inflated_mb: int = 24, members: dict[str, bytes] | None = None) -> bytes:
    """A zip of ~25 KB whose word/document.xml inflates to `inflated_mb` MB of zeros (ratio ≈ 1000)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        for name, data in (members or {}).items():
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * MB
            for _ in range(inflated_mb):
                member.write(chunk)
    return buffer.getvalue()


def many_members(count: int) -> bytes:
    """A zip with `count` tiny members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(count):
            archive.writestr(f"xl/part{number}.xml", "<a/>")
    return buffer.getvalue()
