"""Organisations, blocs and periods: read-only, within the user's reach (accounts.access)."""

import datetime
from typing import Annotated, Literal

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, FilterLookup, FilterSchema, Path, Query, Router, Schema
from ninja.pagination import paginate

from giaoban.accounts.access import visible_organizations
from giaoban.api.errors import errors
from giaoban.api.etags import tag_response
from giaoban.api.fields import PLAIN_TEXT
from giaoban.api.lists import plain_page
from giaoban.api.paging import MAX_ID, Page, ordered
from giaoban.directives import listcache
from giaoban.organisations.models import Bloc, Level, OrganizationType
from giaoban.periods.models import Period, PeriodType

router = Router(tags=["Đơn vị, khối, kỳ"])


class OrganizationOut(Schema):
    id: int
    name: str
    short_name: str
    type: OrganizationType
    level: Level
    parent_id: int | None
    locality_code: str | None = Field(None, alias="locality.code")
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    successor_id: int | None
    version: int


class OrganizationFilter(FilterSchema):
    parent: Annotated[int | None, FilterLookup("parent_id"), Field(ge=1, le=MAX_ID)] = None
    type: Annotated[OrganizationType | None, FilterLookup("type")] = None
    level: Annotated[Level | None, FilterLookup("level")] = None
    q: Annotated[str | None, FilterLookup("name__icontains"),
                 Field(max_length=100, pattern=PLAIN_TEXT, description="Tìm theo tên.")] = None


class BlocOut(Schema):
    id: int
    name: str
    convening_id: int
    members: list[int]
    active: bool

    @staticmethod
    def resolve_members(bloc: Bloc) -> list[int]:
        return [member.pk for member in bloc.members.all()]


class PeriodOut(Schema):
    id: int
    type: PeriodType
    year: int
    number: int
    label: str
    start: datetime.date
    end: datetime.date


class PeriodFilter(FilterSchema):
    type: Annotated[PeriodType | None, FilterLookup("type")] = None
    year: Annotated[int | None, FilterLookup("year"), Field(ge=1900, le=2200)] = None


def visible_blocs(request: HttpRequest) -> QuerySet[Bloc]:
    """Blocs whose convening body or a member is within the user's reach, as for meetings."""
    visible = visible_organizations(request.user)
    return Bloc.objects.filter(Q(convening__in=visible) | Q(members__in=visible)).distinct()


@router.get("/organisations/", response={200: list[OrganizationOut], **errors()}, summary="Danh sách đơn vị")
# Bodies, their places and blocs are what the directive lists' shared version follows (listcache.bump_all).
@plain_page(OrganizationOut, Page, lambda user: [listcache.SHARED])
@paginate(Page)
def list_organisations(request, filters: Query[OrganizationFilter],
                       ordering: Literal["name", "-name", "tree_path", "id", "-id"] = "tree_path"):
    return ordered(filters.filter(visible_organizations(request.user).select_related("locality")), ordering)


@router.get("/organisations/{org_id}/", response={200: OrganizationOut, **errors()}, summary="Một đơn vị")
def get_organisation(request, response: HttpResponse, org_id: int = Path(..., ge=1, le=MAX_ID)):
    found = visible_organizations(request.user).select_related("locality").filter(pk=org_id).first()
    if found is None:
        raise Http404
    tag_response(response, found)
    return found


@router.get("/blocs/", response={200: list[BlocOut], **errors()}, summary="Danh sách khối giao ban")
@paginate(Page)
def list_blocs(request, ordering: Literal["name", "-name", "id", "-id"] = "name"):
    return ordered(visible_blocs(request).prefetch_related("members"), ordering)


@router.get("/periods/", response={200: list[PeriodOut], **errors()}, summary="Danh sách kỳ báo cáo")
@paginate(Page)
def list_periods(request, filters: Query[PeriodFilter], ordering: Literal["start", "-start"] = "-start"):
    # Periods are a shared calendar (quý I/2022 is the same for everyone): no organisation filter.
    return ordered(filters.filter(Period.objects.all()), ordering)
