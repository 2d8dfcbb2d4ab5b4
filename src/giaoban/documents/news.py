"""News-item drafts (tin bài) in the style of the portals' briefing reports.

The seeds all follow one shape: a lead giving date, host, meeting and who
attended; a paragraph on the reports; the leader's conclusion with the tasks
set.  The draft follows it with the people and figures from the records; the
office edits it before publishing.
"""

from __future__ import annotations

from django.utils.html import escape

from giaoban.core.text import nfc
from giaoban.documents.content import _concluder, _conclusion, _happened, directive_groups
from giaoban.documents.models import NewsItem
from giaoban.documents.wording import lower_first, short_date
from giaoban.meetings.attendance import attending_organizations
from giaoban.meetings.models import AgendaKind, Meeting


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def draft(meeting: Meeting) -> NewsItem:
    """An unsaved news item for `meeting`, ready for the office to edit."""
    chairs = [f"đồng chí {c.person.name}, {c.title}" if c.title else f"đồng chí {c.person.name}"
              for c in meeting.chairs.select_related("person")]
    attending = [o.name for o in attending_organizations(meeting)]
    where = f", tại {nfc(meeting.place)}" if meeting.place else ""
    lead = f"Ngày {short_date(meeting.date)}{where}, {_happened(meeting)}."
    if chairs:
        lead += f" Tới dự và chỉ đạo hội nghị có {_join(chairs)}"
        lead += f"; tham dự có đại diện lãnh đạo {_join(attending)}." if attending else "."
    elif attending:
        lead += f" Tham dự có đại diện lãnh đạo {_join(attending)}."

    body: list[str] = []
    reports = [item for item in meeting.agenda_items.select_related("organization")
               if item.kind in (AgendaKind.REPORT, AgendaKind.CARRIED_OVER)]
    if reports:
        said = "; ".join(f"{item.organization.name} trình bày {lower_first(item.title)}" if item.organization_id
                         else lower_first(item.title) for item in reports)
        body.append(f"Tại hội nghị, {said}; các đại biểu đã phát biểu thảo luận, đề xuất giải pháp thực hiện "
                    "nhiệm vụ thời gian tới.")
    concluder, title = _concluder(meeting)
    conclusion = _conclusion(meeting)
    if concluder:
        opening = f"Phát biểu kết luận hội nghị, đồng chí {concluder}" + (f", {title}" if title else "")
        summary = nfc(conclusion.text) if conclusion and conclusion.text else ""
        body.append(f"{opening} {lower_first(summary).rstrip('.')}." if summary else f"{opening} đã chỉ đạo.")
    for group in directive_groups(meeting):
        tasks = "; ".join(lower_first(entry["text"]) for entry in group["entries"])
        heading = group["heading"].rstrip(":")
        if heading[:1].isdigit():
            heading = heading.split(". ", 1)[-1]
        body.append(f"{heading}, cần: {tasks}.")
    targets = [nfc(d.target_text) for d in meeting.directives.exclude(target_text="")]
    if targets:
        body.append("Các chỉ tiêu đặt ra: " + "; ".join(targets) + ".")
    return NewsItem(organization=meeting.host, meeting=meeting, title=nfc(meeting.title), lead=lead,
                    body="\n\n".join(body))


def as_html(item: NewsItem) -> str:
    """Escaped HTML: the lead in bold as the portals print it, then the body paragraphs."""
    parts = [f"<h1>{escape(item.title)}</h1>"]
    if item.lead:
        parts.append(f'<p class="lead"><strong>{escape(item.lead)}</strong></p>')
    parts += [f"<p>{escape(p)}</p>" for p in item.paragraphs()]
    if item.author:
        parts.append(f'<p class="author">{escape(item.author)}</p>')
    return "\n".join(parts)


def as_text(item: NewsItem) -> str:
    parts = [item.title, "", item.lead, ""] if item.lead else [item.title, ""]
    for paragraph in item.paragraphs():
        parts += [paragraph, ""]
    if item.author:
        parts.append(item.author)
    return "\n".join(parts).rstrip() + "\n"
