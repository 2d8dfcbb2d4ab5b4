import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from giaoban.organisations.models import Organization, find_organization
from tests.factories import OrganizationFactory


@pytest.mark.django_db
def test_tree_path_and_subtree_follow_parents():
    province = OrganizationFactory(name="Tỉnh ủy X")
    district = OrganizationFactory(name="Huyện ủy Y", parent=province)
    commune = OrganizationFactory(name="Đảng ủy xã Z", parent=district)
    other = OrganizationFactory(name="Tỉnh ủy W")
    assert set(province.subtree()) == {province, district, commune}
    assert commune.is_within(province) and not other.is_within(province)
    assert list(commune.ancestors()) == [province, district]


@pytest.mark.django_db
def test_moving_a_body_moves_its_subtree():
    a, b = OrganizationFactory(name="A"), OrganizationFactory(name="B")
    child = OrganizationFactory(name="Con", parent=a)
    grandchild = OrganizationFactory(name="Cháu", parent=child)
    child.parent = b
    child.save()
    grandchild.refresh_from_db()
    assert grandchild.is_within(b) and not grandchild.is_within(a)


@pytest.mark.django_db
def test_duplicate_body_under_same_parent_is_refused_in_vietnamese():
    parent = OrganizationFactory(name="Huyện ủy Hữu Lũng")
    OrganizationFactory(name="Hội Nông dân huyện", type="farmers_union", parent=parent)
    duplicate = Organization(name="hội nông dân  huyện", type="farmers_union", level="district", parent=parent)
    with pytest.raises(ValidationError, match="đã có trong hệ thống"):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert Organization.objects.filter(parent=parent).count() == 1


@pytest.mark.django_db
def test_names_differing_only_in_tone_placement_are_the_same_body():
    OrganizationFactory(name="Thành uỷ Hồng Ngự", type="party_committee")
    assert find_organization("Thành ủy Hồng Ngự").name == "Thành uỷ Hồng Ngự"


@pytest.mark.django_db
def test_abolished_body_keeps_its_records_and_points_to_successor():
    new = OrganizationFactory(name="Ủy ban MTTQ Việt Nam xã Mới")
    old = OrganizationFactory(name="Ủy ban MTTQ Việt Nam xã Cũ", valid_to=datetime.date(2025, 6, 30),
                              successor=new)
    assert not old.is_active
    assert old.current() == new
    assert Organization.objects.valid_on(datetime.date(2024, 1, 1)).filter(pk=old.pk).exists()
    assert not Organization.objects.valid_on(datetime.date(2025, 7, 1)).filter(pk=old.pk).exists()
