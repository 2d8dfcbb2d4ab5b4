"""Issuing documents: take a number, freeze the content, render and store the files.

Number, record and files are made in one transaction: if rendering fails (a
character Word cannot hold, a PDF error) the number goes back to the register
and nothing is issued, so no number ever exists without its files.  The
register stays locked while the files render (about a second): like a paper
register, one number at a time, and the next issuer simply waits.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from django.core.files.base import ContentFile

from giaoban.core.text import fold
from giaoban.documents import content as build
from giaoban.documents import snapshot
from giaoban.documents.models import Document, DocumentType
from giaoban.documents.numbering import atomic_with_retry, take_number
from giaoban.documents.render import render_docx, render_pdf, sha256
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Organization

Builder = Callable[[int | None, datetime.date | None], dict]


def file_stem(code: str) -> str:
    """ "12-TB/HU" → "12-TB-HU": safe in every file system and URL."""
    stem = re.sub(r"[^A-Za-z0-9-]+", "-", fold(code).upper().replace("/", "-")).strip("-")
    return stem or "van-ban"


def issue(doc_type: str, issuer: Organization, builder: Builder, *, issued_on: datetime.date,
          meeting: Meeting | None = None, bloc=None, period=None, user=None, render: bool = True,
          on_numbered: Callable[[Document], object] | None = None) -> Document:
    """Give the next number in the issuer's register and store the document (and its files).

    `on_numbered` runs in the numbering transaction (the notice's snapshot of the issued record, the meeting's step).
    """
    def numbered() -> Document:
        cycle, number = take_number(issuer, doc_type, issued_on)
        content = builder(number, issued_on)
        document = Document.objects.create(
            issuer=issuer, doc_type=doc_type, cycle=cycle, number=number, code=content["code"],
            issued_on=issued_on, title=content["subject"][:500], meeting=meeting, bloc=bloc, period=period,
            content=content, created_by=user if user is not None and user.is_authenticated else None)
        if on_numbered is not None:
            on_numbered(document)
        if render:
            store_files(document)  # inside the transaction: a failure here gives the number back
        return document

    return atomic_with_retry(numbered)


class RenderError(Exception):
    """The document's files could not be produced; raised before anything is written."""


def render_files(content: dict) -> tuple[bytes, bytes]:
    """(DOCX, PDF) bytes, or RenderError whatever went wrong in the renderers."""
    try:
        return render_docx(content), render_pdf(content)
    except Exception as error:  # noqa: BLE001 — any renderer failure means "not issued", never a half issue
        raise RenderError(str(error)) from error


def store_files(document: Document) -> Document:
    """Render both formats from the frozen content and keep them with their hashes."""
    docx, pdf = render_files(document.content)
    stem = file_stem(document.code)
    document.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
    document.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    document.docx_sha256, document.pdf_sha256 = sha256(docx), sha256(pdf)
    document.save(update_fields=["docx", "pdf", "docx_sha256", "pdf_sha256"])
    return document


def regenerate(document: Document, fmt: str) -> bytes:
    return render_docx(document.content) if fmt == "docx" else render_pdf(document.content)


def matches_stored(document: Document) -> bool:
    """Whether regenerating gives exactly the stored files (same hashes)."""
    return (sha256(regenerate(document, "docx")) == document.docx_sha256
            and sha256(regenerate(document, "pdf")) == document.pdf_sha256)


def issue_notice(meeting: Meeting, *, issued_on: datetime.date, user=None, render: bool = True,
                 **options) -> Document:
    def numbered(document: Document) -> None:
        # The snapshot and the meeting's step in the document's transaction: all three or none (a step taken after
        # it could fail alone on a busy database and leave the notice issued, the meeting not).
        snapshot.freeze(document)
        meeting.mark_notice_issued(by=user)

    return issue(DocumentType.NOTICE, meeting.host,
                 lambda number, day: build.notice(meeting, number=number, issued_on=day, **options),
                 issued_on=issued_on, meeting=meeting, user=user, render=render, on_numbered=numbered)


def issue_invitation(meeting: Meeting, *, issued_on: datetime.date, user=None, render: bool = True,
                     **options) -> Document:
    return issue(DocumentType.INVITATION, meeting.host,
                 lambda number, day: build.invitation(meeting, number=number, issued_on=day, **options),
                 issued_on=issued_on, meeting=meeting, user=user, render=render,
                 on_numbered=lambda document: meeting.mark_invitation_issued(by=user))


def latest(meeting: Meeting, doc_type: str) -> Document | None:
    return meeting.documents.filter(doc_type=doc_type).order_by("-issued_on", "-number").first()


def content_for(doc_type: str, meeting: Meeting) -> dict:
    """The issued content if the meeting has such a document, else an unnumbered draft."""
    document = latest(meeting, doc_type)
    if document is not None:
        return document.content
    return build.notice(meeting) if doc_type == DocumentType.NOTICE else build.invitation(meeting)
