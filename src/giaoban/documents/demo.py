"""Demo documents: the conclusion notices of the demo meetings, issued once.

Runs after the meetings app's demo; when that demo put no meetings in `ctx`
there is nothing to issue.  Loading twice changes nothing: a meeting that
already has a notice is skipped.
"""

from __future__ import annotations

import datetime

from giaoban.documents.models import Document, DocumentType
from giaoban.documents.service import issue_notice

# A notice usually goes out within a few days of the briefing.
NOTICE_DELAY = datetime.timedelta(days=2)


def _meetings(ctx: dict) -> list:
    meetings = ctx.get("meetings") or []
    if isinstance(meetings, dict):
        meetings = list(meetings.values())
    return [m for m in meetings if hasattr(m, "host_id")]


def load(ctx: dict) -> None:
    issued = []
    for meeting in _meetings(ctx):
        existing = Document.objects.filter(meeting=meeting, doc_type=DocumentType.NOTICE).first()
        if existing is None:
            existing = issue_notice(meeting, issued_on=meeting.date + NOTICE_DELAY)
            existing.published = meeting.is_public
            if existing.published:
                existing.published_at = datetime.datetime.combine(existing.issued_on, datetime.time(8),
                                                                  tzinfo=datetime.UTC)
            existing.save(update_fields=["published", "published_at"])
        issued.append(existing)
    ctx["documents"] = issued
