from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from giaoban.accounts.access import home_organizations
from giaoban.dashboard import charts
from giaoban.dashboard.overview import overview


@login_required
def home(request: HttpRequest) -> HttpResponse:
    data = overview(request.user, timezone.localdate())
    given_chart, done_chart = charts.trend_charts(data.trend)
    return render(request, "dashboard/home.html", {
        "o": data, "home_organizations": home_organizations(request.user), "given_chart": given_chart,
        "done_chart": done_chart, "completion_chart": charts.completion_chart(data.rates),
    })
