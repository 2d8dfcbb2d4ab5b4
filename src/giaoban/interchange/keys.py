"""Stable keys that name a record the same way in every database (ids do not).

An organisation is its type and the code of its administrative unit
("front_committee@25"), or, without a unit, its type and name. A meeting is
its host, date and title; a directive its meeting and position in it; a person
their body and name; a report its body and period; a document its register
entry; a user their user name. docs/interchange.md lists them all.
"""

from giaoban.core.text import match_key
from giaoban.directives.models import Directive
from giaoban.documents.models import Document
from giaoban.meetings.models import BriefingSeries, Meeting, Person
from giaoban.organisations.models import Organization
from giaoban.periods.models import Period
from giaoban.reports.models import PeriodReport


def organization_key(org: Organization) -> str:
    if org.locality_id:
        return f"{org.type}@{org.locality.code}"
    return f"{org.type}:{match_key(org.name)}"


def find_organization(key: str) -> Organization | None:
    if "@" in key:
        org_type, code = key.split("@", 1)
        return Organization.objects.filter(type=org_type, locality__code=code).order_by("pk").first()
    org_type, name = key.split(":", 1)
    return Organization.objects.filter(type=org_type, name_key=name, locality__isnull=True).order_by("pk").first()


def period_key(period: Period | None) -> str | None:
    return None if period is None else f"{period.type}:{period.year}:{period.number}"


def find_period(key: str | None) -> Period | None:
    if key is None:
        return None
    from giaoban.periods.logic import PeriodKey

    period_type, year, number = key.split(":")
    return Period.objects.get_for(PeriodKey(period_type, int(year), int(number)))


def meeting_key(meeting: Meeting) -> str:
    return f"{organization_key(meeting.host)}|{meeting.date.isoformat()}|{meeting.title}"


def directive_key(directive: Directive, position: int) -> str:
    return f"{meeting_key(directive.meeting)}#{position:03d}"


def person_key(person: Person) -> str:
    """`<organisation key>|<name>`, `-|<name>` for someone of no body."""
    return f"{organization_key(person.organization) if person.organization_id else '-'}|{person.name}"


def find_person(key: str) -> Person | None:
    org_key, name = key.split("|", 1)
    organization = None if org_key == "-" else find_organization(org_key)
    return Person.objects.filter(name=name, organization=organization).order_by("pk").first()


def report_key(report: PeriodReport) -> str:
    return f"{organization_key(report.organization)}|{period_key(report.period)}"


def document_key(document: Document) -> str:
    """A document is its issuer's register entry: issuer, type, numbering cycle and number."""
    return f"{organization_key(document.issuer)}|{document.doc_type}|{document.cycle}|{document.number}"


def series_key(series: BriefingSeries) -> str:
    return f"{series.bloc.name}|{series.name}"
