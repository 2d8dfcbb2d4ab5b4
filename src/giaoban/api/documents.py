"""Issued documents: metadata within the issuer's reach and the stored DOCX/PDF files."""

import datetime
from typing import Annotated, Literal

from django.http import Http404
from ninja import Field, FilterLookup, FilterSchema, Path, Query, Router, Schema
from ninja.pagination import paginate

from giaoban.accounts.access import visible_organizations
from giaoban.api.errors import errors
from giaoban.api.paging import MAX_ID, Page, ordered
from giaoban.documents import views as document_pages
from giaoban.documents.models import Document, DocumentType

router = Router(tags=["Văn bản"])


class DocumentOut(Schema):
    id: int
    issuer_id: int
    doc_type: DocumentType
    cycle: str
    number: int
    code: str
    issued_on: datetime.date
    title: str
    meeting_id: int | None
    bloc_id: int | None
    period_id: int | None
    published: bool
    published_at: datetime.datetime | None
    docx_sha256: str
    pdf_sha256: str


class DocumentFilter(FilterSchema):
    issuer: Annotated[int | None, FilterLookup("issuer_id"), Field(ge=1, le=MAX_ID)] = None
    meeting: Annotated[int | None, FilterLookup("meeting_id"), Field(ge=1, le=MAX_ID)] = None
    doc_type: Annotated[DocumentType | None, FilterLookup("doc_type")] = None
    issued_from: Annotated[datetime.date | None, FilterLookup("issued_on__gte")] = None
    issued_to: Annotated[datetime.date | None, FilterLookup("issued_on__lte")] = None


def visible_documents(user):
    """As on the register page: the documents of every issuer the user may view."""
    return Document.objects.filter(issuer__in=visible_organizations(user))


@router.get("/documents/", response={200: list[DocumentOut], **errors()}, summary="Danh sách văn bản đã ban hành")
@paginate(Page)
def list_documents(request, filters: Query[DocumentFilter],
                   ordering: Literal["issued_on", "-issued_on", "id", "-id"] = "-issued_on"):
    return ordered(filters.filter(visible_documents(request.user)), ordering)


@router.get("/documents/{document_id}/", response={200: DocumentOut, **errors()}, summary="Một văn bản")
def get_document(request, document_id: int = Path(..., ge=1, le=MAX_ID)):
    document = visible_documents(request.user).filter(pk=document_id).first()
    if document is None:
        raise Http404
    return document


@router.get("/documents/{document_id}/file.{fmt}", response={200: None, **errors()}, summary="Tải tệp văn bản",
            openapi_extra={"responses": {200: {"description": "Tệp DOCX hoặc PDF", "content": {
                "*/*": {"schema": {"type": "string", "format": "binary"}}}}}})
def download_document(request, fmt: Literal["docx", "pdf"], document_id: int = Path(..., ge=1, le=MAX_ID)):
    # The register page's own view: the same check on the issuer, the same bytes.
    return document_pages.document_file(request, document_id, fmt)
