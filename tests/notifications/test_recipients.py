import pytest

from giaoban.accounts.models import Role
from giaoban.notifications.recipients import responsible_people
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    province = OrganizationFactory(name="Tỉnh ủy Thử")
    front = OrganizationFactory(name="Ủy ban MTTQ huyện Thử", parent=province)
    farmers = OrganizationFactory(name="Hội Nông dân huyện Thử", parent=front, type="farmers_union")
    youth = OrganizationFactory(name="Đoàn Thanh niên huyện Thử", parent=front, type="youth_union")
    admin, front_editor, youth_editor = (UserFactory(username=n) for n in ("quantri", "bientap", "bientap_doan"))
    MembershipFactory(user=admin, organization=province, role=Role.ADMIN)
    MembershipFactory(user=front_editor, organization=front, role=Role.EDITOR)
    MembershipFactory(user=youth_editor, organization=youth, role=Role.EDITOR)
    MembershipFactory(user=UserFactory(username="chixem"), organization=farmers, role=Role.VIEWER)
    return province, front, farmers, youth, admin, front_editor, youth_editor


def test_a_body_without_editors_is_answered_for_by_the_nearest_editors_above_it(tree):
    _province, _front, farmers, _youth, _admin, front_editor, _youth_editor = tree
    assert responsible_people([farmers.pk]) == {farmers.pk: [front_editor]}


def test_a_body_with_its_own_editor_reminds_only_that_editor(tree):
    _province, front, _farmers, youth, _admin, front_editor, youth_editor = tree
    assert responsible_people([youth.pk, front.pk]) == {youth.pk: [youth_editor], front.pk: [front_editor]}


def test_inactive_users_and_viewers_are_not_reminded(tree):
    province, front, farmers, _youth, admin, front_editor, _youth_editor = tree
    front_editor.is_active = False
    front_editor.save()
    assert responsible_people([farmers.pk]) == {farmers.pk: [admin]}


def test_the_editors_loaded_at_once_answer_as_responsible_people_does(tree):
    from giaoban.notifications.recipients import Answering

    answering = Answering()
    for body in tree[:4]:
        assert list(answering.people(body.pk, body.tree_path)) == [u.pk for u in responsible_people([body.pk])[body.pk]]


def test_a_persons_bound_is_past_every_subtree_they_edit(tree):
    from giaoban.notifications.recipients import Answering

    province, front, farmers, youth, admin, front_editor, youth_editor = tree
    answering = Answering()
    assert farmers.tree_path < answering.bound(front_editor.pk) and youth.tree_path < answering.bound(front_editor.pk)
    assert answering.bound(youth_editor.pk) <= f"{youth.tree_path}\x7f" < answering.bound(admin.pk)
    other = OrganizationFactory(name="Ủy ban MTTQ huyện Khác", parent=province)
    assert not other.tree_path < answering.bound(front_editor.pk)
