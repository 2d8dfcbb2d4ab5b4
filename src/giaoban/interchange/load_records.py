"""Import of the other records: indicators, report templates and period reports, documents, news items."""

from giaoban.documents.models import Document, DocumentSnapshot, IssuerProfile, NewsItem, NumberSequence
from giaoban.interchange import keys
from giaoban.interchange.files import find_same
from giaoban.interchange.importer import set_many
from giaoban.interchange.values import read_day, read_instant, read_number
from giaoban.organisations.models import Bloc
from giaoban.reports.models import (
    SECTION_KEYS,
    Indicator,
    IndicatorValue,
    PeriodReport,
    ReportAttachment,
    ReportDeadline,
    ReportTemplate,
)


def load(im) -> None:
    indicators = _indicators(im)
    _templates(im, indicators)
    for row in im.rows("reports"):
        _report(im, row, indicators)
    for row in im.rows("documents"):
        _document(im, row)
    for row in im.rows("number_sequences"):
        _sequence(im, row)
    for row in im.rows("issuer_profiles"):
        organization = im.org(row["organization"])
        im.upsert(IssuerProfile, IssuerProfile.objects.filter(organization=organization).first(), {
            "organization": organization, "term_start": read_day(row["term_start"]),
            **{name: row[name] for name in ("superior_lines", "issuer_lines", "code", "place", "authority",
                                            "term_years")}})
    for row in im.rows("news"):
        _news(im, row)


def _indicators(im) -> dict[str, Indicator]:
    """The catalogue is the installation's own: a missing indicator is added, one with the same code kept as it is."""
    found = {}
    for row in im.rows("indicators"):
        indicator = Indicator.objects.filter(code=row["code"]).first()
        if indicator is None:
            indicator = im.upsert(Indicator, None, {**row, "valid_from": read_day(row["valid_from"]),
                                                    "valid_to": read_day(row["valid_to"])})
        found[row["code"]] = indicator
    return found


def _templates(im, indicators: dict[str, Indicator]) -> None:
    for row in im.rows("report_templates"):
        bloc = im.blocs.get(row["bloc"]) or Bloc.objects.get(name=row["bloc"])
        template = im.upsert(ReportTemplate, ReportTemplate.objects.filter(
            bloc=bloc, period_type=row["period_type"]).first(), {
            "bloc": bloc, "period_type": row["period_type"], "sections": row["sections"],
            "deadline_days": row["deadline_days"]})
        set_many(template.indicators, [indicators[code] for code in row["indicators"]])
        for deadline in row["deadlines"]:
            period = keys.find_period(deadline["period"])
            im.upsert(ReportDeadline, template.deadlines.filter(period=period).first(),
                      {"template": template, "period": period, "deadline": read_day(deadline["deadline"])})


def _report(im, row: dict, indicators: dict[str, Indicator]) -> None:
    organization, period = im.org(row["organization"]), keys.find_period(row["period"])
    report = im.upsert(PeriodReport, PeriodReport.objects.filter(organization=organization, period=period).first(), {
        "organization": organization, "period": period, "status": row["status"],
        **{key: row[key] for key in SECTION_KEYS}, "return_reason": row["return_reason"],
        "submitted_at": read_instant(row["submitted_at"]), "submitted_by": im.user(row["submitted_by"]),
        "reviewed_at": read_instant(row["reviewed_at"]), "reviewed_by": im.user(row["reviewed_by"])})
    # The figures are the report's own: the file's set replaces the stored one.
    wanted = {value["indicator"]: value for value in row["values"]}
    report.values.exclude(indicator__code__in=list(wanted)).delete()
    stored = {value.indicator.code: value for value in report.values.select_related("indicator")}
    for code, value in wanted.items():
        im.upsert(IndicatorValue, stored.get(code), {"report": report, "indicator": indicators[code],
                                                     "value": read_number(value["value"]), "note": value["note"]})
    for attachment in row["attachments"]:
        found = find_same(report.attachments.filter(name=attachment["name"]), attachment["file"])
        im.upsert(ReportAttachment, found, {"report": report, "name": attachment["name"],
                                            "uploaded_by": im.user(attachment["uploaded_by"])},
                  files={"file": attachment["file"]}, stamps={"uploaded_at": read_instant(attachment["uploaded_at"])})
    im.keep_history(report, row)


def _document(im, row: dict) -> None:
    issuer = im.org(row["issuer"])
    found = Document.objects.filter(issuer=issuer, doc_type=row["doc_type"], cycle=row["cycle"],
                                    number=row["number"]).first()
    document = im.upsert(Document, found, {
        "issuer": issuer, "doc_type": row["doc_type"], "cycle": row["cycle"], "number": row["number"],
        "code": row["code"], "issued_on": read_day(row["issued_on"]), "title": row["title"],
        "meeting": im.meetings.get(row["meeting"]) if row["meeting"] else None,
        "bloc": (im.blocs.get(row["bloc"]) or Bloc.objects.filter(name=row["bloc"]).first()) if row["bloc"] else None,
        "period": keys.find_period(row["period"]), "content": row["content"], "docx_sha256": row["docx_sha256"],
        "pdf_sha256": row["pdf_sha256"], "published": row["published"],
        "published_at": read_instant(row["published_at"]), "created_by": im.user(row["created_by"])},
        files={"docx": row["docx"], "pdf": row["pdf"]}, stamps={"created_at": read_instant(row["created_at"])})
    snapshot = row["snapshot"]
    if snapshot is not None:
        im.upsert(DocumentSnapshot, DocumentSnapshot.objects.filter(document=document).first(),
                  {"document": document, "data": snapshot["data"], "sha256": snapshot["sha256"]},
                  stamps={"created_at": read_instant(snapshot["created_at"])})


def _sequence(im, row: dict) -> None:
    """A register's last number never goes back: the next document must not repeat a number given here."""
    issuer = im.org(row["issuer"])
    found = NumberSequence.objects.filter(issuer=issuer, doc_type=row["doc_type"], cycle=row["cycle"]).first()
    last = max(row["last_number"], found.last_number if found else 0)
    im.upsert(NumberSequence, found, {"issuer": issuer, "doc_type": row["doc_type"], "cycle": row["cycle"],
                                      "last_number": last})


def _news(im, row: dict) -> None:
    organization, created_at = im.org(row["organization"]), read_instant(row["created_at"])
    found = NewsItem.objects.filter(organization=organization, created_at=created_at, title=row["title"]).first()
    im.upsert(NewsItem, found, {
        "organization": organization, "meeting": im.meetings.get(row["meeting"]) if row["meeting"] else None,
        "title": row["title"], "lead": row["lead"], "body": row["body"], "author": row["author"],
        "published": row["published"], "published_at": read_instant(row["published_at"])},
        stamps={"created_at": created_at})
