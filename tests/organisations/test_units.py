import pytest
from django.core.management import CommandError, call_command

from giaoban.organisations.models import AdminUnit, Organization


@pytest.mark.django_db
def test_import_units_loads_34_provinces_and_3321_communes_idempotently():
    call_command("import-units")
    assert AdminUnit.objects.filter(code__startswith="2025:P").count() == 34
    assert AdminUnit.objects.filter(code__startswith="2025:W").count() == 3321
    before = AdminUnit.objects.count()
    call_command("import-units")
    assert AdminUnit.objects.count() == before


@pytest.mark.django_db
def test_with_front_creates_each_communes_front_and_members_once():
    call_command("import-units", "--with-front", "--province", "Lạng Sơn")
    communes = AdminUnit.objects.filter(code__startswith="2025:W").count()
    fronts = Organization.objects.filter(type="front_committee", level="commune")
    assert fronts.count() == communes > 0
    front = fronts.first()
    assert front.name.startswith("Ủy ban MTTQ Việt Nam ")
    assert front.children.count() == 5
    assert front.parent.level == "province"
    total = Organization.objects.count()
    call_command("import-units", "--with-front", "--province", "Lạng Sơn")
    assert Organization.objects.count() == total


@pytest.mark.django_db
def test_unknown_province_is_refused_in_vietnamese_and_loads_nothing():
    with pytest.raises(CommandError, match="Không tìm thấy tỉnh"):
        call_command("import-units", "--province", "Atlantis")
    assert AdminUnit.objects.count() == 0
