"""Who may see and change a meeting, registered with `rules`.

See: a role on the host (or a body above it), on the bloc's convening body or
on a bloc member (member organisations see their bloc's meetings).
Edit: an editor of the host or of the bloc's convening body (its secretariat).
A briefing series follows the same see/edit rules as its meetings.
Lead: the leader of the convening body (the bloc's, or the host without a bloc),
who closes and carries over the meeting's directives.
"""

import rules

from giaoban.accounts.access import has_role
from giaoban.accounts.models import Role


def _bloc_bodies(meeting) -> list:
    bloc = meeting.bloc
    if bloc is None:
        return []
    cached = getattr(meeting, "_bloc_bodies", None)
    if cached is None:
        cached = [bloc.convening, *bloc.members.all()]
        meeting._bloc_bodies = cached
    return cached


@rules.predicate
def can_view_meeting(user, meeting) -> bool:
    if meeting is None or not user.is_authenticated:
        return False
    return has_role(user, meeting.host) or any(has_role(user, body) for body in _bloc_bodies(meeting))


@rules.predicate
def can_edit_meeting(user, meeting) -> bool:
    if meeting is None:
        return False
    return has_role(user, meeting.host, Role.EDITOR) or (
        meeting.bloc_id is not None and has_role(user, meeting.bloc.convening, Role.EDITOR))


@rules.predicate
def can_lead_meeting(user, meeting) -> bool:
    return meeting is not None and has_role(user, meeting.convening, Role.LEADER)


# A briefing series has a host and a bloc like its meetings, and the same people may see and change it.
rules.add_perm("meetings.view_series", can_view_meeting)
rules.add_perm("meetings.change_series", can_edit_meeting)
rules.add_perm("meetings.view_meeting", can_view_meeting)
rules.add_perm("meetings.change_meeting", can_edit_meeting)
rules.add_perm("meetings.lead_meeting", can_lead_meeting)
