"""Object permissions for organisations, registered with `rules`.

Other apps add their own rules next to their models, built on the same
`has_role` check, so that "who may" is answered in one way everywhere.
"""

import rules

from giaoban.accounts.access import has_role
from giaoban.accounts.models import Role


@rules.predicate
def can_view_organization(user, organization) -> bool:
    return has_role(user, organization, Role.VIEWER)


@rules.predicate
def can_edit_organization(user, organization) -> bool:
    return has_role(user, organization, Role.EDITOR)


@rules.predicate
def can_lead_organization(user, organization) -> bool:
    return has_role(user, organization, Role.LEADER)


@rules.predicate
def can_admin_organization(user, organization) -> bool:
    return has_role(user, organization, Role.ADMIN)


rules.add_perm("organisations.view_organization", can_view_organization)
rules.add_perm("organisations.change_organization", can_admin_organization)
rules.add_perm("organisations.add_child_organization", can_admin_organization)
