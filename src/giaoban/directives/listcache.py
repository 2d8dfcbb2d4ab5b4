"""The directive lists' filters and results in the shared cache, never older than the last write they show.

A list page (the directive list, "việc của đơn vị tôi") costs a form with its lead options, a
keyset read of 50 rows with their lead, meeting, places and latest progress, and the rendering of
all of it; most requests ask a page nothing has changed since it was last built. The rendered
fragments are kept in the shared cache (core/versions.py) under a key made of:

- the list and the normalised query string (filters, sort, the keyset token);
- the day (overdue and "sắp đến hạn" depend on it) and the language;
- the user's memberships (accounts.access.membership_key): what a user sees and may report on is a
  function of them, so two users share an entry only when they hold the same roles on the same bodies;
- the data versions of the areas (provinces) of the user's bodies, and a shared version.

Every write that changes what a list shows replaces, after it commits, the versions of the areas
it concerns (directives/areas.py, as the row was and as it is): a directive, its places,
coordinating bodies and the meetings it is carried to, a progress update, a meeting (title, day;
and the areas its reaching-out directives are seen from). Writes to what every list prints but
rarely changes (a body's name, a bloc, a place's name, a period) replace the shared version. A
superuser's entry is keyed by the global version only, which every write replaces. The API's
directive, meeting and body lists are cached under the same versions (api/lists.py).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import HttpRequest
from django.utils import translation

from giaoban.accounts.access import membership_key, user_areas
from giaoban.core import versions
from giaoban.directives import areas

VERSION = "directive-lists"  # the global version: every write replaces it (a superuser's lists)
SHARED = f"{VERSION}:shared"  # what every list prints but rarely changes (names, blocs, periods)
# A safety net only: the versions make an entry unreachable as soon as the data changes.
TIMEOUT_SECONDS = 15 * 60
_BEFORE = "_directive_lists_areas_before"


def area_version(area: str) -> str:
    return f"{VERSION}:{area}"  # as versions.bump_areas_after_commit names it


def version_names(user) -> list[str]:
    """The versions a user's lists are keyed by: the shared one, and one per area of the user's bodies."""
    found = user_areas(user)
    return [VERSION] if found is None else [SHARED, *(area_version(area) for area in found)]


def cache_key(request: HttpRequest, kind: str, today: datetime.date) -> str:
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    parts = [kind, today.isoformat(), translation.get_language() or "", membership_key(request.user),
             *versions.current_many(version_names(request.user)), repr(query)]
    return f"{VERSION}:{hashlib.sha256(chr(31).join(parts).encode()).hexdigest()}"


def fragments(request: HttpRequest, kind: str, today: datetime.date,
              build: Callable[[], dict[str, str]]) -> dict[str, str]:
    """The rendered fragments of list `kind` for this request, built by `build()` when the cache has none."""
    key = cache_key(request, kind, today)
    return versions.built(key, build, TIMEOUT_SECONDS)


def bump(touched: Iterable[str]) -> None:
    """Replace, after the commit, the versions of these areas and the global one (a superuser's lists)."""
    versions.bump_areas_after_commit(VERSION, touched)


def bump_all(*_args, **kwargs) -> None:
    """A write every list may print (a body's or a place's name, a bloc, a period): every list is rebuilt."""
    if not kwargs.get("raw"):
        versions.bump_after_commit(VERSION)
        versions.bump_after_commit(SHARED)


def _of(instance) -> set[str]:
    from giaoban.directives.models import Directive, DirectiveUpdate
    from giaoban.meetings.models import Meeting

    if isinstance(instance, Directive):
        return areas.of_directive(instance)
    if isinstance(instance, DirectiveUpdate):
        directive = Directive.objects.select_related("meeting").filter(pk=instance.directive_id).first()
        return areas.of_directive(directive) if directive is not None else set()  # gone with its directive
    if isinstance(instance, Meeting):
        # Its directives print its title and day; those reaching out are seen from their bodies' areas too.
        reaching = Directive.objects.filter(meeting=instance.pk, reaches_out=True) if instance.pk else None
        bodies = [] if reaching is None else [
            *reaching.values_list("lead_id", flat=True),
            *Directive.coordinating.through.objects.filter(directive__in=reaching).values_list("organization_id",
                                                                                               flat=True)]
        return areas.of_meeting(instance) | areas.of_bodies(bodies)
    return set()


def _before(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or instance.pk is None:
        return
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    setattr(instance, _BEFORE, _of(stored) if stored is not None else set())


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures loading: nothing is cached for data being loaded
        return
    bump(getattr(instance, _BEFORE, set()) | _of(instance))


def _m2m_changed(sender, instance, action: str, reverse: bool, model, pk_set, **kwargs) -> None:
    """A directive's places, coordinating bodies or later meetings (from either side of the relation)."""
    if action.startswith("pre_") and action != "pre_clear":
        return
    if action == "pre_clear":  # the cleared rows are gone after it: remember their areas now
        setattr(instance, _BEFORE, _of(instance) if not reverse else set().union(
            *(areas.of_directive(d) for d in _directives_of(sender, instance))))
        return
    touched = getattr(instance, _BEFORE, set())
    if reverse:  # a body's or a place's directives changed: the areas of those directives
        for directive in model._default_manager.filter(pk__in=pk_set or []):
            touched |= areas.of_directive(directive)
    else:
        touched |= _of(instance)
    bump(touched)


def _directives_of(through, target) -> list:
    from giaoban.directives.models import Directive

    field = next(f.name for f in through._meta.get_fields() if f.name != "directive" and f.many_to_one)
    return list(Directive.objects.filter(pk__in=through.objects.filter(**{field: target}).values("directive_id")))


def connect() -> None:
    """Listen to every write the lists show (called once, from the app's ready())."""
    from giaoban.directives.models import Directive, DirectiveUpdate
    from giaoban.meetings.models import Meeting
    from giaoban.organisations.models import AdminUnit, Bloc, Organization
    from giaoban.periods.models import Period

    for model in (Directive, Meeting):  # rows that can move between areas are read before the write
        pre_save.connect(_before, sender=model, dispatch_uid=f"directive-lists-before-save-{model.__name__}")
        pre_delete.connect(_before, sender=model, dispatch_uid=f"directive-lists-before-delete-{model.__name__}")
    for model in (Directive, DirectiveUpdate, Meeting):
        post_save.connect(_changed, sender=model, dispatch_uid=f"directive-lists-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"directive-lists-delete-{model.__name__}")
    # The meetings a directive was carried to: its page, its old meeting's page and the API's list show them.
    for through in (Directive.coordinating.through, Directive.places.through, Directive.carried_to.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"directive-lists-m2m-{through.__name__}")
    for model in (Organization, Bloc, AdminUnit, Period):
        post_save.connect(bump_all, sender=model, dispatch_uid=f"directive-lists-all-save-{model.__name__}")
        post_delete.connect(bump_all, sender=model, dispatch_uid=f"directive-lists-all-delete-{model.__name__}")
    m2m_changed.connect(bump_all, sender=Bloc.members.through, dispatch_uid="directive-lists-all-bloc-members")
