import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize("model", [m for m in admin.site._registry if m._meta.app_label.startswith(
    ("organisations", "accounts", "periods", "meetings", "directives", "reports", "documents"))],
    ids=lambda m: m._meta.label)
def test_every_registered_model_has_a_working_admin_list(client, model):
    client.force_login(UserFactory(username="sieu", is_superuser=True, is_staff=True))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200
