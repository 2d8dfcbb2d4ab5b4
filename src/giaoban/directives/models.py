"""Directives (chỉ đạo) from a conclusion, and their tracking to done."""

import datetime
import functools
import operator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.text import nfc
from giaoban.core.versioning import Versioned
from giaoban.directives import deadlines, scope
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import AdminUnit, Bloc, Organization


class DeadlinePrecision(models.TextChoices):
    """How precisely the conclusion named the deadline; `deadline` holds the last day it allows."""

    NONE = "none", _("Không thời hạn")
    DAY = "day", _("Ngày")
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF = "half", _("6 tháng")
    YEAR = "year", _("Năm")


class DirectiveStatus(models.TextChoices):
    NEW = "new", _("Mới giao")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    CANCELLED = "cancelled", _("Hủy")
    CARRIED_OVER = "carried_over", _("Chuyển kỳ sau")


OPEN_STATUSES = (DirectiveStatus.NEW, DirectiveStatus.IN_PROGRESS, DirectiveStatus.CARRIED_OVER)
CLOSED_STATUSES = (DirectiveStatus.DONE, DirectiveStatus.CANCELLED)


# What the issued notice says of a directive: once it is issued these change only by an amendment.
FROZEN_FIELDS = ("text", "lead_id", "deadline", "deadline_precision", "target_text", "target_value",
                 "target_value_max", "target_unit")


class FrozenRecordError(ValidationError):
    """A change to what an issued notice says, made other than by an amendment."""

    def __init__(self) -> None:
        super().__init__(_("Chỉ đạo đã được ban hành trong thông báo kết luận: nội dung, đơn vị chủ trì, thời hạn "
                           "và chỉ tiêu chỉ thay đổi bằng đính chính hoặc điều chỉnh (ghi rõ lý do)."))


class Priority(models.IntegerChoices):
    NORMAL = 0, _("Bình thường")
    HIGH = 1, _("Quan trọng")
    URGENT = 2, _("Khẩn")


class DirectiveQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DirectiveQuerySet":
        """The meeting's viewers, plus anyone with a role on the lead or a coordinating body.

        See `visible_condition`: one indexed equality on the area for the bodies at the top of
        the tree (a province's Front), the few directives reaching out of their area checked one
        by one, and the small id lists of the bodies lower down.
        """
        if not user.is_authenticated:
            return self.none()
        return self if user.is_superuser else self.filter(visible_condition(user))

    def open(self) -> "DirectiveQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date) -> "DirectiveQuerySet":
        return self.open().filter(deadline__lt=today)

    def due_within(self, today: datetime.date, days: int) -> "DirectiveQuerySet":
        return self.open().filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=days))

    def of_organizations(self, organizations) -> "DirectiveQuerySet":
        """Led or coordinated by one of these bodies (a UNION, so both the lead and the coordinating index serve)."""
        ids = [org.pk for org in organizations]
        led = Directive.objects.order_by().filter(lead__in=ids).values("pk")
        coordinated = Directive.coordinating.through.objects.filter(organization__in=ids).values("directive_id")
        return self.filter(pk__in=led.union(coordinated))

    def with_latest_update(self) -> "DirectiveQuerySet":
        """Fetch each directive's updates, newest first, in one query for the whole page (see `latest_update`).

        Bounded by the page: it runs on the rows fetched, not on every row the filter matches,
        where three correlated subqueries per row ran before.
        """
        newest_first = DirectiveUpdate.objects.order_by("-created_at", "-pk")
        return self.prefetch_related(models.Prefetch("updates", queryset=newest_first, to_attr="updates_newest_first"))


def visible_parts(user) -> list[models.Q] | None:
    """Conditions whose union is what the user may see (None: everything; []: nothing).

    A directive is visible when its meeting's host, its lead, a coordinating body or its bloc's
    convening body or a member is within the user's reach. The reach is split (access.visible_roots):
    for a top body (a province's Front) every directive hosted in its area is visible (`area = path`,
    the index the list reads in order), and of the others only those reaching out of their area can
    involve it; for a body lower in the tree, the UNION of the directives led, coordinated, hosted or
    convened by its few bodies. Each part is served by its own index (lists read them one by one).
    """
    from giaoban.accounts.access import visible_roots

    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return None
    tops, lower = visible_roots(user)
    parts = []
    if tops:
        # Rows stored without their area (bulk inserts that did not fill it) are checked like those reaching out.
        checked = models.Q(reaches_out=True) | models.Q(area="")
        parts += [models.Q(area__in=tops), checked & _involving(_within(tops))]
    if lower:
        parts.append(models.Q(pk__in=_involving_ids(_lower_ids(user, lower))))
    return parts


# Above this many bodies lower in the tree, their ids stay a subquery instead of a literal list.
MAX_LISTED_IDS = 2000


def _lower_ids(user, lower: list[str]) -> "list[int] | models.QuerySet":
    """The ids of the bodies within the lower roots, read once per request: a literal list gives the
    database true row estimates for the small UNION (a subquery made it guess the whole table)."""
    cached = getattr(user, "_giaoban_lower_ids", None)
    if cached is None:
        query = _within(lower)
        ids = list(query.values_list("pk", flat=True)[: MAX_LISTED_IDS + 1])
        cached = user._giaoban_lower_ids = ids if len(ids) <= MAX_LISTED_IDS else query
    return cached


def visible_condition(user) -> models.Q:
    """`visible_parts` as one condition (for a user who may see everything, an empty one)."""
    parts = visible_parts(user)
    return models.Q() if parts is None else any_of(parts)


def any_of(parts: list[models.Q]) -> models.Q:
    """Rows meeting any of the conditions (none for no condition)."""
    return functools.reduce(operator.or_, parts, models.Q(pk__in=[]))


def _within(paths: list[str]) -> "models.QuerySet":
    within = models.Q(pk__in=[])
    for path in paths:
        within |= models.Q(tree_path__startswith=path)
    return Organization.objects.filter(within).order_by().values("pk")


def _blocs_of(bodies) -> "models.QuerySet":
    return Bloc.objects.filter(models.Q(convening__in=bodies) | models.Q(members__in=bodies)).order_by().values("pk")


def _involving(bodies) -> models.Q:
    """Checked row by row (for the few directives reaching out): any of its bodies is one of `bodies`."""
    coordinated = Directive.coordinating.through.objects.filter(directive=models.OuterRef("pk"),
                                                                organization__in=bodies)
    return (models.Q(lead__in=bodies) | models.Exists(coordinated) | models.Q(meeting__host__in=bodies)
            | models.Q(meeting__bloc__in=_blocs_of(bodies)))


def _involving_ids(bodies) -> "models.QuerySet":
    """The ids of the directives involving one of a few bodies: a UNION, each part through its own index."""
    ids = Directive.objects.order_by()
    blocs = _blocs_of(bodies)
    if isinstance(bodies, list):
        blocs = sorted(set(blocs.values_list("pk", flat=True)))
    return ids.filter(lead__in=bodies).values("pk").union(
        Directive.coordinating.through.objects.filter(organization__in=bodies).values("directive_id"),
        ids.filter(meeting__host__in=bodies).values("pk"),
        ids.filter(meeting__bloc__in=blocs).values("pk"))


class Directive(Versioned):
    meeting = models.ForeignKey(Meeting, verbose_name=_("cuộc họp giao"), on_delete=models.PROTECT,
                                related_name="directives")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung"))
    assignees_text = models.CharField(_("đơn vị được giao (như văn bản ghi)"), max_length=500, blank=True)
    lead = models.ForeignKey(Organization, verbose_name=_("đơn vị chủ trì"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="led_directives")
    coordinating = models.ManyToManyField(Organization, verbose_name=_("đơn vị phối hợp"), blank=True,
                                          related_name="coordinated_directives")
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    deadline_precision = models.CharField(_("độ chính xác thời hạn"), max_length=8,
                                          choices=DeadlinePrecision.choices, default=DeadlinePrecision.NONE)
    target_text = models.CharField(_("chỉ tiêu"), max_length=255, blank=True)
    target_value = models.DecimalField(_("chỉ tiêu (từ)"), max_digits=18, decimal_places=2, null=True, blank=True)
    target_value_max = models.DecimalField(_("chỉ tiêu (đến)"), max_digits=18, decimal_places=2, null=True,
                                           blank=True)
    target_unit = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    places = models.ManyToManyField(AdminUnit, verbose_name=_("địa bàn"), blank=True, related_name="directives")
    priority = models.SmallIntegerField(_("mức độ"), choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(_("trạng thái"), max_length=16, choices=DirectiveStatus.choices,
                              default=DirectiveStatus.NEW, db_index=True)
    closed_reason = models.TextField(_("lý do"), blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    # Briefings this directive was carried over to, oldest first.
    carried_to = models.ManyToManyField(Meeting, verbose_name=_("chuyển sang cuộc họp"), blank=True,
                                        related_name="carried_directives")
    # Derived (directives/scope.py): the tree path of the top body above the meeting's host, and
    # whether a lead, coordinating body or the bloc lies outside it. Visibility reads them.
    area = scope.AreaField(max_length=255, editable=False, default="")
    reaches_out = models.BooleanField(editable=False, default=False)
    meeting_date = scope.MeetingDateField(editable=False)

    history = HistoricalRecords(m2m_fields=[coordinating, places],
                               excluded_fields=["area", "reaches_out", "meeting_date"])
    objects = DirectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ đạo")
        verbose_name_plural = _("chỉ đạo")
        ordering = ["meeting", "order", "pk"]
        indexes = [models.Index(fields=["status", "deadline"]),
                   # The list's default order starts with the deadline (PostgreSQL's btree keeps NULLs
                   # last, as the list wants): the first page is read in index order, not sorted.
                   models.Index(fields=["deadline", "meeting_date", "id"], name="directive_deadline_order"),
                   models.Index(fields=["meeting_date"], name="directive_meeting_date"),
                   # An area's list in its default and meeting orders, read in index order.
                   models.Index(fields=["area", "deadline", "meeting_date", "id"], name="directive_area_deadline"),
                   models.Index(fields=["area", "deadline", "meeting_date", "id"],
                                condition=models.Q(status__in=OPEN_STATUSES), name="directive_area_open"),
                   models.Index(fields=["area", "meeting_date"], name="directive_area_meeting"),
                   models.Index(fields=["deadline", "meeting_date", "id"], condition=models.Q(status__in=OPEN_STATUSES),
                                name="directive_open_deadline"),
                   # The few directives reaching out of their area, checked one by one.
                   models.Index(fields=["id"], condition=models.Q(reaches_out=True), name="directive_reaching_out")]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("directives:detail", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        self.text, self.assignees_text = nfc(self.text), nfc(self.assignees_text)
        self.target_text, self.target_unit = nfc(self.target_text), nfc(self.target_unit)
        # Whatever day was given, keep the last day the precision allows.
        self.deadline = deadlines.normalise(self.deadline, self.deadline_precision)
        if self.deadline is None:
            self.deadline_precision = DeadlinePrecision.NONE
        if self.pk and not getattr(self, "_amending", False) and self.issued_values() not in (None,
                                                                                              self.frozen_values()):
            raise FrozenRecordError()
        self.area, self.reaches_out = scope.scope_of(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "area", "reaches_out", "meeting_date"}
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.issued_values() is not None:
            raise FrozenRecordError()
        return super().delete(*args, **kwargs)

    def frozen_values(self) -> dict:
        return {name: getattr(self, name) for name in FROZEN_FIELDS}

    def issued_values(self) -> dict | None:
        """The stored values of the frozen fields if its conclusion notice was issued, else None."""
        if not self.pk:
            return None
        return (Directive.objects.filter(pk=self.pk, meeting__conclusion__issued_at__isnull=False)
                .values(*FROZEN_FIELDS).first())

    @property
    def is_issued(self) -> bool:
        """Its meeting's conclusion notice was issued: wording, lead, deadline and target are the record."""
        return self.meeting.record_is_issued()

    def clean(self) -> None:
        if self.deadline_precision != DeadlinePrecision.NONE and self.deadline is None:
            raise ValidationError({"deadline": _("Hãy ghi thời hạn hoặc chọn “Không thời hạn”.")})
        if (self.target_value is not None and self.target_value_max is not None
                and self.target_value_max < self.target_value):
            raise ValidationError({"target_value_max": _("Chỉ tiêu “đến” phải lớn hơn hoặc bằng “từ”.")})

    @property
    def latest_update(self) -> "DirectiveUpdate | None":
        """The newest progress report (from `with_latest_update()` when it was used, else one query)."""
        updates = getattr(self, "updates_newest_first", None)
        if updates is None:
            self.updates_newest_first = updates = list(self.updates.order_by("-created_at", "-pk")[:1])
        return updates[0] if updates else None

    @property
    def latest_note(self) -> str | None:
        return self.latest_update.note if self.latest_update else None

    @property
    def latest_percent(self) -> int | None:
        return self.latest_update.percent if self.latest_update else None

    @property
    def latest_at(self) -> datetime.datetime | None:
        return self.latest_update.created_at if self.latest_update else None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """Derived, never stored: past the last day its deadline allows and still open."""
        today = today or timezone.localdate()
        return self.is_open and deadlines.is_overdue(self.deadline, today)

    def is_due_soon(self, today: datetime.date | None = None, days: int = 7) -> bool:
        """Open and its last allowed day falls within `days` days (not yet overdue)."""
        today = today or timezone.localdate()
        return self.is_open and deadlines.is_due_within(self.deadline, today, days)

    def deadline_label(self) -> str:
        """The deadline as offices write it: "trong quý II/2022", "trước ngày 30/9/2023", "năm 2020"."""
        return deadlines.label(self.deadline, self.deadline_precision)

    def set_deadline(self, phrase: str) -> None:
        """Read a Vietnamese phrase ("trong quý II/2022", or "trong quý II" after the meeting day)."""
        self.deadline, self.deadline_precision = deadlines.parse(phrase, self.meeting.date if self.meeting_id
                                                                 else None)

    def target_label(self) -> str:
        if self.target_text:
            return self.target_text
        if self.target_value is None:
            return ""
        low = f"{self.target_value.normalize():f}".replace(".", ",")
        if self.target_value_max is not None:
            return f"{low}–{f'{self.target_value_max.normalize():f}'.replace('.', ',')} {self.target_unit}".strip()
        return f"{low} {self.target_unit}".strip()

    @property
    def convening(self) -> Organization:
        return self.meeting.convening

    def responsible_organizations(self) -> list[Organization]:
        """Who answers for it: the lead; when the text named none, the coordinating bodies."""
        return [self.lead] if self.lead_id else list(self.coordinating.all())

    # --- workflow: new → in_progress → done; cancelled; carried over (still open) -------------

    def record_progress(self, *, user, organization: Organization, note: str, percent: int | None = None,
                        evidence=None, round: "ProgressRound | None" = None) -> "DirectiveUpdate":
        """Store a progress report; the first one moves a new directive to in progress."""
        if not self.is_open:
            raise ValidationError(_("Chỉ đạo đã đóng, không nhận báo cáo tiến độ."))
        with transaction.atomic():
            update = DirectiveUpdate(directive=self, note=nfc(note), percent=percent, author=user,
                                     organization=organization, round=round)
            if evidence:
                update.evidence = evidence
            update.save()
            # Re-read: the status change must not overwrite an edit made since this page loaded.
            fresh = Directive.objects.get(pk=self.pk)
            if fresh.status == DirectiveStatus.NEW:
                fresh.status = DirectiveStatus.IN_PROGRESS
                fresh.save_versioned(fresh.version)
            self.status, self.version = fresh.status, fresh.version
        return update

    def close(self, *, user, status: str, reason: str, expected_version: int | None = None) -> None:
        """Mark done or cancelled, with the reason; refused if someone changed it since it was loaded."""
        if status not in CLOSED_STATUSES:
            raise ValidationError(_("Trạng thái đóng không hợp lệ."))
        if not self.is_open:
            raise ValidationError(_("Chỉ đạo này đã đóng."))
        if not nfc(reason):
            raise ValidationError({"reason": _("Hãy ghi lý do hoặc kết quả.")})
        self.status, self.closed_reason = status, nfc(reason)
        self.closed_by, self.closed_at = user, timezone.now()
        self.save_versioned(expected_version)

    def carry_over(self, *, to: Meeting, user=None) -> None:
        """Put this open directive on `to`'s agenda: it stays open, linked to both meetings."""
        if not self.is_open:
            raise ValidationError(_("Chỉ chuyển kỳ sau được chỉ đạo chưa hoàn thành."))
        if to.pk == self.meeting_id or to.date < self.meeting.date:
            raise ValidationError(_("Chỉ chuyển sang một cuộc họp sau cuộc họp đã giao."))
        with transaction.atomic():
            if not self.carried_to.filter(pk=to.pk).exists():
                self.carried_to.add(to)
            if self.status != DirectiveStatus.CARRIED_OVER:
                self.status = DirectiveStatus.CARRIED_OVER
                self.save_versioned(self.version)


class ProgressRound(models.Model):
    """A bulk progress round before a briefing: each lead body answers for all its open directives at once."""

    meeting = models.OneToOneField(Meeting, verbose_name=_("kỳ giao ban"), on_delete=models.CASCADE,
                                   related_name="progress_round")
    due_on = models.DateField(_("hạn báo cáo"), null=True, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt báo cáo tiến độ")
        verbose_name_plural = _("đợt báo cáo tiến độ")
        ordering = ["-meeting__date", "-pk"]

    def __str__(self) -> str:
        return str(_("Đợt báo cáo tiến độ trước %(meeting)s") % {"meeting": self.meeting})

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("directives:round", args=[self.pk])


class AmendmentKind(models.TextChoices):
    CORRECTION = "correction", _("Đính chính")  # the notice misstated what was concluded
    ADJUSTMENT = "adjustment", _("Điều chỉnh")  # what was concluded is changed by a later decision


class AmendedField(models.TextChoices):
    TEXT = "text", _("Nội dung")
    LEAD = "lead", _("Đơn vị chủ trì")
    DEADLINE = "deadline", _("Thời hạn")
    TARGET = "target", _("Chỉ tiêu")


def _shown(directive: Directive, field: str) -> str:
    """A field as the notice prints it, for the amendment's "old" and "new"."""
    if field == AmendedField.TEXT:
        return directive.text
    if field == AmendedField.LEAD:
        return directive.lead.name if directive.lead_id else ""
    if field == AmendedField.DEADLINE:
        return directive.deadline_label()
    return directive.target_label()


def amend(directive: Directive, *, user, kind: str, reason: str, changes: dict,
          expected_version: int | None = None) -> list["Amendment"]:
    """Change what an issued directive says, recording each field's old and new wording, who, when and why.

    `changes` maps model fields to new values (text, lead, deadline, deadline_precision, target_*).
    Progress and status are not amendments: they keep changing through their own actions.
    """
    if directive.issued_values() is None:
        raise ValidationError(_("Chỉ đạo chưa ban hành trong thông báo kết luận: hãy sửa trực tiếp."))
    if kind not in AmendmentKind.values:
        raise ValidationError({"kind": _("Hãy chọn đính chính hoặc điều chỉnh.")})
    if not nfc(reason):
        raise ValidationError({"reason": _("Hãy ghi lý do đính chính, điều chỉnh.")})
    before = {field: _shown(directive, field) for field in AmendedField.values}
    for name, value in changes.items():
        setattr(directive, name, nfc(value) if isinstance(value, str) else value)
    if "lead" in changes:  # the text "as written" named the old lead; the notice now names the new one
        directive.assignees_text = directive.lead.name if directive.lead_id else ""
    directive.deadline = deadlines.normalise(directive.deadline, directive.deadline_precision)
    after = {field: _shown(directive, field) for field in AmendedField.values}
    changed = [field for field in AmendedField.values if before[field] != after[field]]
    if not changed:
        raise ValidationError(_("Chưa có nội dung nào khác với chỉ đạo hiện tại."))
    with transaction.atomic():
        directive._amending = True
        try:
            directive.save_versioned(expected_version)
        finally:
            directive._amending = False
        return [Amendment.objects.create(directive=directive, field=field, old=before[field], new=after[field],
                                         kind=kind, reason=nfc(reason), by=user if user.is_authenticated else None)
                for field in changed]


class Amendment(models.Model):
    """One change to an issued directive: shown beside the original and printed in a later notice."""

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="amendments")
    field = models.CharField(_("nội dung thay đổi"), max_length=10, choices=AmendedField.choices)
    old = models.TextField(_("đã ban hành"), blank=True)
    new = models.TextField(_("sau thay đổi"), blank=True)
    kind = models.CharField(_("hình thức"), max_length=10, choices=AmendmentKind.choices)
    reason = models.TextField(_("lý do"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người ghi"), null=True,
                           on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("đính chính, điều chỉnh")
        verbose_name_plural = _("đính chính, điều chỉnh")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.get_field_display()}: {self.old} → {self.new}"


def deadline_before_meeting(day: datetime.date) -> str:
    return str(_("Thời hạn không được trước ngày họp (%(date)s).") % {"date": day.strftime("%d/%m/%Y")})


class DirectiveUpdate(models.Model):
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="updates")
    note = models.TextField(_("tiến độ, kết quả"))
    percent = models.PositiveSmallIntegerField(_("% hoàn thành"), null=True, blank=True,
                                               validators=[MaxValueValidator(100)])
    evidence = models.FileField(_("minh chứng"), upload_to="directives/%Y/%m/", blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị báo cáo"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    # Set when the report was made in a bulk round, so the convening body sees who has answered.
    round = models.ForeignKey(ProgressRound, verbose_name=_("đợt báo cáo"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="updates")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.note[:80]
