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


def test_bumping_areas_replaces_the_name_and_each_area_named_after_it_only(django_capture_on_commit_callbacks):
    before = versions.current_many(["lists", "lists:/1/", "lists:/2/", "lists:/3/"])
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump_areas_after_commit("lists", ["/1/", "", "/2/", "/1/"])
    after = versions.current_many(["lists", "lists:/1/", "lists:/2/", "lists:/3/"])
    assert [a != b for a, b in zip(after, before, strict=True)] == [True, True, True, False]


def test_an_entry_is_built_once_and_then_served_from_the_cache():
    calls = []

    def build() -> dict:
        calls.append(1)
        return {"html": "<p>trang</p>"}

    assert versions.built("entry-key", build, 60) == versions.built("entry-key", build, 60) == {"html": "<p>trang</p>"}
    assert len(calls) == 1


def test_a_key_changes_with_its_parts_and_when_a_named_version_is_replaced(django_capture_on_commit_callbacks):
    key = versions.key("pages", ["a", "b"], ["page", "1"])
    assert versions.key("pages", ["a", "b"], ["page", "1"]) == key and key.startswith("pages:")
    assert versions.key("pages", ["a", "b"], ["page", "2"]) != key
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump_after_commit("b")
    assert versions.key("pages", ["a", "b"], ["page", "1"]) != key
