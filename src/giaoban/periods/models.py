import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from giaoban.periods import logic


class PeriodType(models.TextChoices):
    MONTH = logic.MONTH, _("Tháng")
    QUARTER = logic.QUARTER, _("Quý")
    HALF = logic.HALF, _("6 tháng")
    NINE_MONTHS = logic.NINE_MONTHS, _("9 tháng")
    YEAR = logic.YEAR, _("Năm")
    TERM = logic.TERM, _("Nhiệm kỳ")


class PeriodManager(models.Manager):
    def get_for(self, key: logic.PeriodKey) -> "Period":
        period, _created = self.get_or_create(type=key.type, year=key.year, number=key.number)
        return period

    def for_key(self, key: logic.PeriodKey) -> "Period":
        """The stored period for `key`, or an unsaved one (pk None): reading a page never creates periods."""
        return self.get_many([key])[0]

    def get_many(self, keys: "list[logic.PeriodKey]") -> "list[Period]":
        """Periods for `keys`, in their order, in one query; those not stored yet come back unsaved.

        A period is stored only when something is written for it (a report, a meeting:
        `get_for`), so pages that merely list or consolidate periods write nothing.
        """
        wanted = list(dict.fromkeys(keys))
        query = models.Q(pk__in=[])
        for key in wanted:
            query |= models.Q(type=key.type, year=key.year, number=key.number)
        found = {p.key: p for p in self.filter(query)} if wanted else {}
        for key in wanted:
            if key not in found:
                found[key] = Period(type=key.type, year=key.year, number=key.number, start=key.start, end=key.end)
        return [found[key] for key in keys]

    def from_label(self, label: str) -> "Period":
        """Get or create the period a label names; raises ValidationError in Vietnamese otherwise."""
        try:
            key = logic.parse_label(label)
        except logic.PeriodLabelError as error:
            raise ValidationError(str(error)) from error
        return self.get_for(key)

    def containing(self, day: datetime.date, type: str) -> "Period":
        number = {logic.MONTH: day.month, logic.QUARTER: (day.month - 1) // 3 + 1,
                  logic.HALF: 1 if day.month <= 6 else 2}.get(type, 0)
        return self.get_for(logic.PeriodKey(type, day.year, number))


class Period(models.Model):
    """A reporting period (kỳ báo cáo): month, quarter, half, nine months, year or term."""

    type = models.CharField(_("loại kỳ"), max_length=16, choices=PeriodType.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    # Month 1–12, quarter 1–4, half 1–2; 0 for nine months and year; a term's last year.
    number = models.PositiveSmallIntegerField(_("số"), default=0)
    start = models.DateField(_("từ ngày"), editable=False)
    end = models.DateField(_("đến ngày"), editable=False)

    objects = PeriodManager()

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["start", "-end"]
        constraints = [models.UniqueConstraint(fields=["type", "year", "number"], name="period_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> logic.PeriodKey:
        return logic.PeriodKey(self.type, self.year, self.number)

    @property
    def label(self) -> str:
        return self.key.label

    def clean(self) -> None:
        try:
            self.key  # noqa: B018 — validates type/year/number together
        except ValueError as error:
            raise ValidationError(_("Kỳ báo cáo không hợp lệ.")) from error

    def save(self, *args, **kwargs) -> None:
        key = self.key
        self.start, self.end = key.start, key.end
        super().save(*args, **kwargs)

    def next(self) -> "Period":
        """The following period, stored or not (see PeriodManager.get_many)."""
        return Period.objects.for_key(self.key.next())

    def previous(self) -> "Period":
        return Period.objects.for_key(self.key.previous())

    def contains(self, other: "Period") -> bool:
        return self.key.contains(other.key)
