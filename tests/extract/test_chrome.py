from giaoban.extract import extract
from giaoban.extract.chrome import publication_year, strip_chrome

BODY = (
    "Ngày 15/7/2022, Ban Thường vụ Huyện Đoàn tổ chức hội nghị sơ kết công tác Đoàn 6 tháng đầu năm 2022, "
    "triển khai nhiệm vụ 6 tháng cuối năm 2022 với các cơ sở Đoàn trong toàn huyện. Các cơ sở Đoàn đã tổ chức "
    "125 buổi sinh hoạt chính trị, thu hút hơn 8.500 lượt đoàn viên tham gia.\n"
)


def test_portal_sidebars_and_footers_end_the_article():
    page = (
        "Đăng nhập | Đăng ký\nThời tiết Quỳnh Lưu: 32°C\nTìm kiếm...\n" + BODY + "Tác giả: Ngọc Anh\n"
        "Văn bản mới\nQuyết định số 1520/QĐ-UBND ngày 12/7/2022 về việc phê duyệt kế hoạch sử dụng đất\n"
        "Bản quyền thuộc Ủy ban nhân dân huyện\n"
    )
    kept = strip_chrome(page)
    assert kept == BODY.strip()
    assert extract(page)["references"] == []


def test_notice_distribution_list_ends_the_body():
    notice = BODY + "Nơi nhận:\n- Thường trực Tỉnh ủy (b/c),\n- Lưu Văn phòng Huyện ủy.\n"
    assert strip_chrome(notice) == BODY.strip()


def test_a_short_line_carrying_a_visitor_counter_is_chrome():
    text = "Cập nhật: 19/07/2021 | Lượt xem: 623\n" + "Sáng 16/7, Thị ủy tổ chức hội nghị giao ban. " * 3
    assert "Lượt xem" not in strip_chrome(text)


def test_a_feed_date_stamp_glued_before_the_first_line_is_dropped():
    assert strip_chrome(" date 2025-09-18 " + BODY).startswith("Ngày 15/7/2022, Ban Thường vụ Huyện Đoàn")


def test_the_posting_year_comes_from_a_feed_stamp_or_a_posting_date_near_the_top():
    assert publication_year(" date 2025-09-18 Tin tức\nNgày 17/9, …") == 2025
    assert publication_year("Hội LHPN phường sơ kết\nĐăng ngày 13/09/2018\nChiều ngày 13/9, …") == 2018
    assert publication_year("14/05/2024 - 19:50\nHội LHPN quận …") == 2024
    # A document's date in the text is no posting date.
    assert publication_year("Thực hiện Kế hoạch số 12 ngày 13/09/2018 của Huyện ủy, …") is None
