"""What the notice says: directives' targets, and amendments printed as such."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from giaoban.directives.models import amend
from giaoban.documents import content
from giaoban.documents.render import render_docx, render_pdf
from giaoban.documents.service import issue_notice
from tests.documents import factories as f
from tests.documents.test_render import docx_text, flat, pdf_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_directive_target_is_printed_in_the_notice(fmt):
    record = f.huu_lung()
    shops = record.directives[5]
    shops.target_text = "50 cửa hàng số"
    shops.save()
    notice = content.notice(record.meeting, number=2, issued_on=datetime.date(2022, 4, 7))
    data = render_docx(notice) if fmt == "docx" else render_pdf(notice)
    text = flat(docx_text(data) if fmt == "docx" else pdf_text(data))
    assert "Đẩy mạnh thực hiện các cửa hàng số nhằm phát triển kinh tế (chỉ tiêu: 50 cửa hàng số)." in text


def test_a_numeric_target_range_is_printed_with_its_unit():
    record = f.huu_lung()
    directive = record.directives[0]
    directive.target_value, directive.target_value_max, directive.target_unit = Decimal(90), Decimal(95), "%"
    directive.save()
    first = content.notice(record.meeting)["groups"][0]["entries"][0]
    assert first["line"].startswith("Cần rà soát") and "chỉ tiêu: 90–95 %" in first["line"]


def test_a_notice_without_amendments_has_no_amendment_section():
    record = f.huu_lung()
    issue_notice(record.meeting, issued_on=datetime.date(2022, 4, 7), render=False)
    assert content.amendment_group(record.meeting) is None


def test_an_amended_lead_is_printed_as_a_correction_and_names_the_new_lead_in_docx():
    record = f.bau_bang()
    first = issue_notice(record.meeting, issued_on=datetime.date(2018, 7, 5), render=False)
    directive = record.directives[5]
    amend(directive, user=AnonymousUser(), kind="correction", reason="Thông báo ghi nhầm đơn vị",
          changes={"lead": record.orgs["lai_uyen"]})
    notice = content.notice(record.meeting, number=2, issued_on=datetime.date(2018, 7, 20))
    text = flat(docx_text(render_docx(notice)))
    assert f"Đính chính, điều chỉnh nội dung chỉ đạo so với Thông báo số {first.code} ngày 05/7/2018:" in text
    assert ("Đính chính đơn vị chủ trì của chỉ đạo “Thường xuyên theo dõi" in text
            and "“không ghi” nay là “Ủy ban MTTQ Việt Nam xã Lai Uyên” (lý do: Thông báo ghi nhầm đơn vị)." in text)
    assert "Đối với Ủy ban MTTQ Việt Nam xã Lai Uyên:" in text  # the amended directive is grouped under its lead
