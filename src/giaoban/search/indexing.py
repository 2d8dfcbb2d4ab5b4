"""Keep one search entry per record, written whenever the record is saved or deleted.

Entry builders read only fields (no permission logic): who may see an entry is decided when
searching, by the records' own `visible_to` rules (query.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import nh3
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save

from giaoban.core.text import fold, nfc
from giaoban.directives.models import Directive, DirectiveUpdate
from giaoban.documents.models import Document
from giaoban.meetings.models import Conclusion, Meeting
from giaoban.organisations.models import Bloc, Organization
from giaoban.reports.models import PeriodReport, Section
from giaoban.search import resultcache, scope
from giaoban.search.models import EntryKind, SearchEntry

# Written both ways in practice: "MTTQ" in one record, "Mặt trận Tổ quốc" in the next.
ABBREVIATIONS = (
    ("mttq", "mat tran to quoc"),
    ("hnd", "hoi nong dan"),
    ("lhpn", "lien hiep phu nu"),
    ("ccb", "cuu chien binh"),
    ("dtn", "doan thanh nien"),
    ("ldld", "lien doan lao dong"),
    ("ubnd", "uy ban nhan dan"),
    ("bdv", "ban dan van"),
    ("ntm", "nong thon moi"),
)
_WORD = re.compile(r"[a-z0-9]+")
BATCH = 500


def words(text: str | None) -> list[str]:
    """The folded words of a text: what both the index and a query are made of."""
    return _WORD.findall(fold(text))


def folded_text(*parts: str | None) -> str:
    found = [w for part in parts for w in words(part)]
    padded = f" {' '.join(found)} "
    for short, long in ABBREVIATIONS:
        if f" {long} " in padded and f" {short} " not in padded:
            found.append(short)
        elif f" {short} " in padded and f" {long} " not in padded:
            found.extend(long.split())
    return " ".join(found)


def _entry(kind: str, obj, *, title: str, body: str = "", organization_id=None, period_id=None, date=None,
           directive_id=None, areas: set[int]) -> SearchEntry:
    title, body = nfc(title)[:500], nfc(body)
    return SearchEntry(kind=kind, object_id=obj.pk, directive_id=directive_id, title=title, body=body,
                       title_folded=" ".join(words(title))[:500], folded=folded_text(title, body),
                       organization_id=organization_id, period_id=period_id, date=date, scope=scope.text(areas))


def _meeting_areas(meeting: Meeting, areas: scope.Areas) -> set[int]:
    return areas.of([meeting.host_id]) | areas.of_bloc(meeting.bloc_id)


def _directive_areas(directive: Directive, areas: scope.Areas) -> set[int]:
    coordinating = [org.pk for org in directive.coordinating.all()] if directive.pk else []
    return areas.of([directive.lead_id, *coordinating]) | _meeting_areas(directive.meeting, areas)


def meeting_entry(meeting: Meeting, areas: scope.Areas | None = None) -> SearchEntry:
    conclusion = getattr(meeting, "conclusion_text", None)  # annotated by rebuild()
    if conclusion is None:
        conclusion = Conclusion.objects.filter(meeting=meeting).values_list("text", flat=True).first() or ""
    minutes = nh3.clean(meeting.minutes or "", tags=set())
    body = "\n".join(p for p in (meeting.place, conclusion, minutes) if p)
    return _entry(EntryKind.MEETING, meeting, title=meeting.title, body=body, organization_id=meeting.host_id,
                  period_id=meeting.period_id, date=meeting.date,
                  areas=_meeting_areas(meeting, areas or scope.Areas()))


def directive_entry(directive: Directive, areas: scope.Areas | None = None) -> SearchEntry:
    places = ", ".join(place.name for place in directive.places.all()) if directive.pk else ""
    lead = directive.lead.name if directive.lead_id else ""
    body = "\n".join(p for p in (directive.assignees_text, lead, directive.target_text, places) if p)
    meeting = directive.meeting
    return _entry(EntryKind.DIRECTIVE, directive, title=directive.text, body=body,
                  organization_id=directive.lead_id or meeting.host_id, period_id=meeting.period_id,
                  date=meeting.date, areas=_directive_areas(directive, areas or scope.Areas()))


def update_entry(update: DirectiveUpdate, areas: scope.Areas | None = None) -> SearchEntry:
    directive = update.directive
    return _entry(EntryKind.UPDATE, update, title=directive.text[:200], body=update.note,
                  organization_id=update.organization_id or directive.lead_id,
                  period_id=directive.meeting.period_id, date=update.created_at.date() if update.created_at else None,
                  directive_id=directive.pk, areas=_directive_areas(directive, areas or scope.Areas()))


def report_entry(report: PeriodReport, areas: scope.Areas | None = None) -> SearchEntry:
    body = "\n".join(getattr(report, name) for name in Section.values if getattr(report, name, ""))
    title = f"{report.organization.name} — {report.period.label}"
    day = (report.submitted_at or report.updated_at)
    return _entry(EntryKind.REPORT, report, title=title, body=body, organization_id=report.organization_id,
                  period_id=report.period_id, date=day.date() if day else None,
                  areas=(areas or scope.Areas()).of_report_body(report.organization_id))


def document_entry(document: Document, areas: scope.Areas | None = None) -> SearchEntry:
    period_id = document.period_id or (document.meeting.period_id if document.meeting_id else None)
    return _entry(EntryKind.DOCUMENT, document, title=f"{document.code} — {document.title}",
                  organization_id=document.issuer_id, period_id=period_id, date=document.issued_on,
                  areas=(areas or scope.Areas()).of([document.issuer_id]))


BUILDERS = {
    Meeting: (EntryKind.MEETING, meeting_entry),
    Directive: (EntryKind.DIRECTIVE, directive_entry),
    DirectiveUpdate: (EntryKind.UPDATE, update_entry),
    PeriodReport: (EntryKind.REPORT, report_entry),
    Document: (EntryKind.DOCUMENT, document_entry),
}
_FIELDS = ["kind", "directive_id", "title", "body", "title_folded", "folded", "organization", "period", "date",
           "scope"]


def index(obj) -> None:
    kind, build = BUILDERS[type(obj)]
    entry = build(obj)
    before = SearchEntry.objects.filter(kind=kind, object_id=obj.pk).values_list("scope", flat=True).first()
    SearchEntry.objects.update_or_create(kind=kind, object_id=obj.pk,
                                         defaults={f: getattr(entry, f) for f in _FIELDS})
    if kind == EntryKind.DIRECTIVE:  # its progress updates are seen from where it is seen
        SearchEntry.objects.filter(kind=EntryKind.UPDATE, directive_id=obj.pk).update(scope=entry.scope)
    elif kind == EntryKind.MEETING and before is not None and before != entry.scope:
        rescope_directives(obj.pk)  # a new host or bloc: its directives are seen from elsewhere now
    resultcache.bump_scopes([before, entry.scope])  # a directive's updates share its scope


def rescope_directives(*meeting_ids: int) -> None:
    """The areas of these meetings' directives and their updates, computed anew (scopes stay exact)."""
    resultcache.bump_all()  # rare (a meeting moved): not worth reading every scope it rewrites
    areas = scope.Areas()
    for directive in (Directive.objects.filter(meeting_id__in=meeting_ids).select_related("meeting")
                      .prefetch_related("coordinating")):
        SearchEntry.objects.filter(Q(kind=EntryKind.DIRECTIVE, object_id=directive.pk)
                                   | Q(kind=EntryKind.UPDATE, directive_id=directive.pk)).update(
            scope=scope.text(_directive_areas(directive, areas)))


def rescope_bloc(bloc_id: int, former_members: Iterable[int] = ()) -> None:
    """A bloc's convening body, members or state changed: its meetings, their directives and the
    reports of its members (present and former) are seen from other areas now. Rare: an office
    reorganising its blocs, so the work is done at once, per meeting and per member."""
    areas = scope.Areas()
    meetings = list(Meeting.objects.filter(bloc_id=bloc_id))
    for meeting in meetings:
        SearchEntry.objects.filter(kind=EntryKind.MEETING, object_id=meeting.pk).update(
            scope=scope.text(_meeting_areas(meeting, areas)))
    rescope_directives(*[m.pk for m in meetings])
    members = {*Bloc.members.through.objects.filter(bloc_id=bloc_id).values_list("organization_id", flat=True),
               *former_members}
    for org_id in members:
        reports = PeriodReport.objects.filter(organization_id=org_id).values("pk")
        SearchEntry.objects.filter(kind=EntryKind.REPORT, object_id__in=reports).update(
            scope=scope.text(areas.of_report_body(org_id)))


def _bloc_saved(sender, instance, raw=False, created=False, **kwargs) -> None:
    if not raw and not created:  # a new bloc has nothing indexed yet
        rescope_bloc(instance.pk)


def _bloc_members_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Members added or removed, from either side of the relation (a clear names nobody: read them before)."""
    if action == "pre_clear":
        instance._search_cleared = set(
            Bloc.members.through.objects.filter(**{"organization_id" if reverse else "bloc_id": instance.pk})
            .values_list("bloc_id" if reverse else "organization_id", flat=True))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    changed = getattr(instance, "_search_cleared", set()) if action == "post_clear" else set(pk_set or ())
    if reverse:  # an organisation joined or left these blocs
        for bloc_id in changed:
            rescope_bloc(bloc_id, former_members=[instance.pk])
    else:
        rescope_bloc(instance.pk, former_members=changed)


def rescope_bodies(org_ids: list[int]) -> None:
    """Every entry one of these bodies lets someone see, indexed anew (after they moved to another
    province). A commune's move touches its own rows; moving a whole province is a reorganisation
    better followed by `giaoban search-index`."""
    resultcache.bump_all()
    meetings = Meeting.objects.filter(Q(host__in=org_ids) | Q(bloc__convening__in=org_ids)
                                      | Q(bloc__members__in=org_ids)).distinct()
    for meeting in meetings:
        index(meeting)
    rescope_directives(*meetings.values_list("pk", flat=True))
    for directive in Directive.objects.filter(Q(lead__in=org_ids) | Q(coordinating__in=org_ids)).distinct():
        index(directive)
    convened = Bloc.members.through.objects.filter(bloc__convening__in=org_ids).values("organization_id")
    for report in PeriodReport.objects.filter(Q(organization__in=org_ids) | Q(organization__in=convened)):
        index(report)
    for document in Document.objects.filter(issuer__in=org_ids):
        index(document)


def _body_saving(sender, instance, raw=False, **kwargs) -> None:
    if not raw and instance.pk is not None:
        instance._search_old_path = Organization.objects.filter(pk=instance.pk).values_list(
            "tree_path", flat=True).first()


def _body_saved(sender, instance, raw=False, created=False, **kwargs) -> None:
    old_path = getattr(instance, "_search_old_path", None)
    if not raw and not created and old_path:
        # The new tree paths are written after post_save: look once the save is committed.
        transaction.on_commit(lambda: _body_moved(instance.pk, old_path))


def _body_moved(pk: int, old_path: str) -> None:
    new_path = Organization.objects.filter(pk=pk).values_list("tree_path", flat=True).first()
    areas = scope.Areas()
    if new_path is not None and areas.of_path(old_path) != areas.of_path(new_path):
        rescope_bodies(list(Organization.objects.filter(tree_path__startswith=new_path).values_list("pk", flat=True)))


def unindex(obj) -> None:
    kind, _ = BUILDERS[type(obj)]
    entries = SearchEntry.objects.filter(kind=kind, object_id=obj.pk)
    resultcache.bump_scopes(entries.values_list("scope", flat=True))
    entries.delete()


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # fixtures load raw rows whose relations may not exist yet
        index(instance.meeting if sender is Conclusion else instance)


def _related_changed(sender, instance, action, **kwargs) -> None:
    """Places are searched; coordinating bodies change who sees the directive."""
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Directive):
        index(instance)


def _deleted(sender, instance, **kwargs) -> None:
    unindex(instance)


def _batches(entries: Iterable[SearchEntry]) -> Iterator[list[SearchEntry]]:
    batch = []
    for entry in entries:
        batch.append(entry)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def rebuild() -> int:
    """Index every record anew (after a bulk load or a restore): returns the number of entries."""
    sources = (
        # Everything a batch needs in a few queries per 500 rows (prefetches run per chunk of the iterator).
        (Meeting.objects.annotate(conclusion_text=Coalesce(Subquery(
            Conclusion.objects.filter(meeting=OuterRef("pk")).values("text")[:1]), Value(""),
            output_field=TextField())), meeting_entry),
        (Directive.objects.select_related("meeting", "lead").prefetch_related("places", "coordinating"),
         directive_entry),
        (DirectiveUpdate.objects.select_related("directive__meeting").prefetch_related("directive__coordinating"),
         update_entry),
        (PeriodReport.objects.select_related("organization", "period"), report_entry),
        (Document.objects.select_related("meeting"), document_entry),
    )
    count, areas = 0, scope.Areas()
    with transaction.atomic():
        resultcache.bump_all()  # inside: the versions are replaced once the new entries are committed
        SearchEntry.objects.all().delete()
        for queryset, build in sources:
            for batch in _batches(build(obj, areas) for obj in queryset.iterator(chunk_size=BATCH)):
                SearchEntry.objects.bulk_create(batch)
                count += len(batch)
    return count


def _after_migrate(sender, **kwargs) -> None:
    """An installation upgraded to a version with search gets its existing records indexed once."""
    missing = not SearchEntry.objects.exists() and (Meeting.objects.exists() or PeriodReport.objects.exists())
    if missing or SearchEntry.objects.filter(scope="").exists():  # entries from before scopes
        rebuild()


def connect() -> None:
    for model in (*BUILDERS, Conclusion):
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-{model.__name__}")
    for model in BUILDERS:
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-unindex-{model.__name__}")
    m2m_changed.connect(_related_changed, sender=Directive.places.through, dispatch_uid="search-index-places")
    m2m_changed.connect(_related_changed, sender=Directive.coordinating.through,
                        dispatch_uid="search-index-coordinating")
    post_save.connect(_bloc_saved, sender=Bloc, dispatch_uid="search-scope-bloc")
    pre_save.connect(_body_saving, sender=Organization, dispatch_uid="search-scope-body-before")
    post_save.connect(_body_saved, sender=Organization, dispatch_uid="search-scope-body")
    m2m_changed.connect(_bloc_members_changed, sender=Bloc.members.through, dispatch_uid="search-scope-bloc-members")
    from django.apps import apps

    post_migrate.connect(_after_migrate, sender=apps.get_app_config("search"), dispatch_uid="search-rebuild")
