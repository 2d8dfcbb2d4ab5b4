"""What apps above meetings add to a meeting, without meetings importing them.

Meetings is a lower app: directives (and others) build on it, never the reverse.
An app that wants to react when a meeting is saved, or to show its records on
the meeting page, names a function on its AppConfig, as `nav_items` and
`reminder_provider` are declared:

    meeting_saved_hook = "giaoban.directives.carryover.on_meeting_saved"
    meeting_page_context = "giaoban.directives.pages.meeting_context"
    meeting_page_versions = "giaoban.directives.pages.meeting_versions"

The meeting page's shared parts are cached (meetings/pagecache.py): an app that adds to the page
names the data versions its part is built from, so that its writes make the cached page stale.
"""

from collections.abc import Callable
from functools import cache

from django.apps import apps
from django.utils.module_loading import import_string


@cache
def _declared(attribute: str) -> tuple[Callable, ...]:
    paths = [getattr(config, attribute, None) for config in apps.get_app_configs()]
    return tuple(import_string(path) for path in paths if path)


def meeting_saved(meeting, *, user=None, created: bool = False) -> list[str]:
    """Run every app's hook after a meeting and its parts were saved; the messages they return, for the user."""
    messages = [hook(meeting, user=user, created=created) for hook in _declared("meeting_saved_hook")]
    return [str(message) for message in messages if message]


def meeting_page(request, meeting) -> dict:
    """The context every app adds to the meeting page (its directives, the carry-over list…)."""
    context: dict = {}
    for provider in _declared("meeting_page_context"):
        context.update(provider(request, meeting))
    return context


def meeting_page_versions(meeting) -> list[str]:
    """The data versions (core/versions.py) of what the apps above meetings add to the meeting's page."""
    return [name for provider in _declared("meeting_page_versions") for name in provider(meeting)]
