"""Briefing series pages: the list, one series with its meetings and next date, and its form.

"Tạo kỳ giao ban tiếp theo" is a POST to the directives app (it writes the carry-over item).
"""

import datetime
from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from giaoban.accounts.access import visible_organizations
from giaoban.accounts.models import Role
from giaoban.core.editing import conflict, with_versions
from giaoban.core.paging import paginate
from giaoban.core.versioning import ConcurrentEditError
from giaoban.meetings import schedule
from giaoban.meetings.models import BriefingSeries
from giaoban.meetings.resolve import meeting_bodies
from giaoban.meetings.series_forms import SeriesForm, agenda_template_formset, save_agenda_template


def series_or_404(request: HttpRequest, pk: int, edit: bool = False) -> BriefingSeries:
    series = get_object_or_404(BriefingSeries.objects.select_related("bloc__convening", "host", "first_period"),
                               pk=pk)
    if not request.user.has_perm("meetings.view_series", series):
        raise Http404
    if edit and not request.user.has_perm("meetings.change_series", series):
        raise PermissionDenied
    return series


@login_required
def series_list(request: HttpRequest) -> HttpResponse:
    series = BriefingSeries.objects.visible_to(request.user).select_related("bloc", "host").distinct().order_by(
        "-active", "name", "pk")
    return render(request, "meetings/series_list.html", {
        "page": paginate(request, series, 30), "can_add": visible_organizations(request.user, Role.EDITOR).exists()})


@login_required
def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = series_or_404(request, pk)
    period = series.next_period()
    date = series.date_for(period)
    nominal = [d for d in _days_before(date) if not schedule.is_working_day(d)]
    return render(request, "meetings/series_detail.html", {
        "series": series, "meetings": series.meetings.select_related("period").order_by("-date"),
        "next_period": period, "next_date": date, "next_exists": series.meetings.filter(period=period).exists(),
        "skipped": [(d, schedule.holiday_name(d)) for d in nominal],
        "can_edit": request.user.has_perm("meetings.change_series", series),
    })


def _days_before(date: datetime.date) -> Iterator[datetime.date]:
    """The non-working days just before `date` that the rule skipped (shown so the move is explained)."""
    day = date - datetime.timedelta(days=1)
    while not schedule.is_working_day(day):
        yield day
        day -= datetime.timedelta(days=1)


@login_required
def series_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    series = series_or_404(request, pk, edit=True) if pk else BriefingSeries()
    if pk is None and not visible_organizations(request.user, Role.EDITOR).exists():
        raise PermissionDenied
    data = request.POST or None
    form = SeriesForm(data, instance=series, user=request.user)
    agenda = agenda_template_formset(series, meeting_bodies(request.user), data)
    clash = None
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        try:
            with transaction.atomic():
                saved = form.save(commit=False)
                saved.save_versioned(form.cleaned_data.get("version") or saved.version)
                form.save_m2m()
                save_agenda_template(saved, agenda)
        except ConcurrentEditError as error:
            clash = conflict(error)
            fresh = BriefingSeries.objects.get(pk=pk)
            form = SeriesForm(with_versions(request.POST, {"version": fresh.version}), instance=fresh,
                              user=request.user)
            form.is_valid()
        else:
            messages.success(request, _("Đã lưu chuỗi giao ban “%(name)s”.") % {"name": saved.name})
            return redirect("meetings:series_detail", saved.pk)
    return render(request, "meetings/series_form.html", {"form": form, "agenda": agenda, "series": series,
                                                         "conflict": clash}, status=409 if clash else 200)
