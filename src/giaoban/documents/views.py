"""Pages for issuing and finding documents, and the public pages and feeds."""

from __future__ import annotations

import datetime
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from giaoban.accounts.access import has_role, visible_organizations
from giaoban.accounts.models import Role
from giaoban.core import textsearch
from giaoban.core.paging import paginate
from giaoban.core.text import fold
from giaoban.core.versioning import ConcurrentEditError
from giaoban.documents import calendar as work_calendar
from giaoban.documents import content as build
from giaoban.documents import minutes, news
from giaoban.documents.forms import IssueForm, NewsItemForm
from giaoban.documents.models import CalendarToken, Document, DocumentSnapshot, DocumentType, NewsItem
from giaoban.documents.render import DOCX_MIME, PDF_MIME
from giaoban.documents.render import render as render_file
from giaoban.documents.rules import can_issue_document, can_view_document
from giaoban.documents.service import RenderError, file_stem, issue_invitation, issue_notice, matches_stored
from giaoban.meetings.models import BriefingSeries, Meeting
from giaoban.organisations.models import Organization
from giaoban.organisations.views import visible_organization_or_404

DRAFT_BUILDERS = {DocumentType.NOTICE: build.notice, DocumentType.INVITATION: build.invitation,
                  DocumentType.MINUTES: minutes.minutes}
ISSUERS = {DocumentType.NOTICE: issue_notice, DocumentType.INVITATION: issue_invitation,
           DocumentType.MINUTES: minutes.issue_minutes}
FORMATS = {"docx": DOCX_MIME, "pdf": PDF_MIME}

logger = logging.getLogger(__name__)


def _meeting_or_404(request: HttpRequest, pk: int, edit: bool = False) -> Meeting:
    """The meeting, for whoever may see it (the meetings app's rule); editing needs its editors."""
    meeting = get_object_or_404(Meeting.objects.select_related("host", "bloc", "period"), pk=pk)
    if not request.user.has_perm("meetings.view_meeting", meeting):
        raise Http404
    if edit and not request.user.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied
    return meeting


def _document_or_404(request: HttpRequest, pk: int, change: bool = False) -> Document:
    """A document for whoever may see it: a role on its issuer, or the right to issue it (documents/rules.py)."""
    document = get_object_or_404(Document.objects.select_related("issuer", "meeting__bloc__convening",
                                                                 "meeting__host"), pk=pk)
    if not can_view_document(request.user, document):
        raise Http404
    if change and not can_issue_document(request.user, document):
        raise PermissionDenied
    return document


def _file_response(data: bytes, fmt: str, stem: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type=FORMATS[fmt])
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{stem}.{fmt}"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    visible = visible_organizations(request.user)
    meetings = Meeting.objects.visible_to(request.user).select_related("host").order_by("-date", "-pk")
    query = request.GET.get("q", "").strip()
    if query:
        matched = textsearch.matching(Meeting.objects.all(), query, "title").values("pk")
        meetings = meetings.filter(Q(pk__in=matched) | Q(host__name_folded__contains=fold(query)))
    page = paginate(request, meetings, 30)
    issuers = Organization.objects.filter(pk__in=visible.values("pk"), issued_documents__isnull=False).distinct()
    return render(request, "documents/index.html", {"page": page, "issuers": issuers, "q": query})


def _signer_title(meeting: Meeting, doc_type: str) -> str:
    """The chair signs the minutes; the one who concluded signs the notice and the invitation."""
    return (minutes.chair_of(meeting) if doc_type == DocumentType.MINUTES else build._concluder(meeting))[1]


@login_required
def meeting_documents(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(request, pk)
    can_issue = request.user.has_perm("meetings.change_meeting", meeting)
    forms = {}
    for doc_type in DRAFT_BUILDERS:
        draft = DRAFT_BUILDERS[doc_type](meeting)
        forms[doc_type] = IssueForm(prefix=doc_type, initial={
            "issued_on": timezone.localdate().strftime("%d/%m/%Y"),
            "signer_name": draft["signature"]["name"],
            "signer_title": _signer_title(meeting, doc_type),
            "recipients": "\n".join(line[2:].rstrip(",;.") for line in draft["recipients"][:-1]),
        })
    return render(request, "documents/meeting.html", {
        "meeting": meeting, "documents": meeting.documents.order_by("-issued_on", "-pk"),
        "news_items": meeting.news_items.order_by("-pk"), "can_issue": can_issue,
        "can_see_register": has_role(request.user, meeting.host, Role.VIEWER),
        "notice_form": forms[DocumentType.NOTICE], "invitation_form": forms[DocumentType.INVITATION],
        "minutes_form": forms[DocumentType.MINUTES],
    })


@login_required
def draft_file(request: HttpRequest, pk: int, doc_type: str, fmt: str) -> HttpResponse:
    """An unnumbered draft (the number is filled in at issue time), to check before issuing."""
    meeting = _meeting_or_404(request, pk)
    if doc_type not in DRAFT_BUILDERS or fmt not in FORMATS:
        raise Http404
    content = DRAFT_BUILDERS[doc_type](meeting)
    return _file_response(render_file(content, fmt), fmt, f"du-thao-{doc_type}-{meeting.pk}", inline=fmt == "pdf")


@login_required
@require_POST
def issue_document(request: HttpRequest, pk: int, doc_type: str) -> HttpResponse:
    meeting = _meeting_or_404(request, pk, edit=True)
    if doc_type not in ISSUERS:
        raise Http404
    form = IssueForm(request.POST, prefix=doc_type)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("documents:meeting", meeting.pk)
    try:
        document = ISSUERS[doc_type](
            meeting, issued_on=form.cleaned_data["issued_on"], user=request.user,
            signer_name=form.cleaned_data["signer_name"], signer_title=form.cleaned_data["signer_title"],
            recipients=form.recipient_list())
    except RenderError:
        logger.exception("rendering failed for meeting %s (%s)", meeting.pk, doc_type)
        messages.error(request, _("Không tạo được tệp văn bản nên chưa ban hành và chưa lấy số. "
                                  "Hãy kiểm tra lại nội dung cuộc họp (tên, trích yếu) rồi thử lại."))
        return redirect("documents:meeting", meeting.pk)
    messages.success(request, _("Đã ban hành văn bản số %(code)s.") % {"code": document.code})
    return redirect("documents:detail", document.pk)


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_or_404(request, pk)
    return render(request, "documents/detail.html", {
        "document": document, "can_publish": can_issue_document(request.user, document),
        "can_see_register": has_role(request.user, document.issuer, Role.VIEWER),
        "snapshot": DocumentSnapshot.objects.filter(document=document).first(),
        "history": document.history.select_related("history_user").order_by("-history_date")[:20],
        "verified": matches_stored(document) if request.GET.get("kiem-tra") else None,
    })


@login_required
def document_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    document = _document_or_404(request, pk)
    return _stored_file(document, fmt)


def _stored_file(document: Document, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    stored = getattr(document, fmt)
    if stored:
        try:
            with stored.open("rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            data = render_file(document.content, fmt)
    else:
        data = render_file(document.content, fmt)  # same content, same bytes
    return _file_response(data, fmt, file_stem(document.code), inline=fmt == "pdf")


@login_required
@require_POST
def publish_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_or_404(request, pk, change=True)
    publish = request.POST.get("publish") == "1"
    if publish != document.published:
        document.published = publish
        document.published_at = timezone.now() if publish else None
        document.save(update_fields=["published", "published_at"])
    messages.success(request, _("Đã công khai văn bản.") if publish else _("Đã thôi công khai văn bản."))
    return redirect("documents:detail", document.pk)


@login_required
def register(request: HttpRequest, org_pk: int) -> HttpResponse:
    """The register (sổ đăng ký văn bản đi) of one issuer."""
    issuer = visible_organization_or_404(request, org_pk)
    documents = issuer.issued_documents.select_related("meeting").order_by("-cycle", "doc_type", "-number")
    doc_type = request.GET.get("loai", "")
    if doc_type in DocumentType.values:
        documents = documents.filter(doc_type=doc_type)
    cycle = request.GET.get("ky", "")
    cycles = list(issuer.issued_documents.order_by("-cycle").values_list("cycle", flat=True).distinct())
    if cycle in cycles:
        documents = documents.filter(cycle=cycle)
    page = paginate(request, documents, 50)
    template = "documents/register.html#rows" if request.htmx else "documents/register.html"
    return render(request, template, {"issuer": issuer, "page": page, "types": DocumentType.choices,
                                      "doc_type": doc_type, "cycles": cycles, "cycle": cycle})


@login_required
@require_POST
def news_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(request, pk, edit=True)
    item = news.draft(meeting)
    item.save()
    messages.success(request, _("Đã tạo bản thảo tin bài; hãy đọc lại và sửa trước khi đăng."))
    return redirect("documents:news_edit", item.pk)


def _news_or_404(request: HttpRequest, pk: int, minimum: int = Role.VIEWER) -> NewsItem:
    item = get_object_or_404(NewsItem.objects.select_related("organization", "meeting"), pk=pk)
    if not has_role(request.user, item.organization, Role.VIEWER):
        raise Http404
    if not has_role(request.user, item.organization, minimum):
        raise PermissionDenied
    return item


@login_required
def news_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _news_or_404(request, pk)
    can_edit = has_role(request.user, item.organization, Role.EDITOR)
    form = NewsItemForm(request.POST or None, instance=item)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                form.instance.save_versioned(form.cleaned_data["version"])
            except ConcurrentEditError as error:
                messages.error(request, str(error))
                return redirect("documents:news_edit", item.pk)
            messages.success(request, _("Đã lưu tin bài."))
            return redirect("documents:news_edit", item.pk)
    return render(request, "documents/news_edit.html", {
        "item": item, "form": form, "can_edit": can_edit, "preview": news.as_html(item),
        "history": item.history.select_related("history_user").order_by("-history_date")[:20],
    })


def _news_download(content: str, filename: str) -> HttpResponse:
    """A news item as a file to paste into the portal (plain text so browsers never render it)."""
    response = HttpResponse(content, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def news_text(request: HttpRequest, pk: int) -> HttpResponse:
    item = _news_or_404(request, pk)
    return _news_download(news.as_text(item), f"tin-bai-{item.pk}.txt")


@login_required
def news_html(request: HttpRequest, pk: int) -> HttpResponse:
    """The article as an HTML fragment to paste into the portal's editor."""
    item = _news_or_404(request, pk)
    return _news_download(news.as_html(item), f"tin-bai-{item.pk}.html")


@login_required
def calendar_settings(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = visible_organization_or_404(request, org_pk)
    can_manage = has_role(request.user, organization, Role.EDITOR)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if request.POST.get("action") == "revoke":
            token = get_object_or_404(CalendarToken, pk=request.POST.get("token"), organization=organization)
            token.revoke()
            messages.success(request, _("Đã thu hồi đường dẫn lịch nội bộ; đường dẫn cũ không còn dùng được."))
        else:
            CalendarToken.objects.create(organization=organization, created_by=request.user)
            messages.success(request, _("Đã tạo đường dẫn lịch nội bộ mới."))
        return redirect("documents:calendar_settings", organization.pk)
    tokens = [(t, request.build_absolute_uri(reverse("documents:private_ics", args=[t.token])))
              for t in organization.calendar_tokens.all()] if can_manage else []
    return render(request, "documents/calendar_settings.html", {
        "organization": organization, "tokens": tokens, "can_manage": can_manage,
        "public_url": request.build_absolute_uri(reverse("documents:public_ics", args=[organization.pk])),
        "meetings": work_calendar.meetings_of(organization, public_only=False).filter(
            date__gte=timezone.localdate() - datetime.timedelta(days=31))[:50],
    })


# --- public pages: no login, only what is published or marked public ---

def _public_organization(org_pk: int) -> Organization:
    return get_object_or_404(Organization, pk=org_pk)


def public_page(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = _public_organization(org_pk)
    documents = organization.issued_documents.filter(published=True).order_by("-issued_on", "-number", "pk")
    items = organization.news_items.filter(published=True).order_by("-published_at", "pk")
    return render(request, "documents/public.html", {"organization": organization,
                                                     "documents": paginate(request, documents, 30),
                                                     "news_items": paginate(request, items, 20, "tin")})


def public_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk, published=True)
    return _stored_file(document, "pdf")


def public_news(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(NewsItem.objects.select_related("organization"), pk=pk, published=True)
    return render(request, "documents/public_news.html", {"item": item, "organization": item.organization})


def public_calendar(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = _public_organization(org_pk)
    since = timezone.localdate()
    meetings = work_calendar.meetings_of(organization, public_only=True)
    upcoming = meetings.filter(date__gte=since)
    past = meetings.filter(date__lt=since).order_by("-date")[:30]
    return render(request, "documents/public_calendar.html", {"organization": organization, "upcoming": upcoming,
                                                              "past": past})


def _ics_response(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def public_ics(request: HttpRequest, org_pk: int) -> HttpResponse:
    organization = _public_organization(org_pk)
    meetings = work_calendar.meetings_of(organization, public_only=True)
    return _ics_response(work_calendar.feed(organization, meetings, domain=request.get_host(), private=False),
                         f"lich-cong-tac-{organization.pk}")


def private_ics(request: HttpRequest, token: str) -> HttpResponse:
    """Every meeting of the body, for its own staff's calendars; a revoked token answers 404."""
    entry = get_object_or_404(CalendarToken.objects.select_related("organization"), token=token,
                              revoked_at__isnull=True)
    organization = entry.organization
    meetings = work_calendar.meetings_of(organization, public_only=False)
    return _ics_response(work_calendar.feed(organization, meetings, domain=request.get_host(), private=True),
                         f"lich-noi-bo-{organization.pk}")


@login_required
def series_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """All meetings of a briefing series, for those who may see the series."""
    series = get_object_or_404(BriefingSeries, pk=pk)
    if not request.user.has_perm("meetings.view_series", series):
        raise Http404
    meetings = work_calendar.series_meetings(series, public_only=False)
    return _ics_response(work_calendar.series_feed(series, meetings, domain=request.get_host()), f"chuoi-{series.pk}")


def public_series_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The series' meetings marked public, for calendars that subscribe without logging in."""
    series = get_object_or_404(BriefingSeries, pk=pk, active=True)
    meetings = work_calendar.series_meetings(series, public_only=True)
    return _ics_response(work_calendar.series_feed(series, meetings, domain=request.get_host()), f"chuoi-{series.pk}")
