"""The areas (provinces: the top body of the tree above a body) that a write changes the dashboard of.

A province's users see their area's directives, meetings and reports, plus the few that reach
into it from another area (a lead or coordinating body, a bloc's convening body or member lying
here). So a write concerns the area it lives in and, when it reaches out, the areas of the bodies
it involves; the dashboards of every other province stay cached. What a row was before a save
matters as much as what it becomes (a lead moved elsewhere leaves a dashboard), so the callers
ask both before and after the write.
"""

from __future__ import annotations

from collections.abc import Iterable

from giaoban.directives.scope import top_path
from giaoban.organisations.models import Bloc, Organization


def of_bodies(ids: Iterable[int | None]) -> set[str]:
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return set()
    return {top_path(path) for path in Organization.objects.filter(pk__in=wanted).values_list("tree_path", flat=True)}


def of_body(body: Organization) -> set[str]:
    """Its area as stored and under its parent now (the tree path is rewritten only after the save)."""
    found = {top_path(body.tree_path)} if body.tree_path else set()
    under = top_path(body.parent.tree_path) if body.parent_id else (f"/{body.pk}/" if body.pk else "")
    return found | ({under} if under else set())


def of_bloc(bloc_id: int | None) -> set[str]:
    """The bloc's convening body and members: each sees the bloc's meetings, directives and reports."""
    if bloc_id is None:
        return set()
    convening = Bloc.objects.filter(pk=bloc_id).values_list("convening_id", flat=True)
    members = Bloc.members.through.objects.filter(bloc_id=bloc_id).values_list("organization_id", flat=True)
    return of_bodies([*convening, *members])


def of_directive(directive) -> set[str]:
    found = {directive.area} if directive.area else set()
    if directive.reaches_out or not directive.area:
        bodies = [directive.lead_id, *directive.coordinating.values_list("pk", flat=True)] if directive.pk else [
            directive.lead_id]
        found |= of_bodies(bodies)
        meeting = directive.meeting if directive.meeting_id else None
        if meeting is not None:
            found |= of_bodies([meeting.host_id]) | of_bloc(meeting.bloc_id)
    return found


def of_meeting(meeting) -> set[str]:
    return of_bodies([meeting.host_id]) | of_bloc(meeting.bloc_id)


def of_report(report) -> set[str]:
    """A report's body and the convening bodies of the blocs it reports to (they read the missing list)."""
    convening = Bloc.objects.filter(members=report.organization_id).values_list("convening_id", flat=True)
    return of_bodies([report.organization_id, *convening])


def of_instance(instance) -> set[str]:
    """The areas whose dashboard shows this row (as it is in memory)."""
    from giaoban.directives.models import Directive, DirectiveUpdate
    from giaoban.meetings.models import Meeting
    from giaoban.reports.models import PeriodReport, ReportTemplate

    if isinstance(instance, Directive):
        return of_directive(instance)
    if isinstance(instance, DirectiveUpdate):
        directive = Directive.objects.select_related("meeting").filter(pk=instance.directive_id).first()
        return of_directive(directive) if directive is not None else set()  # gone with its directive
    if isinstance(instance, Meeting):
        return of_meeting(instance)
    if isinstance(instance, PeriodReport):
        return of_report(instance)
    if isinstance(instance, ReportTemplate):
        return of_bloc(instance.bloc_id)
    if isinstance(instance, Organization):
        return of_body(instance)
    if isinstance(instance, Bloc):
        return of_bloc(instance.pk) | of_bodies([instance.convening_id])
    return set()


def of_stored(instance) -> set[str]:
    """The areas of the row as the database holds it (before a save or delete changes it)."""
    if instance.pk is None:
        return set()
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    return of_instance(stored) if stored is not None else set()
