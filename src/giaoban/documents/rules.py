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


rules.add_perm("documents.view_register", can_view_issuer)
rules.add_perm("documents.issue_document", can_issue_for)
rules.add_perm("documents.manage_calendar", can_issue_for)
