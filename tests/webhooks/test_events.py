"""Which changes queue which events, for which webhooks."""

import datetime

import pytest
from django.utils import timezone

from giaoban.documents.models import Document, DocumentType
from giaoban.reports.models import ReportStatus
from giaoban.webhooks.models import Delivery, Webhook
from tests.directives.factories import DirectiveFactory
from tests.factories import OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory
from tests.reports.factories import PeriodReportFactory


@pytest.fixture
def tree(db):
    province = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Sự Kiện")
    district = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện Sự Kiện", parent=province)
    other = OrganizationFactory(name="Ủy ban MTTQ Việt Nam tỉnh Khác")
    hooks = {name: Webhook.objects.create(organization=org, url=f"http://127.0.0.1:9/{name}")
             for name, org in {"province": province, "district": district, "other": other}.items()}
    return province, district, hooks


def _events(hook) -> list[str]:
    return sorted(hook.deliveries.values_list("event", flat=True))


def test_a_new_directive_is_heard_by_its_body_and_the_bodies_above_not_by_others(tree):
    province, district, hooks = tree
    DirectiveFactory(meeting=MeetingFactory(host=district), lead=district)
    assert _events(hooks["district"]) == ["directive.created"]
    assert _events(hooks["province"]) == ["directive.created"]
    assert _events(hooks["other"]) == []


def test_closing_a_directive_as_done_queues_done_once(tree):
    _province, district, hooks = tree
    directive = DirectiveFactory(meeting=MeetingFactory(host=district), lead=district)
    directive.close(user=UserFactory(), status="done", reason="Đã hoàn thành")
    directive.save()
    assert _events(hooks["district"]) == ["directive.created", "directive.done"]
    payload = hooks["district"].deliveries.get(event="directive.done").payload
    assert payload["data"]["status"] == "done" and payload["event"] == "directive.done"


def test_a_submitted_report_and_an_issued_document_are_events(tree):
    _province, district, hooks = tree
    PeriodReportFactory(organization=district, status=ReportStatus.SUBMITTED, submitted_at=timezone.now())
    Document.objects.create(issuer=district, doc_type=DocumentType.NOTICE, cycle="2026", number=1, code="01-TB",
                            issued_on=datetime.date(2026, 3, 2), title="Thông báo kết luận")
    assert _events(hooks["district"]) == ["document.issued", "report.submitted"]


def test_a_draft_report_and_a_paused_webhook_queue_nothing(tree):
    _province, district, hooks = tree
    hooks["district"].active = False
    hooks["district"].save()
    PeriodReportFactory(organization=district, status=ReportStatus.DRAFT)
    DirectiveFactory(meeting=MeetingFactory(host=district), lead=district)
    assert _events(hooks["district"]) == []
    assert Delivery.objects.filter(webhook=hooks["province"], event="report.submitted").count() == 0
