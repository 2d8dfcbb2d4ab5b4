"""Data versions: a name keeps its version until a committed write replaces it."""

import pytest

from giaoban.core import versions

pytestmark = pytest.mark.django_db


def test_many_versions_are_read_in_their_order_and_stay_until_replaced():
    first = versions.current_many(["a", "b"])
    assert first == [versions.current("a"), versions.current("b")] and first[0] != first[1]
    assert versions.current_many(["b", "a"]) == first[::-1]


def test_a_replacement_waits_for_the_commit_and_touches_only_its_name(django_capture_on_commit_callbacks):
    a, b = versions.current_many(["a", "b"])
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump_after_commit("a")
        versions.bump_after_commit("a")
        assert versions.current("a") == a
    assert versions.current("a") != a and versions.current("b") == b
