"""Turn a document's content (see content.py) into DOCX and PDF bytes.

Both are deterministic: the DOCX gets fixed core properties (created/modified =
the issue date) and fixed zip timestamps, the PDF fixed metadata, so
regenerating an issued document gives the same bytes and the same hash.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path

from django.template.loader import render_to_string
from docxtpl import DocxTemplate

from giaoban.documents import fonts
from giaoban.documents.templates_docx.build import fixed_zip

TEMPLATES = Path(__file__).resolve().parent / "templates_docx"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"
_EPOCH = datetime.date(2000, 1, 1)


def _issue_day(content: dict) -> datetime.date:
    value = content.get("issued_on")
    return datetime.date.fromisoformat(value) if value else _EPOCH


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def docx_template(content: dict) -> Path:
    layout = "party" if content.get("party_style") else "state"
    return TEMPLATES / f"{layout}_{content['doc_type']}.docx"


def render_docx(content: dict) -> bytes:
    template = DocxTemplate(str(docx_template(content)))
    # autoescape: "&", "<", ">" in names must reach Word as text, not break the XML.
    template.render(content, autoescape=True)
    day = _issue_day(content)
    moment = datetime.datetime(day.year, day.month, day.day)
    props = template.docx.core_properties
    props.title = content.get("title", "")[:250]
    props.subject = content.get("code", "")
    props.author = props.last_modified_by = content.get("issuer_name", "")[:250]
    props.created = props.modified = moment
    props.revision = 1
    buffer = io.BytesIO()
    template.save(buffer)
    return fixed_zip(buffer.getvalue(), when=(max(day.year, 1980), day.month, day.day, 0, 0, 0))


def document_html(content: dict) -> str:
    return render_to_string(f"documents/pdf/{content['doc_type']}.html", {"c": content})


def render_pdf(content: dict) -> bytes:
    # imported late: pango start-up is slow and only PDF needs it
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    faces = CSS(string=fonts.font_face_css(), font_config=font_config)
    html = HTML(string=document_html(content), base_url=str(TEMPLATES))
    return html.write_pdf(stylesheets=[faces], font_config=font_config)


def render(content: dict, fmt: str) -> bytes:
    if fmt == "docx":
        return render_docx(content)
    if fmt == "pdf":
        return render_pdf(content)
    raise ValueError(fmt)
