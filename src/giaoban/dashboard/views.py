from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from giaoban.accounts.access import home_organizations
from giaoban.dashboard import caching, charts
from giaoban.dashboard.overview import ROWS, Overview, shared_figures, unread_notifications


def _figures_html(data: Overview) -> tuple[SafeString, SafeString]:
    """The tiles and panels every user who sees the same bodies sees, as HTML (the user's own parts apart)."""
    given_chart, done_chart = charts.trend_charts(data.trend)
    context = {"o": data, "given_chart": given_chart, "done_chart": done_chart,
               "completion_chart": charts.completion_chart(data.rates)}
    return (SafeString(render_to_string("dashboard/_tiles.html", context)),
            SafeString(render_to_string("dashboard/_panels.html", context)))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user, today = request.user, timezone.localdate()
    tiles, panels = caching.shared(user, today, lambda: _figures_html(shared_figures(user, today)),
                                   variant=f"html-{get_language()}")
    unread_count, unread = unread_notifications(user, ROWS)
    return render(request, "dashboard/home.html", {
        "tiles": tiles, "panels": panels, "unread_count": unread_count, "unread": unread,
        "unread_notifications": unread_count, "home_organizations": home_organizations(user)})
