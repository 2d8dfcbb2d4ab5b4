"""What the directives app shows on a meeting's page (declared on DirectivesConfig, see meetings/hooks.py)."""

from django.http import HttpRequest

from giaoban.core.keyset import keyset_page
from giaoban.directives.carryover import pending_directives
from giaoban.directives.models import Directive
from giaoban.meetings.models import Meeting

# The unfinished directives of earlier briefings grow with the bloc's history: shown a page at a time
# ("Xem tiếp" loads the next one in place), in the order of the meetings that gave them.
PENDING_PAGE = 20
PENDING_ORDER = ["meeting_date", "meeting_id", "order", "pk"]


def meeting_context(request: HttpRequest, meeting: Meeting) -> dict:
    """The meeting's own directives, and a page of the earlier ones still open (with whether each came here)."""
    directives = (Directive.objects.filter(meeting=meeting).select_related("lead").prefetch_related("places")
                  .with_latest_update().order_by("order", "pk"))
    return {"directives": directives, **pending_context(request, meeting)}


def pending_context(request: HttpRequest, meeting: Meeting) -> dict:
    """One page of the earlier briefings' open directives (`?sau=` in the request: the page after a key)."""
    # No count: over a bloc's whole history it cost more than the page (a link to the next page is enough).
    page = keyset_page(request, pending_directives(meeting), PENDING_ORDER, PENDING_PAGE, count_limit=None)
    carried_here = set(meeting.carried_directives.filter(pk__in=[d.pk for d in page]).values_list("pk", flat=True))
    return {"pending": [(d, d.pk in carried_here) for d in page], "pending_page": page}
