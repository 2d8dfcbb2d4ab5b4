from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from giaoban.documents.models import CalendarToken, Document, IssuerProfile, NewsItem


@admin.register(IssuerProfile)
class IssuerProfileAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "code", "place", "term_start", "term_years"]
    search_fields = ["organization__name"]
    autocomplete_fields = []
    raw_id_fields = ["organization"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["code", "issuer", "doc_type", "issued_on", "published"]
    list_filter = ["doc_type", "published"]
    readonly_fields = ["issuer", "doc_type", "cycle", "number", "code", "content", "docx_sha256", "pdf_sha256"]
    raw_id_fields = ["meeting", "bloc", "period"]


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organization", "published", "published_at"]
    raw_id_fields = ["organization", "meeting"]


@admin.register(CalendarToken)
class CalendarTokenAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "created_at", "revoked_at"]
    raw_id_fields = ["organization"]
