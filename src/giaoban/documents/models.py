"""Official documents issued from the records: numbers, files, news items, calendars.

An issued document keeps the exact content it was rendered from (`content`), so
regenerating it later gives the same text even if the meeting was edited since.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.text import nfc
from giaoban.core.versioning import Versioned
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.models import Period


class DocumentType(models.TextChoices):
    NOTICE = "notice", _("Thông báo kết luận")
    INVITATION = "invitation", _("Giấy mời")
    REPORT = "report", _("Báo cáo tổng hợp")
    MINUTES = "minutes", _("Biên bản hội nghị")


class IssuerProfile(Versioned):
    """Per-body overrides of the derived format profile (header lines, code, place, Party term)."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="document_profile",
                                        verbose_name=_("đơn vị"))
    superior_lines = models.CharField(_("dòng cơ quan cấp trên"), max_length=255, blank=True,
                                      help_text=_("Mỗi dòng cách nhau bởi dấu |; để trống để dùng mặc định."))
    issuer_lines = models.CharField(_("dòng tên cơ quan ban hành"), max_length=255, blank=True,
                                    help_text=_("Mỗi dòng cách nhau bởi dấu |; để trống để dùng mặc định."))
    code = models.CharField(_("ký hiệu cơ quan"), max_length=40, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    authority = models.CharField(_("thẩm quyền ký thay mặt (T/M, TM.)"), max_length=100, blank=True)
    term_start = models.DateField(_("ngày bắt đầu nhiệm kỳ"), null=True, blank=True)
    term_years = models.PositiveSmallIntegerField(_("số năm một nhiệm kỳ"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thể thức văn bản của đơn vị")
        verbose_name_plural = _("thể thức văn bản của đơn vị")

    def __str__(self) -> str:
        return str(self.organization)

    def apply(self, profile) -> None:
        if self.superior_lines:
            profile.superior_lines = [nfc(s) for s in self.superior_lines.split("|") if s.strip()]
        if self.issuer_lines:
            profile.issuer_lines = [nfc(s) for s in self.issuer_lines.split("|") if s.strip()]
        profile.code = nfc(self.code) or profile.code
        profile.place = nfc(self.place) or profile.place
        profile.authority = nfc(self.authority) or profile.authority
        profile.term_start = self.term_start or profile.term_start
        profile.term_years = self.term_years or profile.term_years


class NumberSequence(models.Model):
    """The last number given, per issuer, document type and cycle (a year, or a Party term "2020–2025")."""

    issuer = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    doc_type = models.CharField(max_length=16, choices=DocumentType.choices)
    cycle = models.CharField(max_length=16)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "doc_type", "cycle"], name="number_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.issuer} {self.doc_type} {self.cycle}: {self.last_number}"


class Document(models.Model):
    """An issued official document: its number, its frozen content and its files."""

    issuer = models.ForeignKey(Organization, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                               related_name="issued_documents")
    doc_type = models.CharField(_("loại văn bản"), max_length=16, choices=DocumentType.choices)
    cycle = models.CharField(_("năm / nhiệm kỳ đánh số"), max_length=16)
    number = models.PositiveIntegerField(_("số"))
    code = models.CharField(_("số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.CharField(_("trích yếu"), max_length=500)
    meeting = models.ForeignKey(Meeting, verbose_name=_("cuộc họp"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="documents")
    bloc = models.ForeignKey(Bloc, verbose_name=_("khối"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    period = models.ForeignKey(Period, verbose_name=_("kỳ"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    content = models.JSONField(_("nội dung đã ban hành"), default=dict)
    docx = models.FileField(_("tệp DOCX"), upload_to="documents/%Y/", blank=True)
    pdf = models.FileField(_("tệp PDF"), upload_to="documents/%Y/", blank=True)
    docx_sha256 = models.CharField(max_length=64, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    published = models.BooleanField(_("công khai"), default=False)
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-number"]
        constraints = [
            # A number is never given twice in one cycle of one register.
            models.UniqueConstraint(fields=["issuer", "doc_type", "cycle", "number"], name="document_number_unique"),
        ]
        indexes = [models.Index(fields=["issuer", "published", "issued_on"])]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    @property
    def number_line(self) -> str:
        return self.content.get("number_line", self.code)


class NewsItem(Versioned):
    """A news item (tin bài) about a meeting, drafted from its records and edited before publishing."""

    organization = models.ForeignKey(Organization, verbose_name=_("đơn vị đăng tin"), on_delete=models.PROTECT,
                                     related_name="news_items")
    meeting = models.ForeignKey(Meeting, verbose_name=_("cuộc họp"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="news_items")
    title = models.CharField(_("tiêu đề"), max_length=300)
    lead = models.TextField(_("sapo"), blank=True)
    body = models.TextField(_("nội dung"), help_text=_("Mỗi đoạn cách nhau một dòng trống."))
    author = models.CharField(_("tác giả"), max_length=150, blank=True)
    published = models.BooleanField(_("công khai"), default=False)
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.title, self.author = nfc(self.title), nfc(self.author)
        self.lead = nfc(self.lead)
        self.body = "\n\n".join(nfc(p) for p in self.paragraphs())
        if self.published and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def paragraphs(self) -> list[str]:
        return [p for p in (part.strip() for part in self.body.replace("\r\n", "\n").split("\n\n")) if p]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a private calendar feed's URL; revoking it makes that URL answer 404."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="calendar_tokens")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mã lịch công tác riêng")
        verbose_name_plural = _("mã lịch công tác riêng")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organization} ({self.created_at:%d/%m/%Y})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self, when: datetime.datetime | None = None) -> None:
        if self.revoked_at is None:
            self.revoked_at = when or timezone.now()
            self.save(update_fields=["revoked_at"])


class DocumentSnapshot(models.Model):
    """The conclusion and directives exactly as a notice issued them, with the SHA-256 of that JSON.

    Written in the same transaction as the document's number; never changed afterwards.  Later changes to
    the directives are amendments (directives.Amendment), printed as such in a later notice.
    """

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="snapshot")
    data = models.JSONField(_("kết luận và chỉ đạo như đã ban hành"))
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bản lưu nội dung đã ban hành")
        verbose_name_plural = _("bản lưu nội dung đã ban hành")

    def __str__(self) -> str:
        return f"{self.document.code} ({self.sha256[:12]})"
