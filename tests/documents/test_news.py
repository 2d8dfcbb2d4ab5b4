import pytest

from giaoban.documents import news
from tests.documents import factories as f

pytestmark = pytest.mark.django_db


def test_draft_follows_the_seed_style_with_date_host_people_and_tasks():
    record = f.huu_lung()
    item = news.draft(record.meeting)
    assert item.title == record.meeting.title
    assert item.lead.startswith("Ngày 05/4/2022, tại Hội trường Huyện ủy Hữu Lũng, Huyện ủy Hữu Lũng tổ chức hội nghị")
    assert "Tới dự và chỉ đạo hội nghị có đồng chí Đinh Đức Chính, Phó Bí thư Thường trực huyện ủy" in item.lead
    assert f.TRICKY_NAME in item.lead
    assert "Phát biểu kết luận hội nghị, đồng chí Đinh Đức Chính" in item.body
    assert "02 xã về đích NTM Hồ Sơn, Vân Nham" in item.body


def test_html_is_escaped_and_plain_text_keeps_the_names():
    record = f.huu_lung()
    item = news.draft(record.meeting)
    html = news.as_html(item)
    assert "&amp; Dịch vụ &lt;Hữu Lũng&gt;" in html and "<Hữu Lũng>" not in html
    assert html.startswith("<h1>") and '<p class="lead"><strong>' in html
    text = news.as_text(item)
    assert f.TRICKY_NAME in text and "<p>" not in text


def test_saving_normalises_paragraphs_and_stamps_publication():
    record = f.bau_bang()
    item = news.draft(record.meeting)
    item.body = "Đoạn một.\r\n\r\n\r\n  Đoạn   hai.  "
    item.published = True
    item.save()
    assert item.paragraphs() == ["Đoạn một.", "Đoạn hai."] and item.published_at is not None


def test_the_news_item_names_only_the_bodies_that_attended():
    record = f.huu_lung_with_absences()
    lead = news.draft(record.meeting).lead
    assert "Ủy ban MTTQ Việt Nam huyện Hữu Lũng" in lead
    assert "Hội Nông dân" not in lead and "Phụ nữ" not in lead
