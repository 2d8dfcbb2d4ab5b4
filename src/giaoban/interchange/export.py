"""One organisation's subtree as plain JSON-ready data (see docs/interchange.md).

Everything is sorted by stable keys and carries no database id, so the same
records give the same file in any database.
"""

from typing import Any

from django.db.models import Q

from giaoban.directives.models import Directive
from giaoban.interchange.fileformat import FORMAT, VERSION
from giaoban.interchange.keys import directive_key, meeting_key, organization_key, period_key
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import AdminUnit, Bloc, Organization


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _number(value) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def export_subtree(root: Organization) -> dict[str, Any]:
    subtree = list(root.subtree().select_related("locality", "parent"))
    blocs = list(Bloc.objects.filter(convening__in=subtree).select_related("convening").prefetch_related("members"))
    meetings = list(Meeting.objects.filter(Q(host__in=subtree) | Q(bloc__in=blocs)).select_related(
        "host__locality", "bloc", "period", "next_period").prefetch_related(
        "agenda_items__organization__locality", "attendances__organization__locality"))
    directives = _directives(meetings)
    referenced = _referenced_organizations(subtree, blocs, meetings, directives)
    return {
        "format": FORMAT,
        "version": VERSION,
        "root": organization_key(root),
        "admin_units": _admin_units(referenced, directives),
        "organisations": _organisations(referenced, root),
        "blocs": sorted((_bloc(b) for b in blocs), key=lambda b: b["name"]),
        "meetings": sorted((_meeting(m) for m in meetings), key=lambda m: m["key"]),
        "directives": [_directive(d, key, meetings) for key, d in sorted(directives.items())],
    }


def _directives(meetings: list[Meeting]) -> dict[str, Directive]:
    by_key = {}
    queryset = (Directive.objects.filter(meeting__in=meetings)
                .select_related("meeting__host__locality", "lead__locality")
                .prefetch_related("coordinating__locality", "places", "carried_to__host__locality",
                                  "updates__organization__locality")
                .order_by("meeting_id", "order", "pk"))
    position, last_meeting = 0, None
    for directive in queryset:
        position = position + 1 if directive.meeting_id == last_meeting else 1
        last_meeting = directive.meeting_id
        by_key[directive_key(directive, position)] = directive
    return by_key


def _referenced_organizations(subtree, blocs, meetings, directives) -> list[Organization]:
    """The subtree plus every body its records name (a bloc member, a lead outside it)."""
    found = {org.pk: org for org in subtree}
    for bloc in blocs:
        found.update({org.pk: org for org in (bloc.convening, *bloc.members.all())})
    for meeting in meetings:
        found[meeting.host_id] = meeting.host
        found.update({a.organization_id: a.organization for a in meeting.attendances.all()})
        found.update({i.organization_id: i.organization for i in meeting.agenda_items.all() if i.organization_id})
    for directive in directives.values():
        found.update({org.pk: org for org in directive.coordinating.all()})
        if directive.lead_id:
            found[directive.lead_id] = directive.lead
        found.update({u.organization_id: u.organization for u in directive.updates.all() if u.organization_id})
    return list(found.values())


def _admin_units(organizations, directives) -> list[dict]:
    units = {org.locality_id for org in organizations if org.locality_id}
    for directive in directives.values():
        units.update(unit.pk for unit in directive.places.all())
    wanted, frontier = set(), units
    while frontier:  # the units' parents too, so that the tree can be rebuilt
        wanted |= frontier
        frontier = set(AdminUnit.objects.filter(pk__in=frontier, parent__isnull=False)
                       .values_list("parent_id", flat=True)) - wanted
    return [{"code": u.code, "name": u.name, "short_name": u.short_name, "unit_type": u.unit_type,
             "level": u.level, "parent": u.parent.code if u.parent_id else None,
             "valid_from": _day(u.valid_from), "valid_to": _day(u.valid_to)}
            for u in AdminUnit.objects.filter(pk__in=wanted).select_related("parent").order_by("code")]


def _organisations(organizations: list[Organization], root: Organization) -> list[dict]:
    included = {org.pk for org in organizations}
    rows = []
    for org in organizations:
        # The root's parent and a referenced body's parent lie outside the file.
        parent = org.parent if org.parent_id in included and org.pk != root.pk else None
        rows.append({"key": organization_key(org), "name": org.name, "short_name": org.short_name, "type": org.type,
                     "level": org.level, "parent": organization_key(parent) if parent else None,
                     "locality": org.locality.code if org.locality_id else None, "email": org.email,
                     "valid_from": _day(org.valid_from), "valid_to": _day(org.valid_to)})
    return sorted(rows, key=lambda row: row["key"])


def _bloc(bloc: Bloc) -> dict:
    return {"name": bloc.name, "convening": organization_key(bloc.convening), "active": bloc.active,
            "members": sorted(organization_key(org) for org in bloc.members.all())}


def _meeting(meeting: Meeting) -> dict:
    return {
        "key": meeting_key(meeting), "kind": meeting.kind, "title": meeting.title,
        "host": organization_key(meeting.host), "bloc": meeting.bloc.name if meeting.bloc_id else None,
        "period": period_key(meeting.period), "next_period": period_key(meeting.next_period),
        "date": _day(meeting.date), "start_time": meeting.start_time.isoformat() if meeting.start_time else None,
        "place": meeting.place, "minutes": meeting.minutes, "is_public": meeting.is_public,
        "agenda": [{"order": i.order, "kind": i.kind, "title": i.title, "notes": i.notes,
                    "organization": organization_key(i.organization) if i.organization_id else None}
                   for i in sorted(meeting.agenda_items.all(), key=lambda i: (i.order, i.title))],
        "attendance": sorted(({"organization": organization_key(a.organization), "presence": a.presence,
                               "delegate_name": a.delegate_name} for a in meeting.attendances.all()),
                             key=lambda a: a["organization"]),
        "conclusion": _conclusion(meeting),
    }


def _conclusion(meeting: Meeting) -> dict | None:
    conclusion = getattr(meeting, "conclusion", None)
    if conclusion is None:
        return None
    return {"text": conclusion.text, "concluded_by": conclusion.concluded_by.name if conclusion.concluded_by_id
            else None, "concluded_by_title": conclusion.concluded_by_title}


def _directive(directive: Directive, key: str, meetings: list[Meeting]) -> dict:
    exported = {m.pk for m in meetings}
    return {
        "key": key, "meeting": meeting_key(directive.meeting), "order": directive.order, "text": directive.text,
        "assignees_text": directive.assignees_text,
        "lead": organization_key(directive.lead) if directive.lead_id else None,
        "coordinating": sorted(organization_key(org) for org in directive.coordinating.all()),
        "deadline": _day(directive.deadline), "deadline_precision": directive.deadline_precision,
        "target_text": directive.target_text, "target_value": _number(directive.target_value),
        "target_value_max": _number(directive.target_value_max), "target_unit": directive.target_unit,
        "places": sorted(unit.code for unit in directive.places.all()), "priority": directive.priority,
        "status": directive.status, "closed_reason": directive.closed_reason,
        "closed_at": directive.closed_at.isoformat() if directive.closed_at else None,
        "carried_to": sorted(meeting_key(m) for m in directive.carried_to.all() if m.pk in exported),
        "updates": sorted(({"note": u.note, "percent": u.percent, "created_at": u.created_at.isoformat(),
                            "organization": organization_key(u.organization) if u.organization_id else None}
                           for u in directive.updates.all()), key=lambda u: (u["created_at"], u["note"])),
    }
