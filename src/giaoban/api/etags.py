"""ETag/If-Match over the records' version numbers (giaoban.core.versioning).

A write must name the version it was based on; if another save came in
between, save_versioned refuses and the client gets 412 with nothing changed.
"""

import re

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from giaoban.api.errors import ApiError
from giaoban.core.versioning import Versioned

_TAG = re.compile(r'^\s*(?:W/)?"v(\d{1,9})"\s*$')


def etag(record: Versioned) -> str:
    return f'"v{record.version}"'


def tag_response(response: HttpResponse, record: Versioned) -> None:
    response["ETag"] = etag(record)


def expected_version(request: HttpRequest, record: Versioned) -> int:
    """The version the client's If-Match names; 428 without one, 412 for one that is not ours."""
    header = request.headers.get("If-Match")
    if not header:
        raise ApiError(428, "precondition_required",
                       _("Hãy gửi tiêu đề If-Match với ETag đã nhận khi đọc bản ghi."))
    if header.strip() == "*":
        return record.version
    match = _TAG.match(header)
    if not match:
        raise ApiError(412, "stale_version", _("ETag trong If-Match không khớp phiên bản hiện tại của bản ghi."))
    return int(match.group(1))
