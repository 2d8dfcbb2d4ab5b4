"""The interchange file: its name tag and version, checked before anything is read."""

from typing import Any

from django.utils.translation import gettext as _

FORMAT = "giaoban-interchange"
# 2: users and memberships, people, series, reports, documents, files, optional history (docs/interchange.md).
# Version 1 files are still read: what they lack is left as the database has it.
VERSION = 2


class FormatError(Exception):
    """The file is not an interchange file this version can read."""


def check(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError(_("Tệp không phải là tệp trao đổi dữ liệu của giaoban."))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormatError(_("Tệp trao đổi không ghi phiên bản định dạng hợp lệ."))
    if version > VERSION:
        raise FormatError(_("Tệp được tạo bởi phiên bản giaoban mới hơn (định dạng %(file)s); phiên bản này chỉ "
                            "đọc được định dạng %(ours)s. Hãy cập nhật giaoban rồi nhập lại.")
                          % {"file": version, "ours": VERSION})
