"""The areas (provinces: the top body of the tree above a body) that a write changes the dashboard of.

A province's users see their area's directives, meetings and reports, plus the few that reach
into it from another area (a lead or coordinating body, a bloc's convening body or member lying
here). So a write concerns the area it lives in and, when it reaches out, the areas of the bodies
it involves; the dashboards of every other province stay cached. What a row was before a save
matters as much as what it becomes (a lead moved elsewhere leaves a dashboard), so the callers
ask both before and after the write.
"""

from __future__ import annotations

# The areas of bodies, blocs, directives and meetings live with the directives (the directive lists use them too).
from giaoban.directives.areas import of_bloc, of_bodies, of_body, of_directive, of_meeting
from giaoban.organisations.models import Bloc, Organization

__all__ = ["of_bloc", "of_bodies", "of_body", "of_directive", "of_instance", "of_meeting", "of_report", "of_stored"]


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
