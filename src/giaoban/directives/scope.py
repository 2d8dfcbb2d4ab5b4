"""Where a directive belongs: its area (the top body above its meeting's host) and whether it reaches out of it.

Stored on the directive so that a province's users find its directives by one indexed equality
(`area`, in the list's order) instead of testing every directive of the country against their
bodies; the few directives that involve a body of another area (a lead, a coordinating body, a
bloc's convening body or member) are flagged (`reaches_out`) and found through a small index.
Kept right here: on every save of a directive, and when what it depends on changes (its
coordinating bodies, its meeting's host or bloc, the bloc's members, a body's place in the tree).
"""

from collections.abc import Iterable

from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save, pre_save

from giaoban.meetings.models import Meeting
from giaoban.organisations.areas import top_path
from giaoban.organisations.models import Bloc, Organization

BATCH = 500


class AreaField(models.CharField):
    """The top body's path above the meeting's host, set on every save and bulk insert (both call pre_save)."""

    def pre_save(self, instance, add: bool) -> str:
        value = top_path(instance.meeting.host.tree_path) if instance.meeting_id else ""
        setattr(instance, self.attname, value)
        return value


class MeetingDateField(models.DateField):
    """The meeting's day, copied so that the list's orders and their index live on the directive alone."""

    def pre_save(self, instance, add: bool):
        value = instance.meeting.date if instance.meeting_id else getattr(instance, self.attname)
        setattr(instance, self.attname, value)
        return value


def scope_of(directive) -> tuple[str, bool]:
    """(area, reaches_out) of a directive, from its meeting's host, lead, coordinating bodies and bloc."""
    meeting = directive.meeting
    area = top_path(meeting.host.tree_path)
    bodies = [directive.lead] if directive.lead_id else []
    if directive.pk:
        bodies += list(directive.coordinating.all())
    if meeting.bloc_id:
        bodies += [meeting.bloc.convening, *meeting.bloc.members.all()]
    return area, any(top_path(body.tree_path) != area for body in bodies)


def refresh(directives: Iterable) -> int:
    """Store the area, reach and meeting day of these directives where they changed; how many changed."""
    from giaoban.directives.models import Directive

    ids = [d.pk for d in directives] if not hasattr(directives, "values_list") else None
    rows = Directive.objects.filter(pk__in=ids) if ids is not None else directives
    rows = (rows.select_related("meeting__host", "meeting__bloc__convening", "lead")
            .prefetch_related("coordinating", "meeting__bloc__members").order_by("pk"))
    changed = []
    for directive in rows.iterator(chunk_size=BATCH):
        stored = (directive.area, directive.reaches_out, directive.meeting_date)
        directive.area, directive.reaches_out = scope_of(directive)
        directive.meeting_date = directive.meeting.date
        if stored != (directive.area, directive.reaches_out, directive.meeting_date):
            changed.append(directive)
    Directive.objects.bulk_update(changed, ["area", "reaches_out", "meeting_date"], batch_size=BATCH)
    return len(changed)


# Set-based, for a database loaded in bulk (synth): the area of rows stored without it, then every
# row's reach (whether a lead, coordinating body or the bloc's convening body or member is outside it).
_FILL_AREA = """
UPDATE directives_directive SET area = (
    SELECT '/' || substr(o.tree_path, 2, {find}(substr(o.tree_path, 2), '/') - 1) || '/'
    FROM meetings_meeting m JOIN organisations_organization o ON o.id = m.host_id
    WHERE m.id = directives_directive.meeting_id) WHERE area = ''
"""
_OUTSIDE = "o.tree_path NOT LIKE d.area || '%'"
# The directives reaching out, as one set built by joins: correlated EXISTS per row let PostgreSQL scan
# every body (and every bloc membership) once per directive on a freshly loaded database — hours at a
# million directives; the joins are linear in the rows.
_REACH = f"""
WITH outside(id) AS (
    SELECT d.id FROM directives_directive d JOIN organisations_organization o ON o.id = d.lead_id
    WHERE {_OUTSIDE}
    UNION SELECT d.id FROM directives_directive d
    JOIN directives_directive_coordinating c ON c.directive_id = d.id
    JOIN organisations_organization o ON o.id = c.organization_id WHERE {_OUTSIDE}
    UNION SELECT d.id FROM directives_directive d JOIN meetings_meeting m ON m.id = d.meeting_id
    JOIN organisations_bloc b ON b.id = m.bloc_id JOIN organisations_organization o ON o.id = b.convening_id
    WHERE {_OUTSIDE}
    UNION SELECT d.id FROM directives_directive d JOIN meetings_meeting m ON m.id = d.meeting_id
    JOIN organisations_bloc_members bm ON bm.bloc_id = m.bloc_id
    JOIN organisations_organization o ON o.id = bm.organization_id WHERE {_OUTSIDE}
)
UPDATE directives_directive SET reaches_out = NOT reaches_out
WHERE reaches_out <> (id IN (SELECT id FROM outside))
"""


def rebuild_scope() -> None:
    """Fill the area and reach of every directive after a bulk load, in SQL (minutes at a million rows)."""
    from django.db import connection

    find = "strpos" if connection.vendor == "postgresql" else "instr"
    with connection.cursor() as cursor:
        cursor.execute(_FILL_AREA.format(find=find))
        cursor.execute(_REACH)


def _on_coordinating_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    from giaoban.directives.models import Directive

    if reverse:  # organization.coordinated_directives changed: the directives named in pk_set
        refresh(Directive.objects.filter(pk__in=pk_set or []) if pk_set else instance.coordinated_directives.all())
    else:
        refresh([instance])


def _on_meeting_saved(sender, instance: Meeting, created: bool, raw: bool = False, **kwargs) -> None:
    if not created and not raw:
        refresh(instance.directives.all())


def _on_bloc_saved(sender, instance: Bloc, created: bool, raw: bool = False, **kwargs) -> None:
    if not created and not raw:
        _refresh_bloc(instance.pk)


def _on_bloc_members_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    for bloc in (pk_set or []) if reverse else [instance.pk]:
        _refresh_bloc(bloc)


def _refresh_bloc(bloc_id: int) -> None:
    from giaoban.directives.models import Directive

    refresh(Directive.objects.filter(meeting__bloc=bloc_id))


def _on_organization_saving(sender, instance: Organization, raw: bool = False, **kwargs) -> None:
    """A body moved to another top changes the area of what it hosts and the reach of what it touches."""
    if raw or not instance.pk or not instance.tree_path:
        return
    moved_to = f"{instance.parent.tree_path if instance.parent_id else '/'}{instance.pk}/"
    if top_path(moved_to) != top_path(instance.tree_path):
        # Organization.save rewrites the subtree's paths after this signal: refresh once they are stored.
        transaction.on_commit(lambda: _refresh_within(moved_to))


def _refresh_within(tree_path: str) -> None:
    from giaoban.directives.models import Directive

    within = Organization.objects.filter(tree_path__startswith=tree_path).values("pk")
    blocs = Bloc.objects.filter(Q(convening__in=within) | Q(members__in=within)).values("pk")
    touched = Directive.objects.filter(Q(meeting__host__in=within) | Q(lead__in=within)
                                       | Q(coordinating__in=within) | Q(meeting__bloc__in=blocs))
    refresh(Directive.objects.filter(pk__in=touched.values("pk")))


def connect() -> None:
    from giaoban.directives.models import Directive

    m2m_changed.connect(_on_coordinating_changed, sender=Directive.coordinating.through,
                        dispatch_uid="directive_scope_coordinating")
    post_save.connect(_on_meeting_saved, sender=Meeting, dispatch_uid="directive_scope_meeting")
    post_save.connect(_on_bloc_saved, sender=Bloc, dispatch_uid="directive_scope_bloc")
    m2m_changed.connect(_on_bloc_members_changed, sender=Bloc.members.through,
                        dispatch_uid="directive_scope_bloc_members")
    pre_save.connect(_on_organization_saving, sender=Organization, dispatch_uid="directive_scope_organization")
