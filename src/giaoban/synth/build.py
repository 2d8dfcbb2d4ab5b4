"""Synthetic briefings at commune, province or nation size, for benchmarks and load tests.

Bodies come from the 2025 administrative units (organisations.units): each commune's Front
committee and its five member organisations brief monthly as one bloc, and so do each
province's Front committee and member organisations.  Each bloc draws its rows from its own
`random.Random` seeded with the seed and the bloc's unit code, so a seed always gives the same
rows, and a bloc (a province, a commune) holds the same data whether it was made at commune,
province or nation scale: the benchmark's users find the same records at every scale.

Rows are drawn as plain tuples with ids synth allocates and written per province in one
transaction (rows.py: COPY on PostgreSQL, executemany on SQLite), so memory stays bounded by
a province and nation scale (≈ 1M directives, 3M progress updates, 12M indicator values over
5 years) loads in minutes.  No model's save() runs: texts are already NFC, deadlines are
normalised here, and no history rows are written (synthetic records have no edits to show).
Columns that other parts of the project derive from these rows (summaries, scope columns) are
filled after the load by the functions named in POST_LOAD.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models
from django.utils import timezone
from django.utils.module_loading import import_string

from giaoban.accounts.models import Membership, Role
from giaoban.core.text import fold, match_key, nfc
from giaoban.directives import deadlines
from giaoban.directives import scope as directive_scope
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
from giaoban.search import indexing, scope
from giaoban.search.models import EntryKind, SearchEntry
from giaoban.synth import rows, texts

SCALES = ("commune", "province", "nation")
DEFAULT_PROVINCE = "Lạng Sơn"
# The synthetic term ends here whatever the clock says, so a seed gives the same rows any day.
LAST_MONTH = (2026, 11)
BATCH = 2000
MEETING_START = datetime.time(8, 0)
PRECISIONS = ["none", "day", "month", "month", "quarter", "year"]
PRIORITIES = [Priority.NORMAL.value, Priority.HIGH.value, Priority.URGENT.value]
REPORT_STATUSES = [ReportStatus.ACCEPTED.value, ReportStatus.SUBMITTED.value, ReportStatus.DRAFT.value, None]
# Called with no arguments after the rows are written, in this order: the apps that keep data derived
# from these rows (directives' area and reach, reports' per-period totals) rebuild it in SQL.
POST_LOAD = [
    "giaoban.directives.scope.rebuild_scope",
    "giaoban.reports.totals.rebuild_totals",
]
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
    hooks: list[str] = field(default_factory=list)

    def add(self, key: str, n: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


@dataclass
class BlocPlan:
    """A bloc to create: its convening Front committee first, then the members, and where it sits."""

    name: str
    bodies: list[Organization]
    place: str


def build(scale: str, years: int, seed: int, *, province: str | None = None, password: str | None = None,
          progress: Callable[[str, "Result"], None] | None = None, defer_indexes: bool | None = None) -> Result:
    """Generate the data; raises SynthError if this scale's blocs already exist."""
    if scale not in SCALES:
        raise SynthError(f"scale: {scale}")
    province = None if scale == "nation" else (province or DEFAULT_PROVINCE)
    units.load_units_2025(province)
    units.create_fronts(province)
    plans_by_province = _plans(scale, province, random.Random(seed))
    if Bloc.objects.filter(name=plans_by_province[0][0].name).exists():
        raise SynthError(f"Dữ liệu mô phỏng đã có (khối “{plans_by_province[0][0].name}”): hãy dùng cơ sở dữ liệu mới.")
    keys = _months(years)
    periods = {key: Period.objects.get_for(key) for key in [*keys, keys[-1].next()]}
    months = _month_plans(keys, periods)
    indicators = _indicators()
    password_hash = make_password(password) if password else make_password(None)
    tables = Tables()
    result = Result()
    # Nation scale writes ≈ 20M rows into nearly empty tables: indexes are cheaper built once at the end.
    defer = scale == "nation" if defer_indexes is None else defer_indexes
    with rows.bulk_session(tables.models(), defer_indexes=defer) as sink:
        tables.sink = sink
        for plans in plans_by_province:
            tables.next_province(plans[0].bodies[0])
            with tables.sink.transaction():
                _province(plans, months, indicators, password_hash, seed, tables, result)
            if progress:
                progress(plans[0].place, result)
    if progress:
        progress("Đã ghi xong dữ liệu và chỉ mục", result)
    rows.finish(tables.models())
    result.hooks = post_load()
    if progress:
        progress("Đã tính lại phạm vi và số liệu tổng hợp", result)
    return result


def post_load(paths: list[str] | None = None) -> list[str]:
    """Run the rebuild functions of POST_LOAD; returns the paths that ran."""
    ran = []
    for path in POST_LOAD if paths is None else paths:
        import_string(path)()
        ran.append(path)
    return ran


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


class Tables:
    """The tables synth writes, each with the columns it draws (id first), made once per load."""

    def __init__(self) -> None:
        User = get_user_model()
        self.ids = rows.Ids()
        self.sink = rows.Sink()
        self.bloc = rows.Table(Bloc, ["id", "name", "convening_id"])
        self.bloc_members = rows.Table(Bloc.members.through, ["id", "bloc_id", "organization_id"])
        self.template = rows.Table(ReportTemplate, ["id", "bloc_id", "period_type"])
        self.template_indicators = rows.Table(ReportTemplate.indicators.through,
                                              ["id", "reporttemplate_id", "indicator_id"])
        self.user = rows.Table(User, ["id", "username", "password", "email"])
        self.membership = rows.Table(Membership, ["id", "user_id", "organization_id", "role"])
        self.meeting = rows.Table(Meeting, ["id", "kind", "title", "bloc_id", "host_id", "period_id", "next_period_id",
                                            "date", "start_time", "place", "is_public", "created_at"])
        self.conclusion = rows.Table(Conclusion, ["id", "meeting_id", "text"])
        self.agenda = rows.Table(AgendaItem, ["id", "meeting_id", "order", "kind", "organization_id", "title"])
        self.directive = rows.Table(Directive, ["id", "meeting_id", "order", "lead_id", "deadline",
                                                "deadline_precision", "text", "priority", "status", "closed_at",
                                                "closed_reason", "area", "meeting_date"])
        self.coordinating = rows.Table(Directive.coordinating.through, ["id", "directive_id", "organization_id"])
        self.carried = rows.Table(Directive.carried_to.through, ["id", "directive_id", "meeting_id"])
        self.update = rows.Table(DirectiveUpdate, ["id", "directive_id", "note", "percent", "author_id",
                                                   "organization_id", "created_at"])
        self.report = rows.Table(PeriodReport, ["id", "organization_id", "period_id", "status", "submitted_at",
                                                "submitted_by_id", "results"])
        self.value = rows.Table(IndicatorValue, ["id", "report_id", "indicator_id", "value"])
        self.search = rows.Table(SearchEntry, ["id", "kind", "object_id", "directive_id", "title", "body",
                                               "title_folded", "folded", "organization_id", "period_id", "date",
                                               "scope"])
        self._folded: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        self._areas = scope.Areas()
        self._scope = ""

    def index(self, drawn: list[tuple], result: Result) -> None:
        """Search entries (kind, object, directive, title, body, organisation, period, date) as search.indexing
        makes them; texts repeat a lot, so each (title, body) is folded once per province."""
        entries = []
        for kind, obj, directive, title, body, org, period, day in drawn:
            texts_ = self._folded.get((title, body))
            if texts_ is None:
                clean_title, clean_body = nfc(title)[:500], nfc(body)
                texts_ = self._folded[title, body] = (
                    clean_title, clean_body, " ".join(indexing.words(clean_title))[:500],
                    indexing.folded_text(clean_title, clean_body))
            entries.append((kind, obj, directive, *texts_, org, period, day, self._scope))
        self.write(self.search, [(i, *e) for i, e in zip(self.new_ids(self.search, len(entries)), entries,
                                                          strict=True)], result)

    def next_province(self, front: Organization) -> None:
        """Start a province's rows. Synth keeps every bloc, lead and coordinating body inside one province,
        so every search entry of it is seen from that province's area alone (as search.scope would say)."""
        self._folded.clear()
        self._scope = scope.text([self._areas.of_path(front.tree_path)])

    def write(self, table: rows.Table, drawn: list[tuple], result: Result) -> None:
        result.add(table.model._meta.label, self.sink.write(table, drawn))

    def new_ids(self, table: rows.Table, n: int) -> range:
        return self.ids.take(table.model, n)

    def models(self) -> list[type[models.Model]]:
        return [t.model for t in vars(self).values() if isinstance(t, rows.Table)]


@dataclass
class Month:
    """What every bloc's briefing of one month shares: its periods, title and agenda texts."""

    period: Period
    next_period: Period
    title: str
    agenda: list[tuple[str, str]]
    conclusion: str


def _month_plans(months: list[PeriodKey], periods: dict) -> list[Month]:
    plans = []
    for key in months:
        period, next_period = periods[key], periods[key.next()]
        agenda = [(kind, title.format(period=period.label.lower(), next=next_period.label.lower()))
                  for kind, title in texts.AGENDA]
        plans.append(Month(period, next_period, Meeting.default_title(MeetingKind.BRIEFING, period, next_period),
                           agenda, texts.CONCLUSION.format(next=next_period.label)))
    return plans


def _province(plans: list[BlocPlan], months: list[Month], indicators: list[Indicator], password_hash: str,
              seed: int, tables: Tables, result: Result) -> None:
    t = tables
    bloc_ids = t.new_ids(t.bloc, len(plans))
    t.write(t.bloc, [(b, p.name, p.bodies[0].pk) for b, p in zip(bloc_ids, plans, strict=True)], result)
    members = [(b, o.pk) for b, p in zip(bloc_ids, plans, strict=True) for o in p.bodies]
    t.write(t.bloc_members, [(i, *m) for i, m in zip(t.new_ids(t.bloc_members, len(members)), members, strict=True)],
            result)
    template_ids = t.new_ids(t.template, len(plans))
    t.write(t.template, [(i, b, MONTH) for i, b in zip(template_ids, bloc_ids, strict=True)], result)
    pairs = [(tpl, ind.pk) for tpl in template_ids for ind in indicators]
    t.write(t.template_indicators, [(i, *p) for i, p in zip(t.new_ids(t.template_indicators, len(pairs)), pairs,
                                                             strict=True)], result)
    authors = _users(plans, password_hash, tables, result)
    for bloc, plan in zip(bloc_ids, plans, strict=True):
        rng = random.Random(f"{seed}:{plan.bodies[0].locality.code}")
        _briefings(bloc, plan, months, authors, rng, tables, result)
        _reports(plan, months, indicators, authors, rng, tables, result)


def _users(plans: list[BlocPlan], password_hash: str, tables: Tables, result: Result) -> dict[int, int]:
    """An editor for each body, a leader for each Front committee, an admin for the province's: {org: editor}."""
    specs = []
    for plan in plans:
        code = plan.bodies[0].locality.code.split(":")[-1].lower()
        specs += [(f"{USER_PREFIX[o.type]}.{code}", o, Role.EDITOR) for o in plan.bodies]
        specs.append((f"lanhdao.{code}", plan.bodies[0], Role.LEADER))
        if plan.bodies[0].level == Level.PROVINCE:
            specs.append((f"quantri.{code}", plan.bodies[0], Role.ADMIN))
    user_ids = tables.new_ids(tables.user, len(specs))
    tables.write(tables.user, [(u, name, password_hash, f"{name}@example.org")
                               for u, (name, _org, _role) in zip(user_ids, specs, strict=True)], result)
    tables.write(tables.membership, [(i, u, org.pk, role) for i, u, (_name, org, role)
                                     in zip(tables.new_ids(tables.membership, len(specs)), user_ids, specs,
                                            strict=True)], result)
    return {org.pk: u for u, (_name, org, role) in zip(user_ids, specs, strict=True) if role == Role.EDITOR}


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=timezone.get_default_timezone())


def _briefings(bloc: int, plan: BlocPlan, months: list[Month], authors: dict[int, int], rng: random.Random,
               tables: Tables, result: Result) -> None:
    t = tables
    front = plan.bodies[0]
    place = f"Hội trường {front.name}"
    meeting_ids = t.new_ids(t.meeting, len(months))
    dates = [m.period.end + datetime.timedelta(days=rng.randint(3, 10)) for m in months]
    t.write(t.meeting, [(i, MeetingKind.BRIEFING.value, m.title, bloc, front.pk, m.period.pk, m.next_period.pk, day,
                         MEETING_START, place, rng.random() < 0.3, _at(day, 17))
                        for i, m, day in zip(meeting_ids, months, dates, strict=True)], result)
    t.write(t.conclusion, [(i, mid, m.conclusion) for i, mid, m in zip(t.new_ids(t.conclusion, len(months)),
                                                                       meeting_ids, months, strict=True)], result)
    t.index([(EntryKind.MEETING.value, mid, None, m.title, f"{place}\n{m.conclusion}", front.pk, m.period.pk, day)
             for mid, m, day in zip(meeting_ids, months, dates, strict=True)], result)
    agenda = [(mid, order, kind, front.pk if kind == "report" else None, title)
              for mid, m in zip(meeting_ids, months, strict=True) for order, (kind, title) in enumerate(m.agenda)]
    t.write(t.agenda, [(i, *a) for i, a in zip(t.new_ids(t.agenda, len(agenda)), agenda, strict=True)], result)
    as_of = dates[-1]
    directives = []
    for mid, day, month in zip(meeting_ids, dates, months, strict=True):
        period = month.next_period.label.lower()
        for order in range(_directive_count(rng)):
            directives.append(_directive(mid, day, order, plan, period, as_of, rng))
    ids = t.new_ids(t.directive, len(directives))
    directives = [(i, *d) for i, d in zip(ids, directives, strict=True)]
    t.write(t.directive, directives, result)
    names = {o.pk: o.name for o in plan.bodies}
    periods = {mid: m.period.pk for mid, m in zip(meeting_ids, months, strict=True)}
    held = dict(zip(meeting_ids, dates, strict=True))
    t.index([(EntryKind.DIRECTIVE.value, d[0], None, d[6], names[d[3]], d[3], periods[d[1]], held[d[1]])
             for d in directives], result)
    _follow_up(directives, held, periods, plan, authors, as_of, rng, tables, result)


def _directive_count(rng: random.Random) -> int:
    """3 to 15 directives a briefing, most briefings near 3–5: ≈ 1M directives a 5-year term nationwide."""
    return 3 + int(13 * rng.random() ** 4)


def _directive(meeting: int, held: datetime.date, order: int, plan: BlocPlan, period: str, as_of: datetime.date,
               rng: random.Random) -> tuple:
    bodies = plan.bodies
    lead = bodies[0] if rng.random() < 0.4 else bodies[rng.randrange(len(bodies))]
    precision = rng.choice(PRECISIONS)
    deadline = deadlines.normalise(held + datetime.timedelta(days=rng.randint(10, 150)), precision)
    status = _status(deadline, held, as_of, rng)
    text = texts.directive_text(rng, plan.place, period)
    priority = rng.choices(PRIORITIES, [80, 15, 5])[0]
    closed_at, reason = None, ""
    if status in (DirectiveStatus.DONE, DirectiveStatus.CANCELLED):
        closed_at = _at(min(deadline or as_of, as_of), 15)
        reason = texts.DONE_REASON if status == DirectiveStatus.DONE else texts.CANCELLED_REASON
    # Stored for the lists' indexes (directives.scope): the bloc's top body's path and the meeting's day;
    # every body of a synthetic bloc lies in one province, so no directive reaches out of its area.
    area = directive_scope.top_path(bodies[0].tree_path)
    return (meeting, order, lead.pk, deadline, precision, text, priority, status, closed_at, reason, area, held)


def _status(deadline: datetime.date | None, held: datetime.date, as_of: datetime.date, rng: random.Random) -> str:
    """Mostly done once the deadline (or half a year) has passed; some left overdue or carried over."""
    due = deadline or held + datetime.timedelta(days=180)
    S = DirectiveStatus
    if due < as_of:
        return rng.choices([S.DONE, S.CANCELLED, S.IN_PROGRESS, S.CARRIED_OVER, S.NEW], [75, 5, 12, 3, 5])[0]
    return rng.choices([S.NEW, S.IN_PROGRESS, S.DONE], [40, 55, 5])[0]


def _follow_up(directives: list[tuple], held: dict[int, datetime.date], periods: dict[int, int], plan: BlocPlan,
               authors: dict[int, int], as_of: datetime.date, rng: random.Random, tables: Tables,
               result: Result) -> None:
    """Coordinating bodies, carry-overs to the bloc's next briefing, and ≈ 3 progress updates a directive."""
    coordinating, carried, updates = [], [], []
    meetings = list(held)
    following = dict(zip(meetings, meetings[1:], strict=False))
    body_ids = [o.pk for o in plan.bodies]
    searched = []
    for d_id, meeting, _order, lead, deadline, _precision, text, _priority, status, *_rest in directives:
        others = [o for o in body_ids if o != lead]
        for org in rng.sample(others, rng.randint(0, 2)):
            coordinating.append((d_id, org))
        if status == DirectiveStatus.CARRIED_OVER and meeting in following:
            carried.append((d_id, following[meeting]))
        if status in (DirectiveStatus.NEW, DirectiveStatus.CANCELLED):
            continue
        day0 = held[meeting]
        span = max(((min(deadline or as_of, as_of)) - day0).days, 1)
        count = rng.randint(1, 6)
        author = authors.get(lead)
        for i in range(count):
            percent = 100 if status == DirectiveStatus.DONE and i == count - 1 else rng.randint(10, 90)
            day = day0 + datetime.timedelta(days=span * (i + 1) // (count + 1))
            note = texts.NOTES[rng.randrange(len(texts.NOTES))]
            updates.append((d_id, note, percent, author, lead, _at(day, 10 + i)))
            searched.append((d_id, text[:200], note, lead, periods[meeting], day))  # as search.indexing does
    t = tables
    for table, drawn in ((t.coordinating, coordinating), (t.carried, carried)):
        t.write(table, [(i, *r) for i, r in zip(t.new_ids(table, len(drawn)), drawn, strict=True)], result)
    update_ids = t.new_ids(t.update, len(updates))
    t.write(t.update, [(i, *r) for i, r in zip(update_ids, updates, strict=True)], result)
    t.index([(EntryKind.UPDATE.value, i, *s) for i, s in zip(update_ids, searched, strict=True)], result)


def _reports(plan: BlocPlan, months: list[Month], indicators: list[Indicator], authors: dict[int, int],
             rng: random.Random, tables: Tables, result: Result) -> None:
    """Each body's monthly report, most of them sent and accepted, with its indicator values."""
    reports, asked, searched = [], [], []
    now = timezone.now()  # a draft's entry is dated by its last change, which is now
    S = ReportStatus
    asked_by_type = {o.type: [i for i in indicators if i.applies_to(o.type)] for o in plan.bodies}
    for month in months:
        period = month.period
        results = texts.RESULTS.replace("{period}", period.label.lower())
        for org in plan.bodies:
            status = rng.choices(REPORT_STATUSES, [70, 20, 7, 3])[0]
            if status is None:
                continue
            sent = _at(period.end + datetime.timedelta(days=rng.randint(1, 5))) if status != S.DRAFT else None
            text = results.format(n=rng.randint(2, 12))
            reports.append((org.pk, period.pk, status, sent, authors.get(org.pk) if sent else None, text))
            asked.append(asked_by_type[org.type])
            searched.append((f"{org.name} — {period.label}", text, org.pk, period.pk, (sent or now).date()))
    t = tables
    report_ids = t.new_ids(t.report, len(reports))
    t.write(t.report, [(i, *r) for i, r in zip(report_ids, reports, strict=True)], result)
    t.index([(EntryKind.REPORT.value, i, None, *e) for i, e in zip(report_ids, searched, strict=True)], result)
    values = [(r, i.pk, _value(i, rng)) for r, wanted in zip(report_ids, asked, strict=True) for i in wanted]
    t.write(t.value, [(i, *v) for i, v in zip(t.new_ids(t.value, len(values)), values, strict=True)], result)


def _value(indicator: Indicator, rng: random.Random) -> Decimal:
    if indicator.kind == "money":
        return Decimal(rng.randint(10, 50_000) * 10_000)
    if indicator.kind == "percent":
        return Decimal(rng.randint(5000, 10000)) / 100
    if indicator.kind == "ratio":
        return Decimal(rng.randint(1000, 1900)) / 100
    return Decimal(rng.randint(0, 60))
