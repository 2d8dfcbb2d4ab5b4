"""Who attended a meeting: counts per body and per person, and the quorum where one applies.

A body counts as attending when any of its rows is present or represented by a
delegate; it is excused when none attended and one sent a reason.  The host
invites and is not counted among the invited bodies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from giaoban.meetings.models import ATTENDED, Attendance, Meeting, Presence, QuorumRule
from giaoban.organisations.models import Organization


@dataclass
class Quorum:
    rule: QuorumRule
    required: int
    attended: int

    @property
    def met(self) -> bool:
        return self.attended >= self.required


@dataclass
class Summary:
    """Counts of one meeting's attendance, by body (the quorum's unit) and by invited person."""

    attending: list[Organization] = field(default_factory=list)
    delegated: list[Organization] = field(default_factory=list)
    excused: list[Organization] = field(default_factory=list)
    absent: list[Organization] = field(default_factory=list)
    persons_invited: int = 0
    persons_attended: int = 0
    quorum: Quorum | None = None

    @property
    def invited(self) -> int:
        return len(self.attending) + len(self.excused) + len(self.absent)


def all_rows(meeting: Meeting) -> list[Attendance]:
    """The meeting's attendance rows, host included, bodies in tree order (the meeting page's table)."""
    return list(meeting.attendances.select_related("organization", "person").order_by("organization__tree_path", "pk"))


def rows(meeting: Meeting, read: list[Attendance] | None = None) -> list[Attendance]:
    """The meeting's attendance rows, bodies in tree order, the host left out (from `read` when given)."""
    return [a for a in (all_rows(meeting) if read is None else read) if a.organization_id != meeting.host_id]


def _body_state(body_rows: list[Attendance]) -> str:
    if any(a.presence == Presence.PRESENT for a in body_rows):
        return Presence.PRESENT
    if any(a.presence == Presence.DELEGATED for a in body_rows):
        return Presence.DELEGATED
    if any(a.presence == Presence.EXCUSED for a in body_rows):
        return Presence.EXCUSED
    return Presence.ABSENT


def summarise(meeting: Meeting, read: list[Attendance] | None = None) -> Summary:
    """The counts, from the rows already `read` (all_rows) when the page has them."""
    summary = Summary()
    bodies: dict[int, list[Attendance]] = {}
    for row in rows(meeting, read):
        bodies.setdefault(row.organization_id, []).append(row)
        if row.person_id:
            summary.persons_invited += 1
            summary.persons_attended += row.presence in ATTENDED
    for body_rows in bodies.values():
        state, body = _body_state(body_rows), body_rows[0].organization
        if state in ATTENDED:
            summary.attending.append(body)
            if state == Presence.DELEGATED:
                summary.delegated.append(body)
        else:
            (summary.excused if state == Presence.EXCUSED else summary.absent).append(body)
    rule = QuorumRule.objects.filter(kind=meeting.kind).first()
    if rule is not None:
        summary.quorum = Quorum(rule, rule.required(summary.invited), len(summary.attending))
    return summary


def attending_organizations(meeting: Meeting) -> list[Organization]:
    """The bodies that attended (in person or by a delegate), host excluded: what documents may name."""
    return summarise(meeting).attending
