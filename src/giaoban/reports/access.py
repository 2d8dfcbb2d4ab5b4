"""Who may see, edit and review period reports.

* A body's own people (and those above it) see its reports; its editors edit them
  while they are drafts or sent back.
* The convening body of a bloc reads every member's reports (VIEWER or above on the
  convening body) and its editors/leaders accept or return them.
* Anyone else gets 404, so other bodies' reports do not leak.
"""

from django.db.models import Q, QuerySet

from giaoban.accounts.access import has_role, visible_organizations
from giaoban.accounts.models import Role
from giaoban.organisations.models import Bloc, Organization
from giaoban.reports.models import PeriodReport


def convened_blocs(user, minimum: int = Role.VIEWER) -> list[Bloc]:
    """Active blocs whose convening body the user holds at least `minimum` on."""
    if not user.is_authenticated:
        return []
    blocs = Bloc.objects.filter(active=True).select_related("convening").order_by("name")
    return [bloc for bloc in blocs if has_role(user, bloc.convening, minimum)]


def blocs_of(organization: Organization) -> QuerySet[Bloc]:
    return Bloc.objects.filter(members=organization, active=True).select_related("convening")


def convenes_for(user, organization: Organization, minimum: int = Role.VIEWER) -> bool:
    """Does the user sit (with `minimum`) on the convening body of a bloc `organization` belongs to?"""
    return user.is_authenticated and any(has_role(user, bloc.convening, minimum) for bloc in blocs_of(organization))


def can_view_reports_of(user, organization: Organization) -> bool:
    """The body's own people (and those above it), and the convening bodies of its blocs."""
    return has_role(user, organization, Role.VIEWER) or convenes_for(user, organization)


def can_view_report(user, report: PeriodReport) -> bool:
    return can_view_reports_of(user, report.organization)


def can_edit_report(user, report: PeriodReport) -> bool:
    return report.is_editable and has_role(user, report.organization, Role.EDITOR)


def can_review_report(user, report: PeriodReport) -> bool:
    return convenes_for(user, report.organization, Role.EDITOR)


def can_view_bloc_consolidation(user, bloc: Bloc) -> bool:
    return has_role(user, bloc.convening, Role.VIEWER)


def visible_reports(user) -> QuerySet[PeriodReport]:
    """The reports `can_view_report` lets the user see, as one query (for lists and search)."""
    if not user.is_authenticated:
        return PeriodReport.objects.none()
    if user.is_superuser:
        return PeriodReport.objects.all()
    visible = visible_organizations(user)
    convened = Bloc.objects.filter(active=True, convening__in=visible).values("members")
    return PeriodReport.objects.filter(Q(organization__in=visible) | Q(organization__in=convened))
