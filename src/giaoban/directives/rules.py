"""Who may see, report on, close and carry over a directive, registered with `rules`.

See: the source meeting's viewers, plus anyone with a role on the lead or a
coordinating body.  Report progress: editors (or above) of the lead or a
coordinating body.  Close (done/cancel) and carry over: the leader of the
convening body.  Edit the text, lead and deadline: the meeting's editors.
Open a bulk progress round: the briefing's editors; follow who has answered:
the convening body and the briefing's editors.
"""

import rules

from giaoban.accounts.access import has_role
from giaoban.accounts.models import Role
from giaoban.meetings.rules import can_edit_meeting, can_lead_meeting, can_view_meeting


def _bodies(directive) -> list:
    cached = getattr(directive, "_responsible_bodies", None)
    if cached is None:
        cached = ([directive.lead] if directive.lead_id else []) + list(directive.coordinating.all())
        directive._responsible_bodies = cached
    return cached


def reporting_bodies(user, directive, minimum: int = Role.EDITOR) -> list:
    """The lead/coordinating bodies on whose behalf the user may report progress."""
    return [body for body in _bodies(directive) if has_role(user, body, minimum)]


@rules.predicate
def can_view_directive(user, directive) -> bool:
    if directive is None or not user.is_authenticated:
        return False
    return bool(reporting_bodies(user, directive, Role.VIEWER)) or can_view_meeting(user, directive.meeting)


@rules.predicate
def can_report_progress(user, directive) -> bool:
    return directive is not None and directive.is_open and bool(reporting_bodies(user, directive))


@rules.predicate
def can_close_directive(user, directive) -> bool:
    return directive is not None and can_lead_meeting(user, directive.meeting)


@rules.predicate
def can_edit_directive(user, directive) -> bool:
    return directive is not None and can_edit_meeting(user, directive.meeting)


@rules.predicate
def can_open_round(user, meeting) -> bool:
    """A bulk progress round is opened for a bloc's briefing by the briefing's editors."""
    return meeting is not None and meeting.is_briefing and meeting.bloc_id is not None and can_edit_meeting(
        user, meeting)


@rules.predicate
def can_follow_round(user, progress_round) -> bool:
    """Who has answered is seen by the convening body and the briefing's editors."""
    if progress_round is None:
        return False
    meeting = progress_round.meeting
    return has_role(user, meeting.convening) or can_edit_meeting(user, meeting)


rules.add_perm("directives.view_directive", can_view_directive)
rules.add_perm("directives.report_progress", can_report_progress)
rules.add_perm("directives.close_directive", can_close_directive)
rules.add_perm("directives.change_directive", can_edit_directive)
rules.add_perm("directives.open_round", can_open_round)
rules.add_perm("directives.follow_round", can_follow_round)
