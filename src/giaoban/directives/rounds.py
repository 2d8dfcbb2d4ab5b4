"""Bulk progress rounds: before a briefing each lead body reports on all its open directives at once.

A round belongs to one bloc briefing and covers the directives that briefing
carries over (the open directives of the bloc's earlier briefings).  Rows come
from the round page or from its Excel file; they are all checked first (each
problem named by its row), and applied all or nothing, each as a normal
progress update.  A row whose directive was edited since the page or file was
made is refused as stale: its version no longer matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from giaoban.core.text import fold, nfc
from giaoban.directives.carryover import pending_directives
from giaoban.directives.models import OPEN_STATUSES, Directive, DirectiveQuerySet, DirectiveStatus, ProgressRound
from giaoban.directives.rules import can_close_directive, reporting_bodies
from giaoban.organisations.models import Organization

MAX_NOTE = 2000
# Invisible control characters break the XML of every DOCX/XLSX the note later goes into.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What a reporter may set; "done" further needs the right to close (the convening body's leader).
REPORTABLE = (DirectiveStatus.IN_PROGRESS, DirectiveStatus.DONE)


class StaleRoundError(Exception):
    """A directive changed between the check and the save; nothing of the round was applied."""


def round_directives(progress_round: ProgressRound) -> DirectiveQuerySet:
    """What the briefing carries over, plus what was answered in the round (closed since, still counted)."""
    pending = pending_directives(progress_round.meeting).values("pk")
    answered = Directive.objects.filter(updates__round=progress_round).values("pk")
    return (Directive.objects.filter(Q(pk__in=pending) | Q(pk__in=answered))
            .select_related("lead", "meeting").prefetch_related("coordinating").with_latest_update()
            .order_by("meeting__date", "meeting_id", "order", "pk"))


def mine(user, progress_round: ProgressRound) -> list[Directive]:
    """The round's directives led or coordinated by one of the user's bodies (as editor)."""
    return [d for d in round_directives(progress_round) if reporting_bodies(user, d)]


def directives_for(user, progress_round: ProgressRound) -> list[Directive]:
    """The ones still open: what the user reports on in this round."""
    return [d for d in mine(user, progress_round) if d.is_open]


@dataclass
class RowInput:
    """One row as typed on the page or in the file: everything raw, nothing trusted."""

    line: str
    directive_id: object = None
    version: object = None
    note: object = None
    percent: object = None
    status: object = None

    def is_blank(self) -> bool:
        return all(_text(v) == "" for v in (self.note, self.percent, self.status))

    def as_dict(self) -> dict:
        return {k: (None if v is None else str(v)) for k, v in self.__dict__.items()}


@dataclass
class RowCheck:
    line: str
    directive: Directive | None = None
    version: int | None = None
    organization: Organization | None = None
    note: str = ""
    percent: int | None = None
    status: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def closes(self) -> bool:
        return self.status == DirectiveStatus.DONE


@dataclass
class Preview:
    rows: list[RowCheck] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.errors + [error for row in self.rows for error in row.errors]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def _text(value: object) -> str:
    return nfc("" if value is None else str(value))


def _int(value: object) -> int | None:
    try:
        number = Decimal(_text(value).rstrip("%").strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) > 10**12 or number != number.to_integral_value():
        return None
    return int(number)


def _percent(raw: object, row: RowCheck) -> None:
    if _text(raw) == "":
        return
    number = _int(raw)
    if number is None or not 0 <= number <= 100:
        row.errors.append(_("%(line)s: “%(raw)s” không phải là tỷ lệ hoàn thành (số nguyên từ 0 đến 100).")
                          % {"line": row.line, "raw": _text(raw)})
    else:
        row.percent = number


def _status_of(word: str) -> str | None:
    """The page posts the value ("done"), Excel the label in any case ("hoàn thành"); blank keeps it."""
    if not word:
        return ""
    return next((s.value for s in REPORTABLE if fold(word) in (s.value, fold(str(s.label)))), None)


def _status(user, raw: object, row: RowCheck) -> None:
    word = _text(raw)
    status = _status_of(word)
    if status is None:
        row.errors.append(_("%(line)s: trạng thái “%(raw)s” không hợp lệ; chọn “%(a)s” hoặc “%(b)s” hoặc để trống.")
                          % {"line": row.line, "raw": word, "a": DirectiveStatus.IN_PROGRESS.label,
                             "b": DirectiveStatus.DONE.label})
    elif status == DirectiveStatus.DONE and not can_close_directive(user, row.directive):
        row.errors.append(_("%(line)s: chỉ lãnh đạo cơ quan thường trực khối được xác nhận hoàn thành; hãy ghi "
                            "100%% và kết quả để đề nghị đóng chỉ đạo.") % {"line": row.line})
    else:
        row.status = status


def _closed_since(user, progress_round: ProgressRound, pk: int) -> Directive | None:
    """One of the user's directives that was in the round but has been closed since."""
    directive = (Directive.objects.filter(pk=pk, meeting__in=progress_round.meeting.previous_briefings())
                 .exclude(status__in=OPEN_STATUSES).first())
    return directive if directive is not None and reporting_bodies(user, directive) else None


def _check_row(user, item: RowInput, allowed: dict[int, Directive], seen: set[int],
               progress_round: ProgressRound) -> RowCheck:
    row = RowCheck(line=item.line)
    pk = _int(item.directive_id) or 0
    directive = allowed.get(pk) or _closed_since(user, progress_round, pk)
    if directive is None:
        # Same words whether the directive exists elsewhere or not: nothing about others' work leaks.
        row.errors.append(_("%(line)s: mã chỉ đạo “%(id)s” không có trong các chỉ đạo đơn vị bạn báo cáo ở đợt "
                            "này; dòng này không được cập nhật.") % {"line": item.line, "id": _text(item.directive_id)})
        return row
    row.directive, row.organization = directive, reporting_bodies(user, directive)[0]
    if directive.pk in seen:
        row.errors.append(_("%(line)s: chỉ đạo này đã có ở một dòng trước.") % {"line": item.line})
        return row
    seen.add(directive.pk)
    if not directive.is_open:
        row.errors.append(_("%(line)s: chỉ đạo “%(text)s” đã đóng (%(status)s) sau khi bạn tải tệp hoặc mở trang; "
                            "không nhận báo cáo tiến độ.") % {"line": item.line, "text": directive.text[:80],
                                                            "status": directive.get_status_display()})
        return row
    row.version = _int(item.version)
    if row.version != directive.version:
        row.errors.append(_("%(line)s: chỉ đạo “%(text)s” đã được sửa sau khi bạn tải tệp hoặc mở trang; hãy tải "
                            "lại và nhập lại dòng này.") % {"line": item.line, "text": directive.text[:80]})
        return row
    row.note = _text(item.note)
    if not row.note:
        row.errors.append(_("%(line)s: hãy ghi tiến độ, kết quả thực hiện.") % {"line": item.line})
    elif len(row.note) > MAX_NOTE:
        row.errors.append(_("%(line)s: nội dung tiến độ dài quá %(n)d ký tự.") % {"line": item.line, "n": MAX_NOTE})
    elif _CONTROL.search(row.note):
        row.errors.append(_("%(line)s: nội dung tiến độ có ký tự điều khiển không nhìn thấy được; hãy xóa các ký tự "
                            "đó.") % {"line": item.line})
    _percent(item.percent, row)
    _status(user, item.status, row)
    return row


def check(user, progress_round: ProgressRound, items: list[RowInput]) -> Preview:
    """Check every row against the user's directives in the round; blank rows are no change."""
    allowed = {d.pk: d for d in mine(user, progress_round)}
    preview, seen = Preview(), set()
    for item in items:
        if item.is_blank():
            continue
        preview.rows.append(_check_row(user, item, allowed, seen, progress_round))
    return preview


def apply(user, progress_round: ProgressRound, preview: Preview) -> int:
    """Store every row as a progress update, in one transaction; refuses if anything changed meanwhile."""
    if not preview.ok:
        raise ValueError("refusing to apply a round with problems")
    with transaction.atomic():
        for row in preview.rows:
            directive = Directive.objects.select_for_update().get(pk=row.directive.pk)
            if directive.version != row.version or not directive.is_open:
                raise StaleRoundError(row.line)
            directive.record_progress(user=user, organization=row.organization, note=row.note,
                                      percent=row.percent, round=progress_round)
            if row.closes:
                directive.close(user=user, status=DirectiveStatus.DONE, reason=row.note,
                                expected_version=directive.version)
    return len(preview.rows)


@dataclass
class Answer:
    """How far one responsible body has answered in the round."""

    organization: Organization
    expected: int = 0
    answered: int = 0

    @property
    def done(self) -> bool:
        return self.answered >= self.expected


def answers(progress_round: ProgressRound) -> list[Answer]:
    """Per responsible body: its open directives in the round and how many it has reported on in it."""
    reported = set(progress_round.updates.values_list("directive_id", "organization_id"))
    table: dict[int, Answer] = {}
    for directive in round_directives(progress_round):
        for body in directive.responsible_organizations():
            answer = table.setdefault(body.pk, Answer(body))
            answer.expected += 1
            answer.answered += (directive.pk, body.pk) in reported
    return sorted(table.values(), key=lambda a: (a.done, a.organization.name))
