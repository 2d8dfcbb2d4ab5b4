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


def test_a_person_turns_reminder_mail_off_on_the_preferences_page(client, notes):
    from giaoban.notifications.models import ReminderPreference

    user, _mine, _theirs = notes
    client.force_login(user)
    assert "Nhận nhắc việc" in client.get(reverse("notifications:list")).content.decode()
    client.post(reverse("notifications:preferences"), {"in_app": "on"})
    preference = ReminderPreference.objects.get(user=user)
    assert (preference.in_app, preference.by_email) == (True, False)


def test_the_mail_link_unsubscribes_without_login_but_only_on_post(client, notes):
    from giaoban.notifications.models import ReminderPreference
    from giaoban.notifications.reminders import unsubscribe_url

    user, _mine, _theirs = notes
    url = unsubscribe_url(user)
    assert "Ngừng nhận thư" in client.get(url).content.decode()
    assert not ReminderPreference.objects.filter(user=user).exists()  # a mail scanner's GET changes nothing
    assert "sẽ không nhận thư nhắc việc nữa" in client.post(url).content.decode()
    assert ReminderPreference.objects.get(user=user).by_email is False


def test_a_forged_unsubscribe_link_is_refused_in_vietnamese(client, notes):
    response = client.post(reverse("notifications:unsubscribe", args=["gia-mao"]))
    assert response.status_code == 400 and "Liên kết không hợp lệ" in response.content.decode()


def test_an_administrator_sets_the_bodys_reminders_and_others_cannot(client, personas):
    from giaoban.notifications.models import ReminderSettings

    url = reverse("notifications:settings", args=[personas["a"].pk])
    client.force_login(personas["admin"])
    assert "theo cài đặt mặc định" in client.get(url).content.decode()
    values = {"directive_days_before": 10, "directive_on_the_day": "on", "directive_every_days_after": 3,
              "report_days_before": 5, "report_every_days_after": 0}
    assert client.post(url, values).status_code == 302
    saved = ReminderSettings.objects.get(organization=personas["a"])
    assert (saved.directive_days_before, saved.report_on_the_day, saved.report_every_days_after) == (10, False, 0)
    bad = client.post(url, {**values, "directive_days_before": 999})
    assert "Tối đa 365 ngày" in bad.content.decode()
    client.force_login(personas["editor"])
    assert client.get(url).status_code == 403
    client.force_login(personas["outsider"])
    assert client.get(url).status_code == 404
