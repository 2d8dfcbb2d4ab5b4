import datetime
import xml.etree.ElementTree as ET

import pytest

from giaoban.accounts.models import Role
from giaoban.documents.models import Document, NewsItem
from giaoban.documents.service import issue_notice
from tests.documents import factories as f
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _member(record, role=Role.EDITOR):
    user = UserFactory()
    MembershipFactory(user=user, organization=record.host, role=role)
    return user


def test_editor_issues_a_notice_from_the_meeting_page_and_it_enters_the_register(client):
    record = f.bau_bang()
    client.force_login(_member(record))
    page = client.get(f"/van-ban/cuoc-hop/{record.meeting.pk}/")
    assert page.status_code == 200 and "Nguyễn Thành Tốt" in page.content.decode()
    response = client.post(f"/van-ban/cuoc-hop/{record.meeting.pk}/ban-hanh/notice/", {
        "notice-issued_on": "05/07/2018", "notice-signer_name": "Nguyễn Thành Tốt",
        "notice-signer_title": "Phó Chủ tịch", "notice-recipients": "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh\n"})
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/van-ban/{document.pk}/"
    assert document.code == "01/TB-MTTQ-BTT"
    assert document.content["recipients"] == ["- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh;", "- Lưu: VT."]
    register = client.get(f"/van-ban/so-dang-ky/{record.host.pk}/").content.decode()
    assert "01/TB-MTTQ-BTT" in register
    pdf = client.get(f"/van-ban/{document.pk}/tep.pdf")
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content if pdf.streaming else
                                                                  [pdf.content]).startswith(b"%PDF")


def test_bad_issue_date_changes_nothing_and_says_why(client):
    record = f.bau_bang()
    client.force_login(_member(record))
    response = client.post(f"/van-ban/cuoc-hop/{record.meeting.pk}/ban-hanh/notice/", {
        "notice-issued_on": "31/02/2018", "notice-signer_name": "A"}, follow=True)
    assert Document.objects.count() == 0
    assert "Nhập một ngày hợp lệ" in response.content.decode() or "hợp lệ" in response.content.decode()


def test_viewer_may_read_but_not_issue_and_outsiders_get_404(client):
    record = f.bau_bang()
    client.force_login(_member(record, Role.VIEWER))
    assert client.get(f"/van-ban/cuoc-hop/{record.meeting.pk}/").status_code == 200
    assert client.post(f"/van-ban/cuoc-hop/{record.meeting.pk}/ban-hanh/notice/", {}).status_code == 403
    outsider = UserFactory()
    MembershipFactory(user=outsider, organization=f.huu_lung().host, role=Role.ADMIN)
    client.force_login(outsider)
    assert client.get(f"/van-ban/cuoc-hop/{record.meeting.pk}/").status_code == 404
    assert client.get(f"/van-ban/so-dang-ky/{record.host.pk}/").status_code == 404


def test_draft_download_needs_no_number_and_takes_none(client):
    record = f.huu_lung()
    client.force_login(_member(record))
    response = client.get(f"/van-ban/cuoc-hop/{record.meeting.pk}/du-thao/invitation.docx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert Document.objects.count() == 0


def test_register_filters_by_type_with_htmx_fragment(client):
    record = f.huu_lung()
    issue_notice(record.meeting, issued_on=datetime.date(2022, 4, 7), render=False)
    client.force_login(_member(record, Role.VIEWER))
    response = client.get(f"/van-ban/so-dang-ky/{record.host.pk}/?loai=invitation", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="rows"' in body and "<html" not in body and "1-TB/HU" not in body


def test_public_page_and_atom_feed_show_only_published_notices_and_news_without_login(client):
    record = f.huu_lung()
    published = issue_notice(record.meeting, issued_on=datetime.date(2022, 4, 7))
    hidden = issue_notice(record.meeting, issued_on=datetime.date(2022, 4, 8), render=False)
    editor = _member(record)
    client.force_login(editor)
    client.post(f"/van-ban/{published.pk}/cong-khai/", {"publish": "1"})
    NewsItem.objects.create(organization=record.host, title="Tin & <bài> đã đăng", body="Nội dung.", published=True)
    NewsItem.objects.create(organization=record.host, title="Tin nháp", body="Nháp.")
    client.logout()
    page = client.get(f"/cong-khai/{record.host.pk}/").content.decode()
    assert published.code in page and hidden.code not in page
    assert "Tin &amp; &lt;bài&gt; đã đăng" in page and "Tin nháp" not in page
    feed = client.get(f"/cong-khai/{record.host.pk}/atom.xml")
    assert feed["Content-Type"].startswith("application/atom+xml")
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(feed.content).iter(f"{ATOM}entry")]
    assert len(titles) == 2 and "Tin & <bài> đã đăng" in titles and any(published.code in t for t in titles)
    assert client.get(f"/cong-khai/van-ban/{published.pk}.pdf").status_code == 200
    assert client.get(f"/cong-khai/van-ban/{hidden.pk}.pdf").status_code == 404


def test_news_draft_is_created_edited_with_version_check_and_published(client):
    record = f.huu_lung()
    client.force_login(_member(record))
    response = client.post(f"/van-ban/cuoc-hop/{record.meeting.pk}/tin-bai/")
    item = NewsItem.objects.get()
    assert response["Location"] == f"/van-ban/tin-bai/{item.pk}/"
    data = {"title": "Hữu Lũng: giao ban quý I", "lead": item.lead, "body": item.body, "author": "Đào Thị Phương Lan",
            "published": "on", "version": item.version}
    assert client.post(f"/van-ban/tin-bai/{item.pk}/", data).status_code == 302
    stale = client.post(f"/van-ban/tin-bai/{item.pk}/", {**data, "title": "Ghi đè"}, follow=True)
    assert "người khác sửa" in stale.content.decode()
    item.refresh_from_db()
    assert item.title == "Hữu Lũng: giao ban quý I" and item.published and item.history.count() == 2
    text = client.get(f"/van-ban/tin-bai/{item.pk}/tin.txt").content.decode()
    assert text.startswith("Hữu Lũng: giao ban quý I\n") and "Đào Thị Phương Lan" in text


def test_editor_issues_the_minutes_from_the_meeting_page_signed_by_the_chair(client):
    record = f.huu_lung_with_absences()
    client.force_login(_member(record))
    page = client.get(f"/van-ban/cuoc-hop/{record.meeting.pk}/").content.decode()
    assert "Biên bản hội nghị" in page and 'name="minutes-signer_title" value="Phó Bí thư Thường trực huyện ủy"' in page
    draft = client.get(f"/van-ban/cuoc-hop/{record.meeting.pk}/du-thao/minutes.docx")
    assert draft.status_code == 200 and not Document.objects.exists()
    response = client.post(f"/van-ban/cuoc-hop/{record.meeting.pk}/ban-hanh/minutes/", {
        "minutes-issued_on": "06/04/2022", "minutes-signer_name": "Đinh Đức Chính",
        "minutes-signer_title": "Phó Bí thư Thường trực huyện ủy"})
    document = Document.objects.get()
    assert response.status_code == 302 and document.code == "1-BB/HU" and document.doc_type == "minutes"
    assert document.content["signers"] == [{"role": "THƯ KÝ", "name": "Hoàng Thị Thư"},
                                           {"role": "CHỦ TRÌ", "name": "Đinh Đức Chính"}]


def test_the_convening_body_editor_who_issues_for_the_host_opens_and_downloads_the_document(client):
    record = f.huu_lung()  # hosted by the Huyện ủy; the bloc is convened by its Ban Dân vận
    editor = UserFactory()
    MembershipFactory(user=editor, organization=record.orgs["board"], role=Role.EDITOR)
    client.force_login(editor)
    response = client.post(f"/van-ban/cuoc-hop/{record.meeting.pk}/ban-hanh/notice/", {
        "notice-issued_on": "07/04/2022", "notice-signer_name": "Đinh Đức Chính",
        "notice-signer_title": "Phó Bí thư Thường trực huyện ủy", "notice-recipients": ""})
    document = Document.objects.get()
    assert document.issuer == record.host and response["Location"] == f"/van-ban/{document.pk}/"
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/van-ban/{document.pk}/tep.docx").status_code == 200
    assert client.post(f"/van-ban/{document.pk}/cong-khai/", {"publish": "1"}).status_code == 302
    assert record.meeting.title in client.get("/van-ban/").content.decode()


def test_a_member_body_viewer_of_the_bloc_may_not_open_the_host_document(client):
    record = f.huu_lung()
    document = issue_notice(record.meeting, issued_on=datetime.date(2022, 4, 7), render=False)
    viewer = UserFactory()
    MembershipFactory(user=viewer, organization=record.orgs["farmers"], role=Role.EDITOR)
    client.force_login(viewer)
    assert client.get(f"/van-ban/{document.pk}/").status_code == 404
