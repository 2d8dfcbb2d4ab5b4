"""The other records of an export: indicators and period reports, issued documents, news items."""

from typing import Any

from giaoban.documents.models import Document, IssuerProfile, NewsItem, NumberSequence
from giaoban.interchange.export_meetings import history
from giaoban.interchange.keys import document_key, period_key, report_key
from giaoban.interchange.values import day, instant, number
from giaoban.organisations.models import Bloc
from giaoban.reports.models import SECTION_KEYS, Indicator, PeriodReport, ReportTemplate


def sections(ex, blocs: list[Bloc]) -> dict[str, Any]:
    reports = list(PeriodReport.objects.filter(organization__in=ex.subtree).select_related(
        "organization__locality", "period", "submitted_by", "reviewed_by").prefetch_related(
        "values__indicator", "attachments__uploaded_by"))
    templates = list(ReportTemplate.objects.filter(bloc__in=blocs).select_related("bloc").prefetch_related(
        "indicators", "deadlines__period"))
    documents = list(Document.objects.filter(issuer__in=ex.subtree).select_related(
        "issuer__locality", "bloc", "period", "created_by", "snapshot"))
    codes = {v.indicator.code for r in reports for v in r.values.all()}
    codes |= {i.code for t in templates for i in t.indicators.all()}
    return {
        "indicators": [_indicator(i) for i in Indicator.objects.filter(code__in=codes).order_by("code")],
        "report_templates": sorted((_template(t) for t in templates), key=lambda t: (t["bloc"], t["period_type"])),
        "reports": sorted((_report(ex, r) for r in reports), key=lambda r: r["key"]),
        "documents": sorted((_document(ex, d) for d in documents), key=lambda d: d["key"]),
        "number_sequences": sorted(({"issuer": ex.org(s.issuer), "doc_type": s.doc_type, "cycle": s.cycle,
                                     "last_number": s.last_number}
                                    for s in NumberSequence.objects.filter(issuer__in=ex.subtree)
                                    .select_related("issuer__locality")),
                                   key=lambda s: (s["issuer"], s["doc_type"], s["cycle"])),
        "issuer_profiles": sorted((_profile(ex, p) for p in IssuerProfile.objects.filter(
            organization__in=ex.subtree).select_related("organization__locality")),
            key=lambda p: p["organization"]),
        "news": sorted((_news(ex, n) for n in NewsItem.objects.filter(organization__in=ex.subtree).select_related(
            "organization__locality")), key=lambda n: (n["organization"], n["created_at"], n["title"])),
    }


def _indicator(indicator: Indicator) -> dict:
    return {"code": indicator.code, "name": indicator.name, "unit": indicator.unit, "kind": indicator.kind,
            "tree_aggregation": indicator.tree_aggregation, "time_aggregation": indicator.time_aggregation,
            "organization_types": indicator.organization_types, "area": indicator.area,
            "position": indicator.position, "valid_from": day(indicator.valid_from),
            "valid_to": day(indicator.valid_to)}


def _template(template: ReportTemplate) -> dict:
    return {"bloc": template.bloc.name, "period_type": template.period_type, "sections": template.sections,
            "indicators": sorted(i.code for i in template.indicators.all()), "deadline_days": template.deadline_days,
            "deadlines": sorted(({"period": period_key(d.period), "deadline": day(d.deadline)}
                                 for d in template.deadlines.all()), key=lambda d: d["period"])}


def _report(ex, report: PeriodReport) -> dict:
    return {
        "key": report_key(report), "organization": ex.org(report.organization), "period": period_key(report.period),
        "status": report.status, **{key: getattr(report, key) for key in SECTION_KEYS},
        "return_reason": report.return_reason, "submitted_at": instant(report.submitted_at),
        "submitted_by": ex.user(report.submitted_by), "reviewed_at": instant(report.reviewed_at),
        "reviewed_by": ex.user(report.reviewed_by),
        "values": sorted(({"indicator": v.indicator.code, "value": number(v.value), "note": v.note}
                          for v in report.values.all()), key=lambda v: v["indicator"]),
        "attachments": sorted(({"name": a.name, "file": ex.file(a.file), "uploaded_by": ex.user(a.uploaded_by),
                                "uploaded_at": instant(a.uploaded_at)} for a in report.attachments.all()),
                              key=lambda a: (a["uploaded_at"], a["name"])),
        **history(ex, report),
    }


def _document(ex, document: Document) -> dict:
    snapshot = getattr(document, "snapshot", None)
    return {
        "key": document_key(document), "issuer": ex.org(document.issuer), "doc_type": document.doc_type,
        "cycle": document.cycle, "number": document.number, "code": document.code,
        "issued_on": day(document.issued_on), "title": document.title,
        "meeting": ex.meeting_keys.get(document.meeting_id), "bloc": document.bloc.name if document.bloc_id else None,
        "period": period_key(document.period), "content": document.content, "docx": ex.file(document.docx),
        "pdf": ex.file(document.pdf), "docx_sha256": document.docx_sha256, "pdf_sha256": document.pdf_sha256,
        "published": document.published, "published_at": instant(document.published_at),
        "created_by": ex.user(document.created_by), "created_at": instant(document.created_at),
        "snapshot": None if snapshot is None else {"data": snapshot.data, "sha256": snapshot.sha256,
                                                   "created_at": instant(snapshot.created_at)},
    }


def _profile(ex, profile: IssuerProfile) -> dict:
    return {"organization": ex.org(profile.organization), "superior_lines": profile.superior_lines,
            "issuer_lines": profile.issuer_lines, "code": profile.code, "place": profile.place,
            "authority": profile.authority, "term_start": day(profile.term_start), "term_years": profile.term_years}


def _news(ex, item: NewsItem) -> dict:
    return {"organization": ex.org(item.organization), "meeting": ex.meeting_keys.get(item.meeting_id),
            "title": item.title, "lead": item.lead, "body": item.body, "author": item.author,
            "published": item.published, "published_at": instant(item.published_at),
            "created_at": instant(item.created_at)}
