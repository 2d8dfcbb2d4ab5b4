"""The project's URLs plus the yardstick and the empty page, for the gunicorn the web benchmark starts."""

import yardstick
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from giaoban.urls import *  # noqa: F403 — the project's handlers as well as its patterns
from giaoban.urls import urlpatterns as project_urls


@login_required
def empty_page(request: HttpRequest) -> HttpResponse:
    """The floor every logged-in page pays: the middlewares, the session and user, base.html, nothing else."""
    return render(request, "base.html")


urlpatterns = [path("_yardstick/", yardstick.view), path("_empty/", empty_page), *project_urls]
