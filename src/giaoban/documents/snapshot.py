"""Freezing what a conclusion notice issues: the conclusion and its directives, kept with their SHA-256.

`freeze` runs inside the transaction that takes the notice's number, so a
number never exists without its snapshot.  It also marks the conclusion issued
(a fact the meetings app holds), after which the directives app refuses edits to
what was issued and records amendments instead.
"""

from __future__ import annotations

import hashlib
import json

from giaoban.documents.models import Document, DocumentSnapshot
from giaoban.meetings.models import Conclusion, Meeting


def record_of(meeting: Meeting) -> dict:
    """The conclusion and directives as JSON-able data (names as well as ids: bodies may be renamed later)."""
    conclusion = Conclusion.objects.filter(meeting=meeting).select_related("concluded_by").first()
    directives = meeting.directives.select_related("lead").prefetch_related("coordinating").order_by("order", "pk")
    return {
        "meeting": {"id": meeting.pk, "title": meeting.title, "date": meeting.date.isoformat()},
        "conclusion": {
            "text": conclusion.text if conclusion else "",
            "concluded_by": conclusion.concluded_by.name if conclusion and conclusion.concluded_by_id else "",
            "concluded_by_title": conclusion.concluded_by_title if conclusion else "",
        },
        "directives": [{
            "id": d.pk, "order": d.order, "text": d.text, "assignees_text": d.assignees_text,
            "lead": {"id": d.lead_id, "name": d.lead.name} if d.lead_id else None,
            "coordinating": [{"id": o.pk, "name": o.name} for o in d.coordinating.all()],
            "deadline": d.deadline.isoformat() if d.deadline else None, "deadline_precision": d.deadline_precision,
            "deadline_label": d.deadline_label(), "target": d.target_label(),
        } for d in directives],
    }


def digest(data: dict) -> str:
    """SHA-256 of the canonical JSON (sorted keys, no spaces), so the same record always hashes the same."""
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def freeze(document: Document) -> DocumentSnapshot:
    data = record_of(document.meeting)
    snapshot = DocumentSnapshot.objects.create(document=document, data=data, sha256=digest(data))
    Conclusion.mark_issued(document.meeting)
    return snapshot


def intact(snapshot: DocumentSnapshot) -> bool:
    """Whether the stored snapshot still matches its stored hash."""
    return digest(snapshot.data) == snapshot.sha256
