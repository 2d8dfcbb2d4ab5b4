"""Import of the briefing records: series, meetings with their rows and conclusion, directives."""

from typing import Any

from giaoban.directives.models import Amendment, Directive, DirectiveUpdate, ProgressRound
from giaoban.interchange import keys
from giaoban.interchange.files import find_same
from giaoban.interchange.importer import present, set_many
from giaoban.interchange.values import read_clock, read_day, read_instant, read_number
from giaoban.meetings import pagecache
from giaoban.meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    BriefingSeries,
    Conclusion,
    Meeting,
    MeetingChair,
    Person,
    SeriesAgendaItem,
)
from giaoban.organisations.models import Bloc


def load(im) -> None:
    _series(im)
    for row in im.rows("meetings"):
        im.meetings[row["key"]] = _meeting(im, row)
    _directives(im)


def _same(value: Any) -> Any:
    return value


def _bloc(im, name: str | None) -> Bloc | None:
    if name is None:
        return None
    return im.blocs.get(name) or Bloc.objects.filter(name=name).first()


def _agenda(im, manager, model, owner: dict, rows: list[dict]) -> None:
    """Replace an agenda (a meeting's or a series' template) when it differs from the file's."""
    wanted = [(r["order"], r["kind"], r["title"], r["notes"], im.org(r["organization"]).pk if r["organization"]
               else None) for r in rows]
    current = list(manager.order_by("order", "title").values_list("order", "kind", "title", "notes",
                                                                  "organization_id"))
    if current != wanted:
        manager.all().delete()
        model.objects.bulk_create([model(**owner, order=o, kind=k, title=t, notes=n, organization_id=org)
                                   for o, k, t, n, org in wanted])


def _series(im) -> None:
    for row in im.rows("series"):
        bloc = _bloc(im, row["bloc"])
        values = {"name": row["name"], "bloc": bloc, "host": im.org(row["host"]), "period_type": row["period_type"],
                  "first_period": keys.find_period(row["first_period"]), "recurrence": row["recurrence"],
                  "day": row["day"], "weekday": row["weekday"], "week": row["week"],
                  "month_offset": row["month_offset"], "start_time": read_clock(row["start_time"]),
                  "place": row["place"], "active": row["active"]}
        series = im.upsert(BriefingSeries, BriefingSeries.objects.filter(bloc=bloc, name=row["name"]).first(), values)
        set_many(series.attendees, [im.org(key) for key in row["attendees"]])
        _agenda(im, series.agenda_items, SeriesAgendaItem, {"series": series}, row["agenda"])
        im.series[row["key"]] = series


def _meeting(im, row: dict) -> Meeting:
    host, date = im.orgs[row["host"]], read_day(row["date"])
    values = {"kind": row["kind"], "title": row["title"], "host": host, "bloc": _bloc(im, row["bloc"]),
              "period": keys.find_period(row["period"]), "next_period": keys.find_period(row["next_period"]),
              "date": date, "start_time": read_clock(row["start_time"]), "place": row["place"],
              "minutes": row["minutes"], "is_public": row["is_public"],
              **present(row, {"source_text": ("source_text", _same), "secretary": ("secretary", im.person),
                              "series": ("series", lambda key: im.series[key] if key else None),
                              "state_reason": ("state_reason", _same),
                              "state_changed_at": ("state_changed_at", read_instant),
                              "state_changed_by": ("state_changed_by", im.user),
                              "created_by": ("created_by", im.user)})}
    # Set after the save: saving a new meeting dated in the past would move a draft to "held".
    stamps = present(row, {"state": ("state", _same), "created_at": ("created_at", read_instant)})
    meeting = im.upsert(Meeting, Meeting.objects.filter(host=host, date=date, title=row["title"]).first(), values,
                        stamps=stamps)
    _agenda(im, meeting.agenda_items, AgendaItem, {"meeting": meeting}, row["agenda"])
    _attendance(im, meeting, row["attendance"])
    if "chairs" in row:
        _chairs(im, meeting, row["chairs"])
    pagecache.bump_meeting(meeting.pk)  # the parts above are bulk inserts: no signal tells the page
    for attachment in row.get("attachments", []):
        _attachment(im, meeting, attachment)
    if row.get("progress_round"):
        _round(im, meeting, row["progress_round"])
    _conclusion(im, meeting, row["conclusion"])
    im.keep_history(meeting, row)
    return meeting


def _attendance(im, meeting: Meeting, rows: list[dict]) -> None:
    wanted = sorted((im.org(r["organization"]).pk, getattr(im.person(r.get("person")), "pk", None), r["presence"],
                     r["delegate_name"], r.get("reason", "")) for r in rows)
    current = sorted(meeting.attendances.values_list("organization_id", "person_id", "presence", "delegate_name",
                                                     "reason"))
    if current != wanted:
        meeting.attendances.all().delete()
        Attendance.objects.bulk_create([Attendance(meeting=meeting, organization_id=org, person_id=person,
                                                   presence=presence, delegate_name=delegate, reason=reason)
                                        for org, person, presence, delegate, reason in wanted])


def _chairs(im, meeting: Meeting, rows: list[dict]) -> None:
    wanted = [(im.person(r["person"]).pk, r["title"]) for r in rows]
    if list(meeting.chairs.values_list("person_id", "title")) != wanted:
        meeting.chairs.all().delete()
        MeetingChair.objects.bulk_create([MeetingChair(meeting=meeting, person_id=person, title=title, order=i)
                                          for i, (person, title) in enumerate(wanted)])


def _attachment(im, meeting: Meeting, row: dict) -> None:
    """An attachment is the same one when its name and content are; the meeting's others are left."""
    found = find_same(meeting.attachments.filter(name=row["name"]), row["file"])
    im.upsert(Attachment, found, {"meeting": meeting, "name": row["name"], "size": row["file"]["size"],
                                  "uploaded_by": im.user(row["uploaded_by"])},
              files={"file": row["file"]}, stamps={"uploaded_at": read_instant(row["uploaded_at"])})


def _round(im, meeting: Meeting, row: dict) -> None:
    im.upsert(ProgressRound, ProgressRound.objects.filter(meeting=meeting).first(),
              {"meeting": meeting, "due_on": read_day(row["due_on"]), "opened_by": im.user(row["opened_by"])},
              stamps={"opened_at": read_instant(row["opened_at"])})


def _conclusion(im, meeting: Meeting, row: dict | None) -> None:
    if row is None:
        return
    name = row["concluded_by"]
    if im.version == 1:  # version 1 named the person only
        person = None if not name else Person.objects.filter(name=name).first() or Person.objects.create(
            name=name, title=row["concluded_by_title"])
    else:
        person = im.person(name)
    conclusion = im.upsert(Conclusion, Conclusion.objects.filter(meeting=meeting).first(), {
        "meeting": meeting, "text": row["text"], "concluded_by": person,
        "concluded_by_title": row["concluded_by_title"],
        **present(row, {"issued_at": ("issued_at", read_instant)})})
    im.keep_history(conclusion, row)


def _directives(im) -> None:
    existing: dict[int, list[Directive]] = {}
    for row in im.rows("directives"):
        meeting = im.meetings[row["meeting"]]
        if meeting.pk not in existing:
            existing[meeting.pk] = list(meeting.directives.order_by("order", "pk"))
        position = int(row["key"].rsplit("#", 1)[1])
        mine = existing[meeting.pk]
        found = mine[position - 1] if position <= len(mine) else None
        directive = im.upsert(Directive, found, _directive_values(im, row, meeting))
        set_many(directive.coordinating, [im.orgs[key] for key in row["coordinating"]])
        set_many(directive.places, [im.units[code] for code in row["places"]])
        set_many(directive.carried_to, [im.meetings[key] for key in row["carried_to"] if key in im.meetings])
        for update in row["updates"]:
            _update(im, directive, update)
        for amendment in row.get("amendments", []):
            _amendment(im, directive, amendment)
        im.keep_history(directive, row)


def _directive_values(im, row: dict, meeting: Meeting) -> dict:
    return {"meeting": meeting, "order": row["order"], "text": row["text"], "assignees_text": row["assignees_text"],
            "lead": im.org(row["lead"]), "deadline": read_day(row["deadline"]),
            "deadline_precision": row["deadline_precision"], "target_text": row["target_text"],
            "target_value": read_number(row["target_value"]), "target_value_max": read_number(row["target_value_max"]),
            "target_unit": row["target_unit"], "priority": row["priority"], "status": row["status"],
            "closed_reason": row["closed_reason"], "closed_at": read_instant(row["closed_at"]),
            **present(row, {"closed_by": ("closed_by", im.user)})}


def _update(im, directive: Directive, row: dict) -> None:
    created_at = read_instant(row["created_at"])
    found = directive.updates.filter(created_at=created_at, note=row["note"]).first()
    values = {"directive": directive, "note": row["note"], "percent": row["percent"],
              "organization": im.org(row["organization"]),
              **present(row, {"author": ("author", im.user),
                              "round": ("round", lambda key: ProgressRound.objects.filter(
                                  meeting=im.meetings[key]).first() if key else None)})}
    files = {"evidence": row["evidence"]} if "evidence" in row else {}
    im.upsert(DirectiveUpdate, found, values, files=files, stamps={"created_at": created_at})


def _amendment(im, directive: Directive, row: dict) -> None:
    at = read_instant(row["at"])
    im.upsert(Amendment, directive.amendments.filter(field=row["field"], at=at).first(), {
        "directive": directive, "field": row["field"], "old": row["old"], "new": row["new"], "kind": row["kind"],
        "reason": row["reason"], "by": im.user(row["by"]), "at": at})
