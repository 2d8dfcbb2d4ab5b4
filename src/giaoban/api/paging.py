"""Pagination of the lists: by cursor (keyset) for the large ones, limit/offset with bounds for the small ones,
and the `ordering` parameter of every list."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import OrderBy, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from giaoban.api.errors import ApiError
from giaoban.core.keyset import COUNT_LIMIT, page_after

MAX_LIMIT = 200
# Bounded so that no offset a client sends overflows a database integer.
MAX_OFFSET = 10**9
# Ids are database integers; a larger number can name no record.
MAX_ID = 2**31 - 1
# A cursor holds the order's name and one row's sort key (a date, a name of up to 255 characters, an id).
MAX_CURSOR = 2000


class Page(PaginationBase):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Số bản ghi mỗi trang (tối đa 200).")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Bỏ qua bao nhiêu bản ghi đầu.")

    class Output(Schema):
        items: list[Any]
        count: int
        limit: int
        offset: int

    def paginate_queryset(self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params: Any) -> Any:
        start, limit = pagination.offset, pagination.limit
        return {"items": queryset[start:start + limit], "count": self._items_count(queryset),
                "limit": limit, "offset": start}


def ordered(queryset: QuerySet, ordering: str) -> QuerySet:
    """Order by the chosen field, then by id so that pages never overlap."""
    tie = "-pk" if ordering.startswith("-") else "pk"
    return queryset.order_by(ordering, tie)


CURSOR_HELP = ("Vị trí trang: giá trị `next_cursor` của trang trước (để trống: trang đầu). "
               "Liên kết `next` đã có sẵn tham số này.")


@dataclass
class Keyset:
    """What a cursor-paged list endpoint returns: its rows, their order, the name of that order (kept in the
    cursor), optionally the parts whose union is what the user sees (see core.keyset.keyset_page) and what
    to read for the page's rows once they are known."""

    queryset: QuerySet
    ordering: Sequence[str | OrderBy]
    name: str
    parts: Sequence[Q] | None = None
    # Called with the page's rows before they are serialized (to read what they show for all of them at once).
    rows: Callable[[list], None] | None = None


class CursorPage(PaginationBase):
    """Pages read by keyset: each page carries the cursor of the next one, so a page costs what it shows at any
    depth; the count is exact up to 1,000 (`count_exact`), as on the web lists."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Số bản ghi mỗi trang (tối đa 200).")
        cursor: str = Field("", max_length=MAX_CURSOR, pattern=r"^[A-Za-z0-9_-]*$", description=CURSOR_HELP)

    class Output(Schema):
        items: list[Any]
        count: int = Field(..., description="Số bản ghi khớp, đếm đến 1.000 (xem count_exact).")
        count_exact: bool = Field(..., description="false: có hơn `count` bản ghi.")
        limit: int
        next_cursor: str | None = Field(..., description="Tham số cursor của trang sau; null ở trang cuối.")
        next: str | None = Field(..., description="Đường dẫn của trang sau (các bộ lọc giữ nguyên); null ở trang cuối.")

    def paginate_queryset(self, queryset: Keyset, pagination: Input, request: HttpRequest, **params: Any) -> Any:
        if request.GET.get("offset", "0") not in ("", "0"):
            raise ApiError(400, "invalid", _("Danh sách này không còn phân trang bằng offset: hãy theo liên kết "
                                             "`next` (tham số cursor) của mỗi trang."),
                           details={"offset": ["cursor"]})
        try:
            page = page_after(queryset.queryset, queryset.ordering, pagination.limit, pagination.cursor,
                              tag=queryset.name, parts=queryset.parts, count_limit=COUNT_LIMIT)
        except ValueError as error:
            raise ApiError(400, "invalid", _("Tham số cursor không hợp lệ cho danh sách và thứ tự này: hãy bắt đầu "
                                             "lại từ trang đầu."), details={"cursor": ["invalid"]}) from error
        if queryset.rows and page.object_list:
            queryset.rows(page.object_list)
        following = None
        if page.has_next:
            query = request.GET.copy()
            query["cursor"] = page.next_token
            following = f"{request.path}?{query.urlencode()}"
        exact = page.count is not None
        return {"items": page.object_list, "count": page.count if exact else page.count_limit, "count_exact": exact,
                "limit": pagination.limit, "next_cursor": page.next_token or None, "next": following}
