"""Object permissions for period reports, registered with `rules` (see access.py)."""

import rules

from giaoban.reports import access


@rules.predicate
def can_view_report(user, report) -> bool:
    return access.can_view_report(user, report)


@rules.predicate
def can_edit_report(user, report) -> bool:
    return access.can_edit_report(user, report)


@rules.predicate
def can_review_report(user, report) -> bool:
    return access.can_review_report(user, report)


@rules.predicate
def can_view_bloc_consolidation(user, bloc) -> bool:
    return access.can_view_bloc_consolidation(user, bloc)


rules.add_perm("reports.view_periodreport", can_view_report)
rules.add_perm("reports.change_periodreport", can_edit_report)
rules.add_perm("reports.review_periodreport", can_review_report)
rules.add_perm("reports.view_consolidation", can_view_bloc_consolidation)
