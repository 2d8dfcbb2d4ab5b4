"""The briefing records of an export: series, meetings (with their rows and conclusion) and directives."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q

from giaoban.directives.models import Directive
from giaoban.interchange.history import export_rows
from giaoban.interchange.keys import directive_key, meeting_key, period_key, series_key
from giaoban.interchange.values import clock, day, instant, number
from giaoban.meetings.models import BriefingSeries, Meeting, Person
from giaoban.organisations.models import AdminUnit, Bloc, Organization
from giaoban.periods.models import Period


def sections(ex, blocs: list[Bloc]) -> dict[str, Any]:
    series = list(BriefingSeries.objects.filter(Q(host__in=ex.subtree) | Q(bloc__in=blocs)).select_related(
        "bloc", "host__locality", "first_period").prefetch_related("attendees__locality", "agenda_items"))
    meetings = list(Meeting.objects.filter(Q(host__in=ex.subtree) | Q(bloc__in=blocs)).select_related(
        "host__locality", "bloc", "period", "next_period", "secretary__organization__locality", "series__bloc",
        "created_by", "state_changed_by", "conclusion__concluded_by__organization__locality",
        "progress_round__opened_by").prefetch_related(
        "agenda_items__organization__locality", "attendances__organization__locality",
        "attendances__person__organization__locality", "chairs__person__organization__locality",
        "attachments__uploaded_by"))
    directives = _directives(meetings)
    ex.meeting_keys = {m.pk: meeting_key(m) for m in meetings}
    return {
        "series": sorted((_series(ex, s) for s in series), key=lambda s: s["key"]),
        "meetings": sorted((_meeting(ex, m) for m in meetings), key=lambda m: m["key"]),
        "directives": [_directive(ex, d, key) for key, d in sorted(directives.items())],
    }


def _directives(meetings: list[Meeting]) -> dict[str, Directive]:
    by_key = {}
    queryset = (Directive.objects.filter(meeting__in=meetings)
                .select_related("meeting__host__locality", "lead__locality", "closed_by")
                .prefetch_related("coordinating__locality", "places", "carried_to__host__locality",
                                  "updates__organization__locality", "updates__author",
                                  "updates__round__meeting__host__locality", "amendments__by")
                .order_by("meeting_id", "order", "pk"))
    position, last_meeting = 0, None
    for directive in queryset:
        position = position + 1 if directive.meeting_id == last_meeting else 1
        last_meeting = directive.meeting_id
        by_key[directive_key(directive, position)] = directive
    return by_key


def history(ex, record) -> dict:
    """{"history": [...]} when the export carries history, else nothing."""
    if not ex.with_history:
        return {}
    return {"history": export_rows(record, lambda model, pk: key_of(ex, model, pk), ex.user)}


def key_of(ex, model: type, pk: Any) -> str | None:
    """The stable key of the record a history row links to (None when it is gone); read once per record."""
    if (model, pk) not in ex.linked:
        ex.linked[model, pk] = _key(ex, model, model.objects.filter(pk=pk).first())
    return ex.linked[model, pk]


def _key(ex, model: type, found) -> str | None:
    if found is None:
        return None
    if model is Organization:
        return ex.org(found)
    if model is get_user_model():
        return ex.user(found)
    if model is Person:
        return ex.person(found)
    simple = {Meeting: meeting_key, Period: period_key, BriefingSeries: series_key, Bloc: lambda b: b.name,
              AdminUnit: lambda u: u.code}
    return simple[model](found) if model in simple else None


def _agenda(ex, items) -> list[dict]:
    return [{"order": i.order, "kind": i.kind, "title": i.title, "notes": i.notes,
             "organization": ex.org(i.organization)} for i in sorted(items, key=lambda i: (i.order, i.title))]


def _series(ex, series: BriefingSeries) -> dict:
    return {"key": series_key(series), "name": series.name, "bloc": series.bloc.name, "host": ex.org(series.host),
            "period_type": series.period_type, "first_period": period_key(series.first_period),
            "recurrence": series.recurrence, "day": series.day, "weekday": series.weekday, "week": series.week,
            "month_offset": series.month_offset, "start_time": clock(series.start_time), "place": series.place,
            "attendees": sorted(ex.org(org) for org in series.attendees.all()), "active": series.active,
            "agenda": _agenda(ex, series.agenda_items.all())}


def _meeting(ex, meeting: Meeting) -> dict:
    round_ = getattr(meeting, "progress_round", None)
    return {
        "key": meeting_key(meeting), "kind": meeting.kind, "title": meeting.title, "host": ex.org(meeting.host),
        "bloc": meeting.bloc.name if meeting.bloc_id else None, "period": period_key(meeting.period),
        "next_period": period_key(meeting.next_period), "date": day(meeting.date),
        "start_time": clock(meeting.start_time), "place": meeting.place, "minutes": meeting.minutes,
        "is_public": meeting.is_public, "source_text": meeting.source_text, "secretary": ex.person(meeting.secretary),
        "series": series_key(meeting.series) if meeting.series_id else None, "state": meeting.state,
        "state_reason": meeting.state_reason, "state_changed_at": instant(meeting.state_changed_at),
        "state_changed_by": ex.user(meeting.state_changed_by), "created_by": ex.user(meeting.created_by),
        "created_at": instant(meeting.created_at),
        "chairs": [{"person": ex.person(c.person), "title": c.title} for c in meeting.chairs.all()],
        "agenda": _agenda(ex, meeting.agenda_items.all()),
        "attendance": sorted(({"organization": ex.org(a.organization), "person": ex.person(a.person),
                               "presence": a.presence, "delegate_name": a.delegate_name, "reason": a.reason}
                              for a in meeting.attendances.all()),
                             key=lambda a: (a["organization"], a["person"] or "")),
        "attachments": sorted(({"name": a.name, "file": ex.file(a.file), "uploaded_by": ex.user(a.uploaded_by),
                                "uploaded_at": instant(a.uploaded_at)} for a in meeting.attachments.all()),
                              key=lambda a: (a["uploaded_at"], a["name"])),
        "progress_round": None if round_ is None else {"due_on": day(round_.due_on), "opened_by": ex.user(
            round_.opened_by), "opened_at": instant(round_.opened_at)},
        "conclusion": _conclusion(ex, meeting),
        **history(ex, meeting),
    }


def _conclusion(ex, meeting: Meeting) -> dict | None:
    conclusion = getattr(meeting, "conclusion", None)
    if conclusion is None:
        return None
    return {"text": conclusion.text, "concluded_by": ex.person(conclusion.concluded_by),
            "concluded_by_title": conclusion.concluded_by_title, "issued_at": instant(conclusion.issued_at),
            **history(ex, conclusion)}


def _directive(ex, directive: Directive, key: str) -> dict:
    return {
        "key": key, "meeting": ex.meeting_keys[directive.meeting_id], "order": directive.order,
        "text": directive.text, "assignees_text": directive.assignees_text, "lead": ex.org(directive.lead),
        "coordinating": sorted(ex.org(org) for org in directive.coordinating.all()),
        "deadline": day(directive.deadline), "deadline_precision": directive.deadline_precision,
        "target_text": directive.target_text, "target_value": number(directive.target_value),
        "target_value_max": number(directive.target_value_max), "target_unit": directive.target_unit,
        "places": sorted(_place(ex, unit) for unit in directive.places.all()), "priority": directive.priority,
        "status": directive.status, "closed_reason": directive.closed_reason,
        "closed_by": ex.user(directive.closed_by), "closed_at": instant(directive.closed_at),
        "carried_to": sorted(ex.meeting_keys[m.pk] for m in directive.carried_to.all() if m.pk in ex.meeting_keys),
        "updates": sorted((_update(ex, u) for u in directive.updates.all()), key=lambda u: (u["created_at"],
                                                                                             u["note"])),
        "amendments": [{"field": a.field, "old": a.old, "new": a.new, "kind": a.kind, "reason": a.reason,
                        "by": ex.user(a.by), "at": instant(a.at)} for a in directive.amendments.all()],
        **history(ex, directive),
    }


def _place(ex, unit: AdminUnit) -> str:
    ex.units.add(unit.pk)
    return unit.code


def _update(ex, update) -> dict:
    in_round = update.round.meeting_id if update.round_id else None
    return {"note": update.note, "percent": update.percent, "organization": ex.org(update.organization),
            "author": ex.user(update.author), "evidence": ex.file(update.evidence),
            "round": ex.meeting_keys.get(in_round) if in_round else None, "created_at": instant(update.created_at)}
