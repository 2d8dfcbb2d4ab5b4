from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from giaoban.accounts.access import home_organizations, visible_organizations


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {
        "home_organizations": home_organizations(request.user),
        "visible_count": visible_organizations(request.user).count(),
    })


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
