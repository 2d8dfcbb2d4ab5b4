"""Storing a meeting's conclusion with its directives, and a reviewed import, each in one transaction."""

from django.db import transaction

from giaoban.directives.forms import directive_formset
from giaoban.directives.models import Directive
from giaoban.meetings import hooks
from giaoban.meetings.forms import save_attendances, save_chairs
from giaoban.meetings.models import Meeting
from giaoban.meetings.resolve import meeting_bodies


def directive_rows(user, meeting: Meeting, data=None, initial=None, extra: int = 3):
    """The formset of a meeting's directives (its saved ones, then `initial`, then `extra` empty rows)."""
    bodies = meeting_bodies(user, meeting.host if meeting.host_id else None, meeting.bloc)
    queryset = (Directive.objects.filter(meeting=meeting).prefetch_related("places", "coordinating")
                if meeting.pk else Directive.objects.none())
    FormSet = directive_formset(extra=len(initial or []) + extra)
    return FormSet(data, queryset=queryset, prefix="directives", bodies=bodies, initial=initial,
                   near=meeting.host.locality if meeting.host_id else None, meeting_date=meeting.date)


def save_directives(meeting: Meeting, formset) -> None:
    """Save the rows with their own version check; raises ConcurrentEditError on a stale row."""
    order = meeting.directives.count()
    for form in formset.forms:
        if not form.has_changed() and not form.instance.pk:
            continue
        if form in formset.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
            continue
        if not form.cleaned_data.get("text"):
            continue
        directive = form.save(commit=False)
        directive.meeting = meeting
        if directive.pk:
            directive.save_versioned(form.cleaned_data.get("version") or directive.version)
        else:
            directive.order = order
            order += 1
            directive.save()
        form.save_m2m()
        form.save_places(directive)


@transaction.atomic
def save_conclusion(meeting: Meeting, form, formset, user) -> None:
    """The conclusion with its directive rows (`formset` None: the conclusion alone, as the API writes it)."""
    conclusion = form.apply(meeting)
    conclusion.save_versioned(form.cleaned_data.get("version") or conclusion.version)
    if formset is not None:
        save_directives(meeting, formset)
    if conclusion.text or meeting.directives.exists():
        meeting.mark_concluded(by=user)


@transaction.atomic
def save_import(user, form, chairs, attendance, conclusion, formset, source_text: str) -> Meeting:
    """The reviewed import: all of it, or nothing."""
    meeting = form.save(commit=False)
    meeting.created_by = user
    meeting.source_text = source_text[:200_000]
    meeting.save()
    save_chairs(meeting, chairs)
    save_attendances(meeting, attendance)
    conclusion.apply(meeting).save()
    save_directives(meeting, formset)
    hooks.meeting_saved(meeting, user=user, created=True)
    meeting.mark_concluded(by=user)
    return meeting
