"""The daily directive digest for `giaoban remind`.

Each responsible body's editors (and leaders, admins) get one digest a day,
keyed "directives:<body id>:<date>", listing its open directives that are
overdue or due within N days.  The responsible body is the lead; a directive
whose text named no lead (e.g. "các xã") reminds its coordinating bodies.
Reruns the same day send nothing new (delivery is once per user and key).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from giaoban.accounts.models import Membership, Role
from giaoban.directives.models import Directive
from giaoban.notifications.delivery import Message
from giaoban.organisations.models import Organization


def _due(today: datetime.date, days: int) -> dict[int, list[Directive]]:
    """Body id → its open directives with a deadline up to today + days, soonest first."""
    directives = list(Directive.objects.open().filter(deadline__lte=today + datetime.timedelta(days=days))
                      .select_related("meeting").order_by("deadline", "pk"))
    without_lead = [d.pk for d in directives if d.lead_id is None]
    coordinating = defaultdict(list)
    for directive_id, org_id in Directive.coordinating.through.objects.filter(
            directive_id__in=without_lead).values_list("directive_id", "organization_id"):
        coordinating[directive_id].append(org_id)
    by_body: dict[int, list[Directive]] = defaultdict(list)
    for directive in directives:
        for body_id in ([directive.lead_id] if directive.lead_id else coordinating[directive.pk]):
            by_body[body_id].append(directive)
    return by_body


def _line(directive: Directive, today: datetime.date) -> str:
    late = (today - directive.deadline).days
    if late > 0:
        when = _("quá hạn %(days)d ngày") % {"days": late}
    elif late == 0:
        when = _("đến hạn hôm nay")
    else:
        when = _("còn %(days)d ngày") % {"days": -late}
    return f"- {directive.text[:200]} ({directive.deadline_label()}; {when})\n  {_url(directive.get_absolute_url())}"


def _url(path: str) -> str:
    return getattr(settings, "GIAOBAN_SITE_URL", "").rstrip("/") + path


def digests(today: datetime.date, days: int = 7) -> Iterator[Message]:
    """One Message per (responsible body, editor) with overdue and soon-due directives."""
    by_body = _due(today, days)
    if not by_body:
        return
    bodies = Organization.objects.in_bulk(list(by_body))
    members = (Membership.objects.filter(organization_id__in=list(by_body), role__gte=Role.EDITOR,
                                         user__is_active=True).select_related("user"))
    for membership in members:
        body, directives = bodies[membership.organization_id], by_body[membership.organization_id]
        overdue = [d for d in directives if d.deadline < today]
        soon = [d for d in directives if d.deadline >= today]
        parts = []
        if overdue:
            parts.append(_("Quá hạn (%(n)d):") % {"n": len(overdue)})
            parts.extend(_line(d, today) for d in overdue)
        if soon:
            parts.append(_("Sắp đến hạn trong %(days)d ngày (%(n)d):") % {"days": days, "n": len(soon)})
            parts.extend(_line(d, today) for d in soon)
        title = _("Nhắc việc %(body)s: %(overdue)d chỉ đạo quá hạn, %(soon)d sắp đến hạn") % {
            "body": body.short_name or body.name, "overdue": len(overdue), "soon": len(soon)}
        yield Message(user=membership.user, key=f"directives:{body.pk}:{today.isoformat()}", title=title[:255],
                      body="\n".join(parts), url=reverse("directives:mine") + "?status=open")
