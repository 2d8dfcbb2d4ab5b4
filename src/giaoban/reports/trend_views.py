"""One indicator over the last periods, as a chart with its table: a bloc's total with each member's
figure (from the bloc's consolidation), or one body's own figures (from its report)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from giaoban.organisations.models import Organization
from giaoban.periods.logic import PeriodKey
from giaoban.periods.models import Period
from giaoban.reports import access
from giaoban.reports.charts import trend_chart
from giaoban.reports.consolidation import bloc_trend, body_trend
from giaoban.reports.models import Indicator
from giaoban.reports.views import _bloc_or_404


@login_required
def bloc_indicator_trend(request: HttpRequest, bloc_pk: int, period: PeriodKey, indicator_pk: int) -> HttpResponse:
    bloc = _bloc_or_404(request, bloc_pk)
    period, indicator = Period.objects.for_key(period), get_object_or_404(Indicator, pk=indicator_pk)
    bodies, points = bloc_trend(bloc, period, indicator)
    return render(request, "reports/indicator_trend.html", {
        "bloc": bloc, "subject": bloc.name, "period": period, "indicator": indicator, "points": points,
        "bodies": bodies, "chart": trend_chart(indicator, points, _("%(name)s — tổng của khối") % {
            "name": indicator.name})})


@login_required
def body_indicator_trend(request: HttpRequest, organization_pk: int, period: PeriodKey, indicator_pk: int
                         ) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=organization_pk)
    if not access.can_view_reports_of(request.user, organization):
        raise Http404
    period, indicator = Period.objects.for_key(period), get_object_or_404(Indicator, pk=indicator_pk)
    points = body_trend(organization, period, indicator)
    return render(request, "reports/indicator_trend.html", {
        "organization": organization, "subject": organization.name, "period": period, "indicator": indicator,
        "points": points, "chart": trend_chart(indicator, points, _("%(name)s — %(body)s") % {
            "name": indicator.name, "body": organization.short_name or organization.name})})
