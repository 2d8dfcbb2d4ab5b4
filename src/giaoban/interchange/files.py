"""The stored files of an interchange file travel in a zip beside the JSON, named by their SHA-256.

The JSON names a file as {"name", "sha256", "size"}; the zip holds `files/<sha256>`.
The zip is written the same way every time (sorted entries, a fixed date), so the
same records give the same zip, byte for byte, in any installation. On import each
file's content is checked against its SHA-256 before anything is stored.
"""

import hashlib
import zipfile
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from giaoban.interchange.fileformat import FormatError

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def files_path(json_path: Path) -> Path:
    """`huyen.json` → `huyen.files.zip`, beside it."""
    return json_path.with_suffix(".files.zip")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileBag:
    """The files an export names, by content."""

    def __init__(self) -> None:
        self.contents: dict[str, bytes] = {}

    def add(self, stored: FieldFile | None) -> dict | None:
        """The file's entry for the JSON (None for no file, or one missing from storage: said by `missing`)."""
        if not stored:
            return None
        try:
            with stored.open("rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            return None
        digest = sha256(data)
        self.contents[digest] = data
        return {"name": PurePosixPath(stored.name).name, "sha256": digest, "size": len(data)}

    def write(self, path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for digest in sorted(self.contents):
                info = zipfile.ZipInfo(f"files/{digest}", date_time=FIXED_DATE)
                info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
                archive.writestr(info, self.contents[digest])


class Archive:
    """The zip beside an interchange JSON, read on import (absent: only files it does not need)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._zip = zipfile.ZipFile(path) if path is not None and path.exists() else None

    def content(self, entry: dict) -> ContentFile:
        """The file an entry names, checked against its SHA-256; FormatError (Vietnamese) otherwise."""
        if self._zip is None:
            raise FormatError(_("Thiếu tệp %(zip)s chứa các tệp đính kèm của tệp trao đổi.")
                              % {"zip": self.path.name if self.path else "*.files.zip"})
        try:
            data = self._zip.read(f"files/{entry['sha256']}")
        except KeyError as error:
            raise FormatError(_("Tệp đính kèm “%(name)s” không có trong %(zip)s.")
                              % {"name": entry["name"], "zip": self.path.name}) from error
        if sha256(data) != entry["sha256"]:
            raise FormatError(_("Tệp đính kèm “%(name)s” bị hỏng (mã kiểm tra không khớp).") % {"name": entry["name"]})
        return ContentFile(data, name=entry["name"])

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


def same_file(stored: FieldFile | None, entry: dict | None) -> bool:
    """Whether the stored file is the one the entry names (by content)."""
    if not entry:
        return not stored
    if not stored:
        return False
    try:
        with stored.open("rb") as handle:
            return sha256(handle.read()) == entry["sha256"] and PurePosixPath(stored.name).name == entry["name"]
    except FileNotFoundError:
        return False


def find_same(candidates, entry: dict):
    """The stored record among `candidates` whose `file` has the entry's content (None if none)."""
    for candidate in candidates:
        try:
            with candidate.file.open("rb") as handle:
                if sha256(handle.read()) == entry["sha256"]:
                    return candidate
        except FileNotFoundError:
            continue
    return None


def store(field: FieldFile, entry: dict | None, archive: Archive) -> None:
    """Put the entry's file into the record's field (not saving the record), under its own name.

    The name goes into a folder named by the content's hash, so two different files of the same
    name never collide (a collision would rename the second one, and the next export would differ).
    """
    if not entry:
        field.name = ""
        return
    content = archive.content(entry)
    target = field.field.generate_filename(field.instance, f"{entry['sha256'][:16]}/{entry['name']}")
    if field.storage.exists(target):
        with field.storage.open(target, "rb") as handle:
            if sha256(handle.read()) == entry["sha256"]:  # imported before (a re-import, another record)
                field.name = target
                return
    field.save(f"{entry['sha256'][:16]}/{entry['name']}", content, save=False)
