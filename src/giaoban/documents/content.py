"""What each document says, built from the records as plain JSON-able data.

The same dict feeds the DOCX template, the PDF's HTML and the register's frozen
copy; nothing here knows about files.  `frame()` is the part every document
shares (header, number, place-date, signature, "Nơi nhận").
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist

from giaoban.core.text import fold, nfc
from giaoban.documents.profiles import DOC_TYPE_NAMES, PARTY, STATE, Profile, profile_for
from giaoban.documents.wording import (
    clock,
    directive_deadline,
    lower_first,
    position_of,
    sentence,
    short_date,
    weekday,
)
from giaoban.meetings.attendance import attending_organizations
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Organization, OrganizationType

Content = dict[str, Any]


def _default_head(org: Organization, profile: Profile) -> str:
    if profile.head_title:
        return profile.head_title
    if org.type in (OrganizationType.PARTY_COMMITTEE, OrganizationType.YOUTH_UNION):
        return "BÍ THƯ"
    return "CHỦ TỊCH"


def signature_lines(profile: Profile, position: str, head: str) -> list[str]:
    """ "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ", "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN", "TM. UBND / KT. CHỦ TỊCH / PHÓ …"."""
    position = nfc(position).upper() or head
    is_deputy = position.startswith("PHÓ ") and position != head
    lines = []
    if profile.authority:
        lines.append(("T/M " if profile.party_style else "TM. ") + profile.authority)
        # Nghị định 30: a deputy signing for a collective body also writes "KT. <head>".
        if is_deputy and profile.family == STATE:
            lines.append(f"KT. {head}")
    elif is_deputy:
        lines.append(("K/T " if profile.party_style else "KT. ") + head)
    lines.append(position)
    return lines


def _speaker(org: Organization) -> str:
    """Who "thông báo" in the closing sentence: the collective leadership of the issuer."""
    if org.type == OrganizationType.PARTY_COMMITTEE:
        return f"Ban Thường vụ {org.name}"
    if org.type == OrganizationType.FRONT_COMMITTEE:
        return f"Ban Thường trực {org.name}"
    return org.name


def _recipient_lines(profile: Profile, names: list[str]) -> list[str]:
    """ "Nơi nhận" lines: Party style ends items with ",", Nghị định 30 with ";"; the archive line closes."""
    mark = "," if profile.party_style else ";"
    seen: list[str] = []
    for name in names:
        name = nfc(name)
        if name and name not in seen:
            seen.append(name)
    return [f"- {name}{mark}" for name in seen] + [f"- {profile.archive}"]


def frame(issuer: Organization, doc_type: str, *, number: int | None, issued_on: datetime.date | None,
          subject: str, signer_name: str, signer_title: str, recipients: list[str]) -> Content:
    profile = profile_for(issuer)
    head = _default_head(issuer, profile)
    position = position_of(signer_title, head) if signer_title else head
    return {
        "doc_type": doc_type,
        "family": profile.family,
        "party_style": profile.party_style,
        "header": {
            "right": profile.right_lines,
            "superior": profile.superior_lines,
            "issuer": profile.issuer_lines,
            "mark": "*" if profile.family == PARTY else "",
        },
        "number_line": profile.number_line(doc_type, number),
        "code": profile.document_code(doc_type, number),
        "place_date": profile.place_date(issued_on),
        "issued_on": issued_on.isoformat() if issued_on else "",
        "kind_name": DOC_TYPE_NAMES[doc_type],
        "subject": nfc(subject),
        "signature": {"lines": signature_lines(profile, position, head), "name": nfc(signer_name)},
        "recipients_heading": "Nơi nhận:",
        "recipients": _recipient_lines(profile, recipients),
        "end_mark": "" if profile.party_style else "./.",
        "issuer_name": issuer.name,
    }


def _paragraphs(text: str) -> list[str]:
    return [nfc(line) for line in (text or "").replace("\r\n", "\n").split("\n") if nfc(line)]


def _chairs(meeting: Meeting) -> list[str]:
    return [f"đồng chí {c.person.name}, {c.title}" if c.title else f"đồng chí {c.person.name}"
            for c in meeting.chairs.select_related("person")]


def _conclusion(meeting: Meeting):
    try:
        return meeting.conclusion
    except ObjectDoesNotExist:
        return None


def _concluder(meeting: Meeting) -> tuple[str, str]:
    conclusion = _conclusion(meeting)
    if conclusion is not None and conclusion.concluded_by_id:
        title = conclusion.concluded_by_title or conclusion.concluded_by.title
        return conclusion.concluded_by.name, title
    chair = meeting.chairs.select_related("person").first()
    if chair is not None:
        return chair.person.name, chair.title or chair.person.title
    return "", ""


def _place_phrase(meeting: Meeting) -> str:
    return f", tại {nfc(meeting.place)}" if meeting.place else ""


def _names_host(meeting: Meeting) -> bool:
    """Whether the title starts with the host's name ("Thành ủy Hồng Ngự làm việc với …")."""
    return fold(meeting.title).startswith(fold(meeting.host.name))


def _occasion(meeting: Meeting) -> str:
    """ "hội nghị giao ban …", or "buổi Thành ủy Hồng Ngự làm việc với …" when the title names the host."""
    return f"buổi {nfc(meeting.title)}" if _names_host(meeting) else lower_first(meeting.title)


def _happened(meeting: Meeting) -> str:
    if _names_host(meeting):
        return nfc(meeting.title)
    return f"{meeting.host.name} tổ chức {lower_first(meeting.title)}"


def directive_groups(meeting: Meeting) -> list[dict]:
    """Directives grouped by the body that leads them, in the conclusion's order."""
    groups: dict[str, dict] = {}
    directives = meeting.directives.select_related("lead").prefetch_related("coordinating").order_by("order", "pk")
    for directive in directives:
        # Grouped by whom the conclusion addressed: its own wording when it has one ("Ban Thường trực
        # Ủy ban MTTQ Việt Nam các xã"), else the lead body; two groups never share a heading.
        who = nfc(directive.assignees_text) or (directive.lead.name if directive.lead_id else "")
        key = fold(who)
        group = groups.setdefault(key, {"who": who, "entries": []})
        text = sentence(directive.text)
        extras = []
        partners = [o.name for o in directive.coordinating.all()]
        if partners:
            extras.append("phối hợp: " + ", ".join(partners))
        deadline = directive_deadline(directive)
        if deadline:
            extras.append("thời hạn: " + deadline)
        if directive.target_label():
            extras.append("chỉ tiêu: " + nfc(directive.target_label()))
        group["entries"].append({"text": text, "detail": "; ".join(extras),
                               "line": text + (f" ({'; '.join(extras)})" if extras else "") + "."})
    numbered = len(groups) > 1
    result = []
    for index, group in enumerate(groups.values(), start=1):
        if group["who"]:
            heading = f"{index}. Đối với {group['who']}:" if numbered else f"Đối với {group['who']}:"
        else:
            heading = (f"{index}. Các nhiệm vụ chung:" if len(groups) > 1
                       else "Các cơ quan, đơn vị tập trung thực hiện tốt các nhiệm vụ sau:")
        result.append({"heading": heading, "entries": group["entries"]})
    return result


def amendment_group(meeting: Meeting) -> dict | None:
    """The directives' amendments since the notice was issued, printed as such ("Đính chính, điều chỉnh")."""
    amendments = [a for d in meeting.directives.prefetch_related("amendments").order_by("order", "pk")
                  for a in d.amendments.all()]
    if not amendments:
        return None
    first = meeting.documents.filter(doc_type="notice").order_by("issued_on", "number").first()
    heading = "Đính chính, điều chỉnh nội dung chỉ đạo"
    if first is not None:
        heading += f" so với Thông báo số {first.code} ngày {short_date(first.issued_on)}"
    entries = []
    for a in amendments:
        what = f"{a.get_kind_display()} {lower_first(a.get_field_display())} của chỉ đạo “{sentence(a.directive.text)}”"
        line = f"{what}: “{nfc(a.old) or 'không ghi'}” nay là “{nfc(a.new) or 'không ghi'}” (lý do: {nfc(a.reason)})"
        entries.append({"text": what, "detail": "", "line": sentence(line) + "."})
    return {"heading": heading + ":", "entries": entries}


def _attending(meeting: Meeting) -> list[Organization]:
    """Only the bodies that came (or sent a delegate): an excused body did not attend."""
    return attending_organizations(meeting)


def notice(meeting: Meeting, *, number: int | None = None, issued_on: datetime.date | None = None,
           signer_name: str | None = None, signer_title: str | None = None,
           recipients: list[str] | None = None) -> Content:
    """The conclusion notice (thông báo kết luận) of a meeting."""
    concluder, concluder_title = _concluder(meeting)
    signer_name = concluder if signer_name is None else signer_name
    signer_title = concluder_title if signer_title is None else signer_title
    by = f"đồng chí {concluder}, {concluder_title}" if concluder_title else f"đồng chí {concluder}"
    subject = (f"Kết luận của {by} tại {_occasion(meeting)}" if concluder
               else f"Kết luận {_occasion(meeting)}")
    groups = directive_groups(meeting)
    amended = amendment_group(meeting)
    if amended is not None:
        groups.append(amended)
    if recipients is None:
        names = [d.lead.name for d in meeting.directives.select_related("lead") if d.lead_id]
        names += [o.name for o in _attending(meeting)]
        if meeting.bloc_id:
            names += [o.name for o in meeting.bloc.members.exclude(pk=meeting.host_id)]
        recipients = [name for name in names if name != meeting.host.name]
    content = frame(meeting.host, "notice", number=number, issued_on=issued_on, subject=subject,
                    signer_name=signer_name, signer_title=signer_title, recipients=recipients)
    intro = f"Ngày {short_date(meeting.date)}{_place_phrase(meeting)}, {_happened(meeting)}."
    chairs = _chairs(meeting)
    if chairs:
        intro += f" {sentence('; '.join(chairs))} chủ trì hội nghị."
    attending = [o.name for o in _attending(meeting) if o.pk != meeting.host_id]
    if attending:
        intro += " Tham dự có đại diện lãnh đạo: " + ", ".join(attending) + "."
    conclusion = _conclusion(meeting)
    lead_in = "Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu, " + (
        f"{by} kết luận như sau:" if concluder else "hội nghị kết luận như sau:")
    content.update({
        "title": f"Thông báo {lower_first(subject)}",
        "intro": [intro, lead_in],
        "conclusion": _paragraphs(conclusion.text if conclusion else ""),
        "groups": groups,
        "closing": f"{_speaker(meeting.host)} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện"
                   + ("." if content["party_style"] else "./."),
    })
    return content


def invitees(meeting: Meeting) -> list[str]:
    """Who the invitation names: the chairs, then the attending bodies (or the bloc's members)."""
    lines = [sentence(c) if "chủ trì" in c.lower() else f"{sentence(c)} (chủ trì hội nghị)" for c in _chairs(meeting)]
    attendances = list(meeting.attendances.select_related("organization", "person"))
    if attendances:
        for a in attendances:
            # An invited person is named as invited; otherwise whoever the body said would come.
            name = a.person.name if a.person_id else nfc(a.delegate_name)
            lines.append(f"Đồng chí {name}, {a.organization.name}" if name else f"Lãnh đạo {a.organization.name}")
    elif meeting.bloc_id:
        lines += [f"Lãnh đạo {o.name}" for o in meeting.bloc.members.exclude(pk=meeting.host_id).order_by("name")]
    return lines


def invitation(meeting: Meeting, *, number: int | None = None, issued_on: datetime.date | None = None,
               signer_name: str = "", signer_title: str = "", recipients: list[str] | None = None) -> Content:
    """The invitation (giấy mời) to a meeting: time, place, agenda, attendees."""
    if not signer_name:
        signer_name, signer_title = _concluder(meeting)
    people = invitees(meeting)
    content = frame(meeting.host, "invitation", number=number, issued_on=issued_on,
                    subject=f"Dự {lower_first(meeting.title)}", signer_name=signer_name,
                    signer_title=signer_title, recipients=recipients if recipients is not None else
                    ["Như thành phần mời"])
    when = f"{weekday(meeting.date)}, ngày {short_date(meeting.date)}"
    if meeting.start_time:
        when = f"01 buổi, bắt đầu từ {clock(meeting.start_time)}, {when}"
    agenda = []
    for item in meeting.agenda_items.select_related("organization"):
        line = sentence(item.title)
        if item.organization_id:
            line += f" ({item.organization.name})"
        agenda.append(line + ";")
    if agenda:
        agenda[-1] = agenda[-1][:-1] + "."
    preparation = ""
    if meeting.period_id:
        preparation = (f"Đề nghị các cơ quan, đơn vị chuẩn bị báo cáo kết quả {lower_first(meeting.period.label)}, "
                       "ý kiến tham luận và gửi về " + meeting.host.name + " trước ngày hội nghị.")
    content.update({
        "title": f"Giấy mời dự {lower_first(meeting.title)}",
        "intro": [f"{meeting.host.name} trân trọng kính mời:"],
        "invitees": [f"{p};" for p in people[:-1]] + [f"{p}." for p in people[-1:]],
        "attend": f"Tới dự {lower_first(meeting.title)}.",
        "when": when,
        "place": nfc(meeting.place),
        "agenda": agenda,
        "preparation": preparation,
        "closing": "Rất mong các đồng chí tham dự đúng thành phần, thời gian" + ("." if content["party_style"]
                                                                                else "./."),
    })
    return content
