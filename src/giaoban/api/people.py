"""The directory of officials, as the people page shows it: only people of bodies the user may see."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from giaoban.api.errors import errors
from giaoban.api.fields import PLAIN_TEXT
from giaoban.api.paging import MAX_ID, Page
from giaoban.meetings.people import matching

router = Router(tags=["Cán bộ"])


class PersonOut(Schema):
    id: int
    name: str
    title: str
    organization_id: int | None


class PersonFilter(Schema):
    q: str = Field("", max_length=100, pattern=PLAIN_TEXT, description="Tìm theo họ tên (không cần dấu).")
    organization: int | None = Field(None, ge=1, le=MAX_ID, description="Chỉ cán bộ của đơn vị này.")


@router.get("/people/", response={200: list[PersonOut], **errors()}, summary="Danh bạ cán bộ")
@paginate(Page)
def list_people(request, filters: Query[PersonFilter]):
    # The page's own query: visible bodies only, Vietnamese alphabetical order.
    people = matching(request.user, filters.q)
    if filters.organization:
        people = people.filter(organization_id=filters.organization)
    return people
