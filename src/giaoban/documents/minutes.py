"""The minutes (biên bản) of a meeting: attendance with its counts and quorum, agenda, discussion, conclusion.

Built on the same frame as the other documents; it is signed by two people,
the secretary who kept it and the chair, instead of one signer for the issuer.
"""

from __future__ import annotations

import datetime
import html
import re

from django.utils.html import strip_tags

from giaoban.core.text import nfc
from giaoban.documents.content import Content, _chairs, _conclusion, _paragraphs, directive_groups, frame
from giaoban.documents.models import Document, DocumentType
from giaoban.documents.service import issue
from giaoban.documents.wording import clock, lower_first, sentence, short_date
from giaoban.meetings.attendance import Summary, rows, summarise
from giaoban.meetings.models import Attendance, Meeting, Presence

_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(p|div|li|h[2-4]|tr|blockquote)>")


def discussion(minutes_html: str) -> list[str]:
    """The meeting's minutes text (sanitised HTML) as plain paragraphs, one per block or line break."""
    text = _BLOCK_END.sub("\n", minutes_html or "")
    return [nfc(line) for line in html.unescape(strip_tags(text)).replace("\xa0", " ").split("\n") if nfc(line)]


def _attendance_line(row: Attendance) -> str:
    who = f"đồng chí {row.person.name}, {row.organization.name}" if row.person_id else row.organization.name
    state = {Presence.PRESENT: "có mặt", Presence.DELEGATED: "cử người dự thay",
             Presence.EXCUSED: "vắng có lý do", Presence.ABSENT: "vắng không có lý do"}[row.presence]
    if row.delegate_name and row.presence in (Presence.PRESENT, Presence.DELEGATED):
        state += f" (đồng chí {nfc(row.delegate_name)} dự)"
    if row.reason and row.presence == Presence.EXCUSED:
        state += f" ({nfc(row.reason)})"
    return f"- {who}: {state};"


def counts_line(summary: Summary) -> str:
    line = (f"Số cơ quan, đơn vị được mời: {summary.invited}; có mặt: {len(summary.attending)}"
            f" (trong đó {len(summary.delegated)} đơn vị cử người dự thay); vắng có lý do: {len(summary.excused)}; "
            f"vắng không có lý do: {len(summary.absent)}.")
    if summary.persons_invited:
        line += f" Số đại biểu được mời đích danh: {summary.persons_invited}, có mặt: {summary.persons_attended}."
    return line


def quorum_line(summary: Summary) -> str:
    """ "… đạt tỷ lệ tối thiểu 2/3 …; hội nghị đủ điều kiện tiến hành." — blank where no rule applies."""
    quorum = summary.quorum
    if quorum is None:
        return ""
    said = (f"Có mặt {quorum.attended}/{summary.invited} cơ quan, đơn vị được mời; tỷ lệ tối thiểu theo quy định "
            f"là {quorum.rule.fraction_label} ({quorum.required} đơn vị)")
    if quorum.met:
        return said + ": hội nghị đủ điều kiện tiến hành."
    return said + ": hội nghị không đủ số đơn vị tối thiểu theo quy định."


def _opening(meeting: Meeting) -> list[str]:
    when = f"Thời gian: ngày {short_date(meeting.date)}"
    if meeting.start_time:
        when = f"Thời gian: bắt đầu lúc {clock(meeting.start_time)}, ngày {short_date(meeting.date)}"
    lines = [when + "."]
    if meeting.place:
        lines.append(f"Địa điểm: {nfc(meeting.place)}.")
    chairs = _chairs(meeting)
    if chairs:
        lines.append("Chủ trì: " + "; ".join(chairs) + ".")
    if meeting.secretary_id:
        secretary = meeting.secretary
        lines.append(f"Thư ký: đồng chí {secretary.name}" + (f", {secretary.title}" if secretary.title else "") + ".")
    return lines


def _agenda(meeting: Meeting) -> list[str]:
    lines = []
    for item in meeting.agenda_items.select_related("organization"):
        line = f"- {sentence(item.title)}"
        if item.organization_id:
            line += f" ({item.organization.name} trình bày)"
        lines.append(line + ";")
    return (["Hội nghị đã nghe và thảo luận các nội dung:", *lines] if lines else [])


def _signers(meeting: Meeting, chair_name: str) -> list[dict]:
    """Secretary on the left, chair on the right, as minutes are signed."""
    secretary = meeting.secretary.name if meeting.secretary_id else ""
    return [{"role": "THƯ KÝ", "name": nfc(secretary)}, {"role": "CHỦ TRÌ", "name": nfc(chair_name)}]


def chair_of(meeting: Meeting) -> tuple[str, str]:
    chair = meeting.chairs.select_related("person").first()
    if chair is None:
        return "", ""
    return chair.person.name, chair.title or chair.person.title


def minutes(meeting: Meeting, *, number: int | None = None, issued_on: datetime.date | None = None,
            signer_name: str | None = None, signer_title: str | None = None,
            recipients: list[str] | None = None) -> Content:
    """The minutes of `meeting`; the signer fields name the chair, who signs beside the secretary."""
    chair_name, chair_title = chair_of(meeting)
    chair_name = chair_name if signer_name is None else signer_name
    chair_title = chair_title if signer_title is None else signer_title
    content = frame(meeting.host, DocumentType.MINUTES, number=number, issued_on=issued_on,
                    subject=nfc(meeting.title), signer_name=chair_name, signer_title=chair_title,
                    recipients=recipients or [])
    summary = summarise(meeting)
    attendance = [_attendance_line(row) for row in rows(meeting)]
    if attendance:
        attendance[-1] = attendance[-1][:-1] + "."
    counts, quorum = counts_line(summary), quorum_line(summary)
    people = ["Thành phần tham dự:", *attendance, counts] + ([quorum] if quorum else []) if attendance else []
    conclusion = _conclusion(meeting)
    content.update({
        "title": f"Biên bản {lower_first(meeting.title)}",
        "counts": counts if attendance else "",
        "quorum": quorum if attendance else "",
        "sections": [
            {"heading": "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", "paragraphs": _opening(meeting) + people},
            {"heading": "II. NỘI DUNG, DIỄN BIẾN HỘI NGHỊ",
             "paragraphs": _agenda(meeting) + discussion(meeting.minutes)},
            {"heading": "III. KẾT LUẬN CỦA CHỦ TRÌ HỘI NGHỊ",
             "paragraphs": _paragraphs(conclusion.text if conclusion else "")},
        ],
        "groups": directive_groups(meeting),
        "closing": "Biên bản được lập xong, thông qua tại hội nghị và được các thành viên thống nhất"
                   + ("." if content["party_style"] else "./."),
        "signers": _signers(meeting, chair_name),
    })
    return content


def issue_minutes(meeting: Meeting, *, issued_on: datetime.date, user=None, render: bool = True,
                  **options) -> Document:
    return issue(DocumentType.MINUTES, meeting.host,
                 lambda number, day: minutes(meeting, number=number, issued_on=day, **options),
                 issued_on=issued_on, meeting=meeting, user=user, render=render)
