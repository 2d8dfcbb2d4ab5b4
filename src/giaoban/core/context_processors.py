import functools

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language


@functools.lru_cache(maxsize=32)
def _app_nav(language: str | None, urlconf: str | None, prefix: str) -> tuple[tuple[str, str], ...]:
    """Navigation links that apps declare as `nav_items = [(url name, label)]` on their AppConfig.

    A pure function of the code, the language and the URL prefix, so it is worked out once per process
    for each of them (the labels translated then), not on every page.
    """
    items = []
    for config in apps.get_app_configs():
        for url_name, label in getattr(config, "nav_items", ()):
            try:
                items.append((reverse(url_name), str(label)))
            except NoReverseMatch:
                continue
    return tuple(items)


def site(request: HttpRequest) -> dict:
    context = {"DEMO_MODE": settings.DEMO, "unread_notifications": 0, "app_nav": ()}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from giaoban.notifications.models import unread_count

        # Counted only when a template shows it (a full page's header), not for partial responses;
        # a view that has counted them already passes its own `unread_notifications`.
        context["unread_notifications"] = SimpleLazyObject(lambda: unread_count(user))
        context["app_nav"] = _app_nav(get_language(), get_urlconf(), get_script_prefix())
    return context
