"""Who may issue, publish and see documents: roles on the issuing body, as everywhere else."""

import rules

from giaoban.accounts.access import has_role
from giaoban.accounts.models import Role


@rules.predicate
def can_view_issuer(user, organization) -> bool:
    return has_role(user, organization, Role.VIEWER)


@rules.predicate
def can_issue_for(user, organization) -> bool:
    return has_role(user, organization, Role.EDITOR)


@rules.predicate
def can_issue_document(user, document) -> bool:
    """The issuer's editors, and for a meeting's document whoever may issue it: the meeting's editors
    (the bloc's convening body issues for a meeting hosted by the Party committee above it)."""
    if document is None:
        return False
    return has_role(user, document.issuer, Role.EDITOR) or (
        document.meeting_id is not None and user.has_perm("meetings.change_meeting", document.meeting))


@rules.predicate
def can_view_document(user, document) -> bool:
    return document is not None and (has_role(user, document.issuer, Role.VIEWER)
                                     or can_issue_document(user, document))


rules.add_perm("documents.view_register", can_view_issuer)
rules.add_perm("documents.view_document", can_view_document)
rules.add_perm("documents.change_document", can_issue_document)
rules.add_perm("documents.issue_document", can_issue_for)
rules.add_perm("documents.manage_calendar", can_issue_for)
