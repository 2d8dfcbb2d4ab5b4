import pytest
from django.urls import reverse

from giaoban.organisations.models import Organization
from tests.factories import AdminUnitFactory


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status"), [("outsider", 404), ("editor", 200), ("admin", 200)])
def test_body_page_is_seen_only_within_the_users_subtree(client, personas, persona, status):
    client.force_login(personas[persona])
    assert client.get(reverse("organisations:detail", args=[personas["a"].pk])).status_code == status


@pytest.mark.django_db
def test_anonymous_is_sent_to_the_vietnamese_login_page(client, personas):
    response = client.get(reverse("organisations:detail", args=[personas["a"].pk]), follow=True)
    assert "Đăng nhập" in response.content.decode()


@pytest.mark.django_db
def test_list_shows_only_visible_bodies(client, personas):
    client.force_login(personas["editor"])
    page = client.get(reverse("organisations:list")).content.decode()
    assert "huyện A" in page and "huyện B" not in page and "Tỉnh ủy Thử Nghiệm" not in page


@pytest.mark.django_db
def test_editor_may_not_add_bodies_and_gets_the_vietnamese_refusal(client, personas):
    client.force_login(personas["editor"])
    response = client.get(reverse("organisations:create", args=[personas["a"].pk]))
    assert response.status_code == 403
    assert "không có quyền" in response.content.decode()


@pytest.mark.django_db
def test_admin_adds_a_body_with_an_existing_commune(client, personas):
    AdminUnitFactory(short_name="Hồ Sơn", name="Xã Hồ Sơn")
    client.force_login(personas["admin"])
    response = client.post(reverse("organisations:create", args=[personas["a"].pk]), {
        "name": "Hội Nông dân xã Hồ Sơn", "type": "farmers_union", "level": "commune",
        "locality_name": "Hồ Sơn"})
    assert response.status_code == 302
    created = Organization.objects.get(name="Hội Nông dân xã Hồ Sơn")
    assert created.parent == personas["a"] and created.locality.short_name == "Hồ Sơn"


@pytest.mark.django_db
def test_unknown_commune_is_refused_and_nothing_is_created(client, personas):
    client.force_login(personas["admin"])
    before = Organization.objects.count()
    response = client.post(reverse("organisations:create", args=[personas["a"].pk]), {
        "name": "Hội Nông dân xã Không Có", "type": "farmers_union", "level": "commune",
        "locality_name": "Không Có"})
    assert response.status_code == 200
    assert "Không tìm thấy đơn vị hành chính" in response.content.decode()
    assert Organization.objects.count() == before


@pytest.mark.django_db
def test_duplicate_body_is_refused_in_the_form(client, personas):
    client.force_login(personas["admin"])
    data = {"name": "Hội Cựu chiến binh huyện A", "type": "veterans_association", "level": "district"}
    url = reverse("organisations:create", args=[personas["a"].pk])
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert "đã có trong hệ thống" in response.content.decode()
    assert Organization.objects.filter(name="Hội Cựu chiến binh huyện A").count() == 1


@pytest.mark.django_db
def test_search_updates_in_place_with_htmx(client, personas):
    client.force_login(personas["admin"])
    response = client.get(reverse("organisations:list"), {"q": "huyen a"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body and "huyện A" in body
