import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_redirects_anonymous_to_login_in_vietnamese(client):
    response = client.get("/", follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "Đăng nhập" in page and "Mật khẩu" in page


@pytest.mark.django_db
def test_home_names_the_users_own_bodies(client, personas):
    client.force_login(personas["editor"])
    page = client.get("/").content.decode()
    assert "Ủy ban MTTQ Việt Nam huyện A" in page
    assert "huyện B" not in page


@pytest.mark.django_db
def test_unknown_page_is_a_vietnamese_404(client, personas):
    client.force_login(personas["editor"])
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


@pytest.mark.django_db
def test_an_expired_form_gets_a_vietnamese_page_that_says_what_to_do(personas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["editor"])
    response = client.post(reverse("logout"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in page and "Tải lại trang" in page and "CSRF" not in page


def test_the_500_page_is_vietnamese_and_needs_no_database(rf):
    from giaoban.core.views import server_error

    response = server_error(rf.get("/"))  # no django_db mark: any query here would raise
    assert response.status_code == 500 and "Hệ thống gặp lỗi" in response.content.decode()


def test_a_bad_request_is_answered_in_vietnamese(rf):
    from giaoban.core.views import bad_request

    response = bad_request(rf.get("/"))
    assert response.status_code == 400 and "Yêu cầu không hợp lệ" in response.content.decode()


def test_the_favicon_is_served_instead_of_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
