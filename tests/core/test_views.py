import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_redirects_anonymous_to_login_in_vietnamese(client):
    response = client.get("/", follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "Đăng nhập" in page and "Mật khẩu" in page


@pytest.mark.django_db
def test_home_lists_the_users_own_bodies(client, personas):
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
