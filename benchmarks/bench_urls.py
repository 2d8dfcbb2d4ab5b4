"""The project's URLs plus the yardstick, for the gunicorn the web benchmark starts."""

import yardstick
from django.urls import path

from giaoban.urls import *  # noqa: F403 — the project's handlers as well as its patterns
from giaoban.urls import urlpatterns as project_urls

urlpatterns = [path("_yardstick/", yardstick.view), *project_urls]
