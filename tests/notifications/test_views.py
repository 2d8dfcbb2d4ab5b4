import pytest
from django.urls import reverse

from giaoban.notifications.models import Notification, unread_count
from tests.factories import UserFactory


@pytest.fixture
def notes(db):
    user, other = UserFactory(username="nhan"), UserFactory(username="khac")
    mine = Notification.objects.create(user=user, title="Nhắc việc MTTQ", body="- Việc A", key="k1",
                                       url="/chi-dao/cua-don-vi-toi/")
    Notification.objects.create(user=user, title="Nhắc việc Hội Nông dân", key="k2")
    theirs = Notification.objects.create(user=other, title="Thư của người khác", key="k3")
    return user, mine, theirs


def test_list_shows_only_my_notifications_and_the_unread_counter(client, notes):
    user, _mine, _theirs = notes
    client.force_login(user)
    html = client.get(reverse("notifications:list")).content.decode()
    assert "Nhắc việc MTTQ" in html and "Thư của người khác" not in html
    assert '<span class="badge" title="Thông báo chưa đọc">2</span>' in html


def test_opening_marks_read_and_goes_to_the_page(client, notes):
    user, mine, _theirs = notes
    client.force_login(user)
    response = client.post(reverse("notifications:read", args=[mine.pk]), {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/chi-dao/cua-don-vi-toi/"
    assert unread_count(user) == 1


def test_external_link_is_not_followed(client, notes):
    user, mine, _theirs = notes
    Notification.objects.filter(pk=mine.pk).update(url="https://evil.example/")
    client.force_login(user)
    response = client.post(reverse("notifications:read", args=[mine.pk]), {"open": "1"})
    assert response["Location"] == reverse("notifications:list")


def test_mark_all_read_and_someone_elses_is_404(client, notes):
    user, _mine, theirs = notes
    client.force_login(user)
    client.post(reverse("notifications:read_all"))
    assert unread_count(user) == 0
    assert client.post(reverse("notifications:read", args=[theirs.pk])).status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None
