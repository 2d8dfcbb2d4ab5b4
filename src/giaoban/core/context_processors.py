from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def _app_nav() -> list[dict]:
    """Navigation links that apps declare as `nav_items = [(url name, label)]` on their AppConfig."""
    items = []
    for config in apps.get_app_configs():
        for url_name, label in getattr(config, "nav_items", ()):
            try:
                items.append({"url": reverse(url_name), "label": label})
            except NoReverseMatch:
                continue
    return items


def site(request: HttpRequest) -> dict:
    context = {"DEMO_MODE": settings.DEMO, "unread_notifications": 0, "app_nav": []}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from giaoban.notifications.models import unread_count

        context["unread_notifications"] = unread_count(user)
        context["app_nav"] = _app_nav()
    return context
