"""The directive list's filters and sorting, shared by the list page, "việc của đơn vị tôi" and the benchmark."""

import datetime

from django.db.models import F, Q, QuerySet

from giaoban.core import textsearch
from giaoban.core.collation import vietnamese
from giaoban.core.text import fold
from giaoban.directives.forms import SORTS
from giaoban.directives.models import DirectiveQuerySet
from giaoban.organisations.models import AdminUnit, Bloc, Organization


def apply_filters(directives: DirectiveQuerySet, data: dict, today: datetime.date) -> DirectiveQuerySet:
    """Narrow `directives` by the cleaned FilterForm data; overdue is derived from the deadline, never stored."""
    status = data.get("status")
    if status == "open":
        directives = directives.open()
    elif status:
        directives = directives.filter(status=status)
    if data.get("overdue"):
        directives = directives.overdue(today)
    if data.get("lead"):
        directives = directives.filter(lead=data["lead"])
    if data.get("priority") is not None:
        directives = directives.filter(priority=data["priority"])
    key = data.get("period_key")
    if key is not None:
        directives = directives.filter(meeting__period__type=key.type, meeting__period__year=key.year,
                                       meeting__period__number=key.number)
    if data.get("deadline_from"):
        directives = directives.filter(deadline__gte=data["deadline_from"])
    if data.get("deadline_to"):
        directives = directives.filter(deadline__lte=data["deadline_to"])
    if data.get("place"):
        key = fold(data["place"])
        units = AdminUnit.objects.filter(Q(short_name_folded__contains=key) | Q(name_folded__contains=key))
        # A commune also matches the directives naming its hamlets.
        directives = directives.filter(Q(places__in=units) | Q(places__parent__in=units)).distinct()
    if data.get("q"):
        directives = textsearch.matching(directives, data["q"], "text")
    return directives.order_by(*ordering(data.get("sort") or "deadline"))


# Sorts by text: the database's collation orders them, so their pages are read in one query.
TEXT_SORTS = ("lead", "status")
# Columns that may be empty: their empty rows go last, on every database (and the keyset pages know it).
NULLABLE = ("deadline", "lead__name")


def ordering(sort: str) -> list:
    """Order by the chosen sort; directives without a deadline (or a lead) go last either way, on every database."""
    fields = []
    for name in SORTS.get(sort, SORTS["deadline"]):
        if name.lstrip("-") in NULLABLE:
            expr = F(name.lstrip("-"))
            fields.append(expr.desc(nulls_last=True) if name.startswith("-") else expr.asc(nulls_last=True))
        else:
            fields.append(name)
    return fields


def lead_options(user, selected: str | None = None) -> QuerySet[Organization]:
    """The lead filter's choices: the user's bodies, the bodies right below them and the members of their blocs.

    A few dozen options, where every lead of the visible directives gave a central admin ≈20k
    and cost a pass over all of them; any other visible body can still be filtered by its id
    (links, "việc của đơn vị tôi"), and the one chosen is always offered.
    """
    from giaoban.accounts.access import home_organization_ids

    homes = home_organization_ids(user)
    # Ids read through their indexes first: one OR over the bodies and blocs tables read all of them.
    blocs = list(Bloc.objects.filter(convening__in=homes).order_by().values_list("pk", flat=True).union(
        Bloc.members.through.objects.filter(organization__in=homes).order_by().values_list("bloc_id", flat=True)))
    near = (Bloc.members.through.objects.filter(bloc__in=blocs).order_by().values_list("organization_id", flat=True)
            .union(Organization.objects.filter(parent__in=homes).order_by().values_list("pk", flat=True)))
    wanted = Q(pk__in={*homes, *near})
    if user.is_superuser and not homes:
        wanted = Q(parent__isnull=True)
    if selected and str(selected).isdigit():
        wanted |= Q(pk=int(selected))
    return Organization.objects.filter(wanted).order_by(vietnamese("name"))


def read_in_parts(directives: DirectiveQuerySet, parts: list[Q] | None,
                  sort: str) -> tuple[DirectiveQuerySet, list[Q] | None]:
    """`directives` and the visibility parts a keyset page should read them by (see `visible_parts`).

    Several parts are read one by one in the list's order and merged; with one part, or a sort by
    names (collated by the database, which Python's merge cannot follow), their union is one filter.
    """
    from giaoban.directives.models import any_of

    if parts is not None and (len(parts) < 2 or sort in TEXT_SORTS):
        return directives.filter(any_of(parts)), None
    return directives, parts
