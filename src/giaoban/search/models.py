"""One folded shadow text per searchable record.

The records keep their own text; this table holds, per record, what a search box compares:
the text folded (no diacritics, đ → d, one case, so old and new tone placement agree) plus
the common abbreviations both ways. SQLite searches it through an FTS5 table kept in step by
triggers, PostgreSQL through `words`, to_tsvector('simple', folded) stored by the database as a
generated column that the model does not declare (Django never writes it), under GIN indexes
(migration 0003).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from giaoban.organisations.models import Organization
from giaoban.periods.models import Period


class EntryKind(models.TextChoices):
    MEETING = "meeting", _("Cuộc họp")
    DIRECTIVE = "directive", _("Chỉ đạo")
    UPDATE = "update", _("Tiến độ")
    REPORT = "report", _("Báo cáo")
    DOCUMENT = "document", _("Văn bản")


class SearchEntry(models.Model):
    kind = models.CharField(_("loại"), max_length=10, choices=EntryKind.choices)
    object_id = models.PositiveBigIntegerField()
    # The directive an update belongs to: its visibility is the directive's.
    directive_id = models.PositiveBigIntegerField(null=True, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=500)
    body = models.TextField(_("nội dung"), blank=True)
    title_folded = models.CharField(max_length=500)
    folded = models.TextField()
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("đơn vị"))
    period = models.ForeignKey(Period, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name=_("kỳ"))
    date = models.DateField(_("ngày"), null=True, blank=True)
    # The areas (provinces) the entry can be seen from, " 12 34 " (scope.py): a search runs inside
    # the user's areas through an index; '' until computed.
    scope = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("mục tìm kiếm")
        verbose_name_plural = _("mục tìm kiếm")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")]
        indexes = [models.Index(fields=["directive_id"])]

    def __str__(self) -> str:
        return self.title
