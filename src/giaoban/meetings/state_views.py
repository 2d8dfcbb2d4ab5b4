"""The meeting page's state buttons: invited, held, closed, postponed or cancelled (with a reason)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.meetings import states
from giaoban.meetings.rules import can_lead_meeting
from giaoban.meetings.views import visible_meeting_or_404


@login_required
@require_POST
def meeting_transition(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = visible_meeting_or_404(request, pk, edit=True)
    action = request.POST.get("action", "")
    if action in states.LEADER_ONLY and not can_lead_meeting(request.user, meeting):
        raise PermissionDenied
    if action not in states.MANUAL:  # the others follow from issuing a document or saving a conclusion
        messages.error(request, _("Thao tác không hợp lệ."))
        return redirect("meetings:detail", meeting.pk)
    try:
        meeting.transition(action, by=request.user, reason=request.POST.get("reason", "")[:2000])
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Cuộc họp đã chuyển sang trạng thái “%(state)s”.")
                         % {"state": meeting.get_state_display()})
    return redirect("meetings:detail", meeting.pk)
