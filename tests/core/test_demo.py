import pytest
from django.apps import apps
from django.core.management import CommandError, call_command


def _counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label not in {"sessions"}}


@pytest.mark.django_db
def test_demo_loads_seed_bodies_and_users_and_second_run_changes_nothing(settings):
    settings.DEMO = True
    call_command("demo")
    first = _counts()
    call_command("demo")
    assert _counts() == first
    from django.contrib.auth import get_user_model

    assert set(get_user_model().objects.values_list("username", flat=True)) >= {"quantri", "bientap", "xem"}
    from giaoban.organisations.models import Organization

    for name in ("Huyện ủy Hữu Lũng", "Thành ủy Hồng Ngự", "Thị ủy Hồng Lĩnh", "Ủy ban MTTQ Việt Nam xã Hồ Sơn",
                 "Ủy ban MTTQ Việt Nam huyện Bàu Bàng", "Ủy ban MTTQ Việt Nam huyện Chợ Đồn"):
        assert Organization.objects.filter(name=name).exists(), name


@pytest.mark.django_db
def test_demo_refuses_outside_demo_mode(settings):
    settings.DEMO = False
    settings.DEBUG = False
    with pytest.raises(CommandError, match="chế độ dùng thử"):
        call_command("demo")
