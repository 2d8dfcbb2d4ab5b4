"""Carry-over: the unfinished directives of a bloc's earlier briefings come back on the next one.

Creating a bloc's briefing proposes an agenda item "Việc chưa hoàn thành kỳ
trước" listing every open directive of the bloc's earlier briefings with its
latest progress.  The convening body's leader then carries each over (linking
it to the new meeting) or closes it with a reason.  Until then it stays open
and keeps appearing: nothing is silently dropped.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from giaoban.directives.models import Directive
from giaoban.meetings.models import AgendaItem, AgendaKind, Meeting


def pending_directives(meeting: Meeting):
    """Open directives of the bloc's briefings before `meeting`, oldest meeting first."""
    if not (meeting.is_briefing and meeting.bloc_id):
        return Directive.objects.none()
    return (Directive.objects.open().filter(meeting__in=meeting.previous_briefings().values("pk"))
            .select_related("lead", "meeting").with_latest_update()
            .order_by("meeting__date", "meeting_id", "order", "pk"))


def _line(directive: Directive) -> str:
    parts = [directive.lead.name if directive.lead_id else directive.assignees_text or _("chưa rõ đơn vị")]
    if directive.deadline_label():
        parts.append(directive.deadline_label())
    progress = directive.latest_note
    if progress:
        percent = f" ({directive.latest_percent}%)" if directive.latest_percent is not None else ""
        parts.append(_("tiến độ: %(note)s%(percent)s") % {"note": progress, "percent": percent})
    else:
        parts.append(_("chưa có báo cáo tiến độ"))
    return f"- {directive.text} [{'; '.join(parts)}] ({directive.meeting.title})"


@transaction.atomic
def propose_agenda(meeting: Meeting) -> AgendaItem | None:
    """Create or refresh the meeting's "Việc chưa hoàn thành kỳ trước" item; None when nothing is pending."""
    pending = list(pending_directives(meeting))
    item = meeting.agenda_items.filter(kind=AgendaKind.CARRIED_OVER).first()
    if not pending:
        return item
    notes = "\n".join(_line(d) for d in pending)
    if item is None:
        order = (max(meeting.agenda_items.values_list("order", flat=True), default=-1)) + 1
        return AgendaItem.objects.create(meeting=meeting, order=order, kind=AgendaKind.CARRIED_OVER,
                                         title=str(AgendaKind.CARRIED_OVER.label), notes=notes)
    if item.notes != notes:
        item.notes = notes
        item.save(update_fields=["notes"])
    return item


def on_meeting_saved(meeting: Meeting, *, user=None, created: bool = False) -> str:
    """The meetings app calls this after a meeting is saved (see meetings/hooks.py)."""
    item = propose_agenda(meeting)
    if created and item is not None:
        return _("Đã đưa các việc chưa hoàn thành kỳ trước vào chương trình họp.")
    return ""
