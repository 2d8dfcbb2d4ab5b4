import pytest

from giaoban.accounts.access import has_role, role_in, visible_organizations
from giaoban.accounts.models import Role
from tests.factories import OrganizationFactory, UserFactory


@pytest.mark.django_db
def test_role_on_a_body_covers_its_subtree_only(personas):
    child = OrganizationFactory(name="Hội Nông dân huyện A", parent=personas["a"])
    editor = personas["editor"]
    assert role_in(editor, child) == Role.EDITOR
    assert not has_role(editor, personas["province"])
    assert not has_role(editor, personas["other"])


@pytest.mark.django_db
def test_highest_role_wins_along_the_path(personas):
    admin = personas["admin"]
    assert role_in(admin, personas["a"]) == Role.ADMIN
    assert has_role(admin, personas["a"], Role.LEADER)


@pytest.mark.django_db
def test_visible_organizations_for_each_persona(personas):
    assert set(visible_organizations(personas["editor"])) == {personas["a"]}
    assert set(visible_organizations(personas["admin"])) == {personas["province"], personas["a"]}
    assert set(visible_organizations(personas["editor"], Role.LEADER)) == set()


@pytest.mark.django_db
def test_superuser_sees_everything_and_anonymous_nothing(personas):
    from django.contrib.auth.models import AnonymousUser

    root = UserFactory(username="sieu", is_superuser=True)
    assert visible_organizations(root).count() == 3
    assert visible_organizations(AnonymousUser()).count() == 0


@pytest.mark.django_db
def test_rules_permission_follows_the_tree(personas):
    assert personas["editor"].has_perm("organisations.view_organization", personas["a"])
    assert not personas["outsider"].has_perm("organisations.view_organization", personas["a"])
    assert personas["admin"].has_perm("organisations.change_organization", personas["a"])
    assert not personas["editor"].has_perm("organisations.change_organization", personas["a"])


@pytest.mark.django_db
def test_visible_roots_split_top_bodies_from_lower_ones_not_under_them(personas):
    from giaoban.accounts.access import visible_roots
    from tests.factories import MembershipFactory

    admin, editor = personas["admin"], personas["editor"]
    assert visible_roots(editor) == ([], [personas["a"].tree_path])
    MembershipFactory(user=admin, organization=personas["a"], role=Role.EDITOR)  # under the admin's top: covered
    admin._giaoban_memberships = None
    assert visible_roots(admin) == ([personas["province"].tree_path], [])
    MembershipFactory(user=editor, organization=personas["other"], role=Role.VIEWER)
    editor._giaoban_memberships = None
    assert visible_roots(editor) == ([personas["other"].tree_path], [personas["a"].tree_path])
    assert visible_roots(UserFactory(username="chua_thuoc")) == ([], [])


@pytest.mark.django_db
def test_user_areas_are_the_top_bodies_above_each_root_once_and_none_for_a_superuser(personas):
    from giaoban.accounts.access import user_areas
    from tests.factories import MembershipFactory

    province, other = personas["province"].tree_path, personas["other"].tree_path
    assert user_areas(personas["editor"]) == [province]  # body A lies under the province: its area
    MembershipFactory(user=personas["editor"], organization=personas["other"], role=Role.VIEWER)
    personas["editor"]._giaoban_memberships = None
    assert user_areas(personas["editor"]) == sorted([province, other])
    assert user_areas(UserFactory(username="chua_thuoc")) == []
    assert user_areas(UserFactory(username="sieu", is_superuser=True)) is None


@pytest.mark.django_db
def test_home_organizations_come_with_the_memberships_in_one_query(personas, django_assert_num_queries):
    from giaoban.accounts.access import home_organizations

    with django_assert_num_queries(1):
        assert home_organizations(personas["editor"]) == [personas["a"]]
        assert has_role(personas["editor"], personas["a"]) and home_organizations(personas["editor"]) == [personas["a"]]
    assert home_organizations(UserFactory()) == []


@pytest.mark.django_db
def test_a_user_read_with_memberships_needs_no_further_query_for_roles(personas, django_assert_num_queries):
    from giaoban.accounts.access import active_user_with_memberships, home_organizations

    editor = personas["editor"]
    with django_assert_num_queries(1):
        user = active_user_with_memberships(editor.pk)
        assert user == editor and role_in(user, personas["a"]) == Role.EDITOR
        assert not has_role(user, personas["province"])
        assert home_organizations(user) == [personas["a"]]
    lonely = UserFactory(username="khong_don_vi")
    assert active_user_with_memberships(lonely.pk) == lonely
    assert list(visible_organizations(active_user_with_memberships(lonely.pk))) == []
    editor.is_active = False
    editor.save()
    assert active_user_with_memberships(editor.pk) is None
