"""What the directives app shows on a meeting's page (declared on DirectivesConfig, see meetings/hooks.py)."""

from django.http import HttpRequest

from giaoban.directives.carryover import pending_directives
from giaoban.directives.models import Directive
from giaoban.meetings.models import Meeting


def meeting_context(request: HttpRequest, meeting: Meeting) -> dict:
    """The meeting's own directives, and the earlier ones still open (with whether each came here)."""
    directives = (Directive.objects.filter(meeting=meeting).select_related("lead").prefetch_related("places")
                  .with_latest_update().order_by("order", "pk"))
    carried_here = set(meeting.carried_directives.values_list("pk", flat=True))
    return {"directives": directives,
            "pending": [(d, d.pk in carried_here) for d in pending_directives(meeting)]}
