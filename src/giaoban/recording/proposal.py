"""“Nhập từ văn bản”: an extraction record (shared/extraction/GUIDE.md) → a prefilled, unsaved form.

It lives above both meetings and directives (the record holds a meeting and its directives), so
neither of those apps has to import the other's rules.

Nothing here writes to the database except periods (reference data): the user
reviews and corrects the proposal, and only the form's save stores a meeting.
Names the record gives as text are resolved to bodies and communes where that
is unambiguous; the rest stay as text, shown beside the field to pick from.
"""

import datetime
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from giaoban.accounts.access import visible_organizations
from giaoban.directives import deadlines
from giaoban.directives.targets import find_target
from giaoban.meetings.models import Meeting, MeetingKind
from giaoban.meetings.resolve import (
    guess_bloc,
    is_plural,
    meeting_bodies,
    reachable_bodies,
    resolve_bodies,
    resolve_body,
    resolve_place,
)
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.logic import TERM, PeriodKey
from giaoban.periods.models import Period

logger = logging.getLogger(__name__)


class ImportError_(Exception):
    """The text could not be read or understood; the message is Vietnamese."""


@dataclass
class Proposal:
    meeting: dict = field(default_factory=dict)
    chairs: list[dict] = field(default_factory=list)
    conclusion: dict = field(default_factory=dict)
    directives: list[dict] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)  # per directive: what the text said that was not resolved
    warnings: list[str] = field(default_factory=list)
    host: Organization | None = None
    bloc: Bloc | None = None


def run_extractor(text: str = "", upload: UploadedFile | None = None) -> dict:
    """The extractor's record for a pasted text or an uploaded file (read from a temporary copy)."""
    try:
        from giaoban.extract import extract, extract_file
    except ImportError as error:  # the extractor is a separate package that may be missing
        raise ImportError_(_("Chức năng đọc văn bản chưa được cài đặt.")) from error
    try:
        if upload is not None:
            suffix = Path(upload.name).suffix.lower()
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"vanban{suffix}"
                with path.open("wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                return extract_file(path)
        return extract(text)
    except Exception as error:  # any failure of the extractor becomes a message, never a crash
        logger.warning("extractor failed: %s", error)
        raise ImportError_(_("Không đọc được văn bản: %(error)s") % {"error": error}) from error


def _period(value: dict | None) -> Period | None:
    if not value or not value.get("type") or not value.get("year"):
        return None
    try:
        number = value.get("number") or 0
        if value["type"] == TERM:
            number = number or value["year"] + 5
        return Period.objects.get_for(PeriodKey(value["type"], int(value["year"]), int(number)))
    except (ValueError, TypeError):
        return None


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _deadline_text(item: dict, meeting_day: datetime.date | None) -> str:
    """Prefer the phrase in the directive's own words (keeps "quý"); else the record's ISO form."""
    day, precision = deadlines.find_in_text(item.get("text", ""), meeting_day)
    if day is None and item.get("deadline"):
        try:
            day, precision = deadlines.parse(str(item["deadline"]))
        except deadlines.DeadlineError:
            return str(item["deadline"])
    return deadlines.label(day, precision)


def build_proposal(record: dict, user) -> Proposal:
    """Map the extractor's record to initial data for the meeting, chairs, conclusion and directives forms."""
    proposal = Proposal()
    meeting = record.get("meeting") or {}
    if record.get("kind") == "other":
        proposal.warnings.append(_("Văn bản có vẻ không tường thuật một cuộc họp; hãy kiểm tra kỹ."))
    kind = record.get("kind") if record.get("kind") in MeetingKind.values else MeetingKind.CONFERENCE
    reachable = list(reachable_bodies(user))
    host_name = meeting.get("host") or ""
    host = resolve_body(host_name, reachable) if host_name else None
    if host_name and host is None:
        proposal.warnings.append(_("Chưa xác định được cơ quan tổ chức “%(name)s”: hãy chọn.") % {"name": host_name})
    visible = visible_organizations(user)
    blocs = list(Bloc.objects.filter(convening__in=visible).select_related("convening"))
    bloc = guess_bloc(host, blocs)
    if bloc is not None and host is None:
        host = bloc.convening
    proposal.host, proposal.bloc = host, bloc
    period, next_period = _period(meeting.get("period")), _period(meeting.get("next_period"))
    date = _date(meeting.get("date"))
    if date is None:
        proposal.warnings.append(_("Văn bản không ghi ngày họp: hãy nhập ngày."))
    proposal.meeting = {
        "kind": kind, "title": Meeting.default_title(kind, period, next_period),
        "bloc": bloc.pk if bloc else None, "host": host.pk if host else None, "date": date,
        "period_label": period.label if period else "", "next_period_label": next_period.label if next_period else "",
    }
    proposal.chairs = [{"name": c.get("name") or "", "title": c.get("title") or ""}
                       for c in meeting.get("chairs") or [] if c.get("name")]
    if proposal.chairs:
        proposal.conclusion = {"concluded_by_name": proposal.chairs[0]["name"],
                               "concluded_by_title": proposal.chairs[0]["title"]}
    bodies = list(meeting_bodies(user, host, bloc))
    bloc_ids = {bloc.convening_id, *bloc.members.values_list("pk", flat=True)} if bloc else set()
    in_bloc = [b for b in bodies if b.pk in bloc_ids]
    near = host.locality if host else None
    for item in record.get("directives") or []:
        initial, hint = _directive_initial(item, in_bloc, bodies, near, date)
        proposal.directives.append(initial)
        proposal.hints.append(hint)
    return proposal


def _directive_initial(item: dict, in_bloc: list, bodies: list, near,
                       meeting_day: datetime.date | None) -> tuple[dict, str]:
    def lookup(name: str) -> list:
        return resolve_bodies(name, in_bloc) or resolve_bodies(name, bodies)

    assignees = [a for a in item.get("assignees") or [] if a]
    lead_name = item.get("lead") or ""
    if not lead_name:
        singles = [a for a in assignees if not is_plural(a)]
        lead_name = singles[0] if len(singles) == 1 else ""
    lead_matches = lookup(lead_name) if lead_name else []
    lead = lead_matches[0] if len(lead_matches) == 1 else None
    coordinating, unresolved = [], []
    for name in assignees:
        if name == lead_name and lead is not None:
            continue
        matches = lookup(name)
        coordinating.extend(m for m in matches if m != lead and m not in coordinating)
        if not matches:
            unresolved.append(name)
    if lead_name and lead is None:
        unresolved.insert(0, lead_name)
    places, unknown_places = [], []
    for name in item.get("places") or []:
        unit = resolve_place(name, near)
        (places.append(unit.short_name) if unit else unknown_places.append(name))
    target = find_target(item.get("text", ""))
    initial = {
        "text": item.get("text", ""), "assignees_text": ", ".join(assignees)[:500],
        "lead": lead.pk if lead else None, "coordinating": [c.pk for c in coordinating],
        "deadline_text": _deadline_text(item, meeting_day), "places_text": ", ".join(places),
        "target_text": target.text if target else "", "target_value": target.value if target else None,
        "target_value_max": target.value_max if target else None, "target_unit": target.unit if target else "",
    }
    hints = []
    if unresolved:
        hints.append(_("Văn bản ghi: %(names)s — hãy chọn đơn vị.") % {"names": "; ".join(unresolved)})
    if unknown_places:
        hints.append(_("Địa bàn chưa có trong danh mục: %(names)s.") % {"names": ", ".join(unknown_places)})
    return initial, " ".join(hints)
