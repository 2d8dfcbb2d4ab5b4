"""Limit/offset pagination with bounds, and the `ordering` parameter of every list."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

MAX_LIMIT = 200
# Bounded so that no offset a client sends overflows a database integer.
MAX_OFFSET = 10**9
# Ids are database integers; a larger number can name no record.
MAX_ID = 2**31 - 1


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
