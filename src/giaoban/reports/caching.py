"""A bloc's consolidation page in the shared cache, per bloc, period and language, under data versions.

The figures, the status of each member's report, the sections and the charts are the same for
everyone allowed to open the page, so they are rendered once and kept as HTML (only who may send
reminders, and the page around them, is per user). The key holds the data versions
(core/versions.py) that every write changing what the page shows replaces after it commits:

- `reports:org:<id>` of each reporting member: any write to its reports or their values (the
  write path that rewrites its stored totals, totals.refresh) and any change to the body itself
  (its name, its type);
- `reports:bloc:<id>`: the bloc, its members, its report templates, their indicators and the
  deadlines set for a period;
- `reports:catalogue`: any indicator (name, unit, format, whom it applies to), and every bulk
  rebuild of the totals (rebuild_totals, after loads that bypass the write path).

A write in one province replaces only the versions of its own bodies and blocs; the TIMEOUT is a
safety net only.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from giaoban.core import versions
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.logic import PeriodKey

CATALOGUE = "reports:catalogue"
TIMEOUT_SECONDS = 15 * 60


def org_version(organization_id: int) -> str:
    return f"reports:org:{organization_id}"


def bloc_version(bloc_id: int) -> str:
    return f"reports:bloc:{bloc_id}"


def cache_key(bloc: Bloc, key: PeriodKey) -> str:
    """The entry's key: the bloc, the period, the language and the versions of everything it shows."""
    members = sorted(Bloc.members.through.objects.filter(bloc_id=bloc.pk).values_list("organization_id", flat=True))
    names = [CATALOGUE, bloc_version(bloc.pk), *(org_version(pk) for pk in members)]
    return f"consolidation:{bloc.pk}:{key.type}-{key.year}-{key.number}:{get_language()}:" + "-".join(
        versions.current_many(names))


def shared(bloc: Bloc, key: PeriodKey, build: Callable[[], object]) -> object:
    """The entry of the bloc's page for the period, built by `build()` when the cache has none."""
    entry_key = cache_key(bloc, key)
    found = cache.get(entry_key)
    if found is None:
        found = build()
        cache.set(entry_key, found, TIMEOUT_SECONDS)
    return found


def bump_organization(organization_id: int | None) -> None:
    if organization_id is not None:
        versions.bump_after_commit(org_version(organization_id))


def bump_bloc(bloc_id: int | None) -> None:
    if bloc_id is not None:
        versions.bump_after_commit(bloc_version(bloc_id))


def bump_catalogue() -> None:
    versions.bump_after_commit(CATALOGUE)


def _organization_changed(sender, instance: Organization, **kwargs) -> None:
    # A body just made is in no bloc and has no report yet: no page shows it (and a bulk import of
    # units queues nothing).
    if not kwargs.get("raw") and not kwargs.get("created"):
        bump_organization(instance.pk)


def _bloc_changed(sender, instance: Bloc, **kwargs) -> None:
    if not kwargs.get("raw"):
        bump_bloc(instance.pk)


def _members_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not action.startswith("post_") and action != "pre_clear":
        return
    if not reverse:
        bump_bloc(instance.pk)
    elif action == "pre_clear":  # a body leaves all its blocs: they are known only before the clear
        for bloc_id in Bloc.members.through.objects.filter(organization_id=instance.pk).values_list(
                "bloc_id", flat=True):
            bump_bloc(bloc_id)
    else:
        for bloc_id in pk_set or ():
            bump_bloc(bloc_id)


def _template_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        bump_bloc(instance.bloc_id)


def _template_indicators_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if reverse:  # an indicator's templates changed: the catalogue version covers every bloc
        bump_catalogue()
    else:
        bump_bloc(instance.bloc_id)


def _deadline_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    from giaoban.reports.models import ReportTemplate

    bump_bloc(ReportTemplate.objects.filter(pk=instance.template_id).values_list("bloc_id", flat=True).first())


def _indicator_changed(sender, instance, **kwargs) -> None:
    if not kwargs.get("raw"):
        bump_catalogue()


def connect() -> None:
    """Listen to the writes the page shows (called once, from the app's ready()); report and value writes
    replace their body's version in totals.refresh, the one write path they all take."""
    from giaoban.reports.models import Indicator, ReportDeadline, ReportTemplate

    for model, receiver in ((Organization, _organization_changed), (Bloc, _bloc_changed),
                            (ReportTemplate, _template_changed), (ReportDeadline, _deadline_changed),
                            (Indicator, _indicator_changed)):
        post_save.connect(receiver, sender=model, dispatch_uid=f"consolidation-save-{model.__name__}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"consolidation-delete-{model.__name__}")
    m2m_changed.connect(_members_changed, sender=Bloc.members.through, dispatch_uid="consolidation-members")
    m2m_changed.connect(_template_indicators_changed, sender=ReportTemplate.indicators.through,
                        dispatch_uid="consolidation-template-indicators")
