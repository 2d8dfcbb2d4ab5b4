"""Synthetic briefings at commune, province or nation size, for benchmarks and load tests.

Bodies come from the 2025 administrative units (organisations.units): each commune's Front
committee and its five member organisations brief monthly as one bloc, and so do each
province's Front committee and member organisations.  Every row is drawn from one
`random.Random(seed)` in a fixed order, so a seed always gives the same rows; everything
is written with bulk_create, one province at a time, so memory stays bounded by a province.
bulk_create bypasses save(): texts are already NFC, deadlines are normalised here, and no
history rows are written (synthetic records have no edits to show).
"""

import contextlib
import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone

from giaoban.accounts.models import Membership, Role
from giaoban.core.text import fold, match_key
from giaoban.directives import deadlines
from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate, Priority
from giaoban.meetings.models import AgendaItem, Conclusion, Meeting, MeetingKind
from giaoban.organisations import units
from giaoban.organisations.models import (
    MEMBER_ORGANISATION_TYPES,
    AdminUnit,
    Bloc,
    Level,
    Organization,
    OrganizationType,
)
from giaoban.periods.logic import MONTH, PeriodKey
from giaoban.periods.models import Period
from giaoban.reports.models import Indicator, IndicatorValue, PeriodReport, ReportStatus, ReportTemplate
from giaoban.synth import texts

SCALES = ("commune", "province", "nation")
DEFAULT_PROVINCE = "Lạng Sơn"
# The synthetic term ends here whatever the clock says, so a seed gives the same rows any day.
LAST_MONTH = (2026, 11)
BATCH = 2000
INDICATORS_PER_TEMPLATE = 12
USER_PREFIX = {
    OrganizationType.FRONT_COMMITTEE: "mttq", OrganizationType.FARMERS_UNION: "nongdan",
    OrganizationType.WOMEN_UNION: "phunu", OrganizationType.YOUTH_UNION: "doanthanhnien",
    OrganizationType.VETERANS_ASSOCIATION: "ccb", OrganizationType.TRADE_UNION: "congdoan",
}


class SynthError(Exception):
    """The data cannot be generated here (message in Vietnamese)."""


@dataclass
class Result:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, n: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


@dataclass
class BlocPlan:
    """A bloc to create: its convening Front committee first, then the members, and where it sits."""

    name: str
    bodies: list[Organization]
    place: str


def build(scale: str, years: int, seed: int, *, province: str | None = None, password: str | None = None,
          progress=None) -> Result:
    """Generate the data; raises SynthError if this scale's blocs already exist."""
    if scale not in SCALES:
        raise SynthError(f"scale: {scale}")
    rng = random.Random(seed)
    province = None if scale == "nation" else (province or DEFAULT_PROVINCE)
    units.load_units_2025(province)
    units.create_fronts(province)
    plans_by_province = _plans(scale, province, rng)
    if Bloc.objects.filter(name=plans_by_province[0][0].name).exists():
        raise SynthError(f"Dữ liệu mô phỏng đã có (khối “{plans_by_province[0][0].name}”): hãy dùng cơ sở dữ liệu mới.")
    months = _months(years)
    periods = {key: Period.objects.get_for(key) for key in [*months, months[-1].next()]}
    indicators = _indicators()
    password_hash = make_password(password) if password else make_password(None)
    result = Result()
    for plans in plans_by_province:
        with transaction.atomic(), _given_timestamps():
            _province(plans, months, periods, indicators, password_hash, rng, result)
        if progress:
            progress(plans[0].place, result)
    return result


def _months(years: int) -> list[PeriodKey]:
    year, month = LAST_MONTH
    keys = []
    for _ in range(12 * years):
        keys.append(PeriodKey(MONTH, year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def _plans(scale: str, province: str | None, rng: random.Random) -> list[list[BlocPlan]]:
    """The blocs of each province in scope, provinces and communes in code order."""
    fronts = Organization.objects.filter(type=OrganizationType.FRONT_COMMITTEE, locality__code__startswith="2025:")
    if province:
        unit = AdminUnit.objects.filter(code__startswith="2025:P").named(province).first()
        if unit is None:
            raise SynthError(f"Không tìm thấy tỉnh/thành phố “{province}”.")
        fronts = fronts.filter(models.Q(locality=unit) | models.Q(locality__parent=unit))
    bodies = {}
    for org in Organization.objects.filter(parent__in=fronts).select_related("locality"):
        bodies.setdefault(org.parent_id, []).append(org)
    fronts = sorted(fronts.select_related("locality"), key=lambda o: o.locality.code)
    provinces = [f for f in fronts if f.level == Level.PROVINCE]
    _province_members(provinces, bodies)
    result = []
    for front in provinces:
        communes = [f for f in fronts if f.level == Level.COMMUNE and f.parent_id == front.pk]
        if scale == "commune":
            communes = [communes[rng.randrange(len(communes))]]
        chosen = communes if scale == "commune" else [front, *communes]
        result.append([_bloc_plan(f, [b for b in bodies.get(f.pk, []) if b.level == f.level]) for f in chosen])
    return result


def _bloc_plan(front: Organization, members: list[Organization]) -> BlocPlan:
    place = units.unit_phrase(front.locality.unit_type, front.locality.short_name)
    members = sorted(members, key=lambda o: o.type)
    return BlocPlan(f"Khối MTTQ và các đoàn thể {place} ({front.locality.code})", [front, *members], place)


def _province_members(provinces: list[Organization], bodies: dict[int, list[Organization]]) -> None:
    """create_fronts makes member organisations for communes only; the provinces' are made here."""
    new = []
    for front in provinces:
        have = {o.type for o in bodies.get(front.pk, []) if o.level == Level.PROVINCE}
        place = units.unit_phrase(front.locality.unit_type, front.locality.short_name)
        for org_type in MEMBER_ORGANISATION_TYPES:
            if org_type not in have:
                name = f"{units.MEMBER_NAMES[org_type]} {place}"
                new.append(Organization(parent=front, locality=front.locality, type=org_type, level=Level.PROVINCE,
                                        name=name, name_folded=fold(name), name_key=match_key(name),
                                        valid_from=units.REFORM_DAY))
    Organization.objects.bulk_create(new, batch_size=BATCH)
    for org in new:
        org.tree_path = f"{org.parent.tree_path}{org.pk}/"
        bodies.setdefault(org.parent_id, []).append(org)
    Organization.objects.bulk_update(new, ["tree_path"], batch_size=BATCH)


def _indicators() -> list[Indicator]:
    return list(Indicator.objects.order_by("position", "code")[:INDICATORS_PER_TEMPLATE])


@contextlib.contextmanager
def _given_timestamps() -> Iterator[None]:
    """Let bulk_create keep the creation times drawn here instead of stamping them all now."""
    fields = [Meeting._meta.get_field("created_at"), DirectiveUpdate._meta.get_field("created_at")]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f in fields:
            f.auto_now_add = True


def _bulk(model: type[models.Model], rows: list, result: Result) -> list:
    model.objects.bulk_create(rows, batch_size=BATCH)
    result.add(model._meta.label, len(rows))
    return rows


def _province(plans: list[BlocPlan], months: list[PeriodKey], periods: dict, indicators: list[Indicator],
              password_hash: str, rng: random.Random, result: Result) -> None:
    blocs = _bulk(Bloc, [Bloc(name=p.name, convening=p.bodies[0]) for p in plans], result)
    _bulk(Bloc.members.through, [Bloc.members.through(bloc_id=b.pk, organization_id=o.pk)
                                 for b, p in zip(blocs, plans, strict=True) for o in p.bodies], result)
    templates = _bulk(ReportTemplate, [ReportTemplate(bloc=b, period_type=MONTH) for b in blocs], result)
    _bulk(ReportTemplate.indicators.through, [ReportTemplate.indicators.through(reporttemplate_id=t.pk,
                                                                                indicator_id=i.pk)
                                              for t in templates for i in indicators], result)
    authors = _users(plans, password_hash, result)
    for bloc, plan in zip(blocs, plans, strict=True):
        _briefings(bloc, plan, months, periods, authors, rng, result)
        _reports(plan, months, periods, indicators, authors, rng, result)


def _users(plans: list[BlocPlan], password_hash: str, result: Result) -> dict[int, int]:
    """An editor for each body, a leader for each Front committee, an admin for the province's: {org: editor}."""
    User = get_user_model()
    specs = []
    for plan in plans:
        code = plan.bodies[0].locality.code.split(":")[-1].lower()
        specs += [(f"{USER_PREFIX[o.type]}.{code}", o, Role.EDITOR) for o in plan.bodies]
        specs.append((f"lanhdao.{code}", plan.bodies[0], Role.LEADER))
        if plan.bodies[0].level == Level.PROVINCE:
            specs.append((f"quantri.{code}", plan.bodies[0], Role.ADMIN))
    users = _bulk(User, [User(username=name, password=password_hash, email=f"{name}@example.org")
                         for name, _org, _role in specs], result)
    _bulk(Membership, [Membership(user=u, organization=org, role=role)
                       for u, (_name, org, role) in zip(users, specs, strict=True)], result)
    return {org.pk: u.pk for u, (_name, org, role) in zip(users, specs, strict=True) if role == Role.EDITOR}


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=timezone.get_default_timezone())


def _briefings(bloc: Bloc, plan: BlocPlan, months: list[PeriodKey], periods: dict, authors: dict[int, int],
               rng: random.Random, result: Result) -> None:
    front = plan.bodies[0]
    meetings = []
    for key in months:
        period, next_period = periods[key], periods[key.next()]
        day = period.end + datetime.timedelta(days=rng.randint(3, 10))
        meetings.append(Meeting(kind=MeetingKind.BRIEFING, title=Meeting.default_title(MeetingKind.BRIEFING, period,
                                                                                        next_period),
                                bloc=bloc, host=front, period=period, next_period=next_period, date=day,
                                start_time=datetime.time(8, 0), place=f"Hội trường {front.name}",
                                is_public=rng.random() < 0.3, created_at=_at(day, 17)))
    _bulk(Meeting, meetings, result)
    _bulk(Conclusion, [Conclusion(meeting=m, text=texts.CONCLUSION.format(next=m.next_period.label))
                       for m in meetings], result)
    _bulk(AgendaItem, [AgendaItem(meeting=m, order=i, kind=kind, organization=front if kind == "report" else None,
                                  title=title.format(period=m.period.label.lower(), next=m.next_period.label.lower()))
                       for m in meetings for i, (kind, title) in enumerate(texts.AGENDA)], result)
    as_of = _at(meetings[-1].date).date()
    directives = []
    for meeting in meetings:
        for order in range(rng.randint(3, 15)):
            directives.append(_directive(meeting, order, plan, as_of, rng))
    _bulk(Directive, directives, result)
    _follow_up(directives, meetings, plan, authors, as_of, rng, result)


def _directive(meeting: Meeting, order: int, plan: BlocPlan, as_of: datetime.date, rng: random.Random) -> Directive:
    lead = plan.bodies[0] if rng.random() < 0.4 else plan.bodies[rng.randrange(len(plan.bodies))]
    precision = rng.choice(["none", "day", "month", "month", "quarter", "year"])
    deadline = deadlines.normalise(meeting.date + datetime.timedelta(days=rng.randint(10, 150)), precision)
    status = _status(deadline, meeting.date, as_of, rng)
    directive = Directive(meeting=meeting, order=order, lead=lead, deadline=deadline, deadline_precision=precision,
                          text=texts.directive_text(rng, plan.place, meeting.next_period.label.lower()),
                          priority=rng.choices([Priority.NORMAL, Priority.HIGH, Priority.URGENT], [80, 15, 5])[0],
                          status=status)
    if status in (DirectiveStatus.DONE, DirectiveStatus.CANCELLED):
        directive.closed_at = _at(min(deadline or as_of, as_of), 15)
        directive.closed_reason = texts.DONE_REASON if status == DirectiveStatus.DONE else texts.CANCELLED_REASON
    return directive


def _status(deadline: datetime.date | None, held: datetime.date, as_of: datetime.date, rng: random.Random) -> str:
    """Mostly done once the deadline (or half a year) has passed; some left overdue or carried over."""
    due = deadline or held + datetime.timedelta(days=180)
    S = DirectiveStatus
    if due < as_of:
        return rng.choices([S.DONE, S.CANCELLED, S.IN_PROGRESS, S.CARRIED_OVER, S.NEW], [75, 5, 12, 3, 5])[0]
    return rng.choices([S.NEW, S.IN_PROGRESS, S.DONE], [40, 55, 5])[0]


def _follow_up(directives: list[Directive], meetings: list[Meeting], plan: BlocPlan, authors: dict[int, int],
               as_of: datetime.date, rng: random.Random, result: Result) -> None:
    """Coordinating bodies, carry-overs to the bloc's next briefing, and progress updates."""
    coordinating, carried, updates = [], [], []
    following = {m.pk: n for m, n in zip(meetings, meetings[1:], strict=False)}
    for d in directives:
        others = [o for o in plan.bodies if o.pk != d.lead_id]
        for org in rng.sample(others, rng.randint(0, 2)):
            coordinating.append(Directive.coordinating.through(directive_id=d.pk, organization_id=org.pk))
        if d.status == DirectiveStatus.CARRIED_OVER and d.meeting_id in following:
            carried.append(Directive.carried_to.through(directive_id=d.pk, meeting_id=following[d.meeting_id].pk))
        if d.status in (DirectiveStatus.NEW, DirectiveStatus.CANCELLED):
            continue
        end = min(d.deadline or as_of, as_of)
        span = max((end - d.meeting.date).days, 1)
        count = rng.randint(1, 4)
        for i in range(count):
            percent = 100 if d.status == DirectiveStatus.DONE and i == count - 1 else rng.randint(10, 90)
            day = d.meeting.date + datetime.timedelta(days=span * (i + 1) // (count + 1))
            updates.append(DirectiveUpdate(directive_id=d.pk, note=texts.NOTES[rng.randrange(len(texts.NOTES))],
                                           percent=percent, author_id=authors.get(d.lead_id),
                                           organization_id=d.lead_id, created_at=_at(day, 10 + i)))
    _bulk(Directive.coordinating.through, coordinating, result)
    _bulk(Directive.carried_to.through, carried, result)
    _bulk(DirectiveUpdate, updates, result)


def _reports(plan: BlocPlan, months: list[PeriodKey], periods: dict, indicators: list[Indicator],
             authors: dict[int, int], rng: random.Random, result: Result) -> None:
    """Each body's monthly report, most of them sent and accepted, with its indicator values."""
    reports, values = [], []
    S = ReportStatus
    for key in months:
        period = periods[key]
        for org in plan.bodies:
            status = rng.choices([S.ACCEPTED, S.SUBMITTED, S.DRAFT, None], [70, 20, 7, 3])[0]
            if status is None:
                continue
            sent = _at(period.end + datetime.timedelta(days=rng.randint(1, 5))) if status != S.DRAFT else None
            reports.append(PeriodReport(organization=org, period=period, status=status, submitted_at=sent,
                                        submitted_by_id=authors.get(org.pk) if sent else None,
                                        results=texts.RESULTS.format(period=period.label.lower(),
                                                                     n=rng.randint(2, 12))))
            values.append([i for i in indicators if i.applies_to(org.type)])
    _bulk(PeriodReport, reports, result)
    _bulk(IndicatorValue, [IndicatorValue(report_id=r.pk, indicator_id=i.pk, value=_value(i, rng))
                           for r, asked in zip(reports, values, strict=True) for i in asked], result)


def _value(indicator: Indicator, rng: random.Random) -> Decimal:
    if indicator.kind == "money":
        return Decimal(rng.randint(10, 50_000) * 10_000)
    if indicator.kind == "percent":
        return Decimal(rng.randint(5000, 10000)) / 100
    if indicator.kind == "ratio":
        return Decimal(rng.randint(1000, 1900)) / 100
    return Decimal(rng.randint(0, 60))
