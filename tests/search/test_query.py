"""Search forgives missing diacritics, case, đ/d, old and new tone placement and abbreviations,
returns the same hits in the same order on SQLite and PostgreSQL, and never crosses a province."""

import pytest

from giaoban.search import query
from tests.search.factories import search_world

pytestmark = pytest.mark.django_db

CASES = [
    ("ho son", {"d1", "u1"}),
    ("Hồ Sơn", {"d1", "u1"}),
    ("HỒ SƠN", {"d1", "u1"}),
    ("hô sơn", {"d1", "u1"}),
    ("dai doan ket", {"d2"}),
    ("Đại đoàn kết", {"d2"}),
    ("ĐẠI ĐOÀN KẾT", {"d2"}),
    ("MTTQ", {"d2", "d7"}),
    ("mặt trận tổ quốc", {"d2", "d7"}),
    ("HND", {"d1", "d3", "r1"}),
    ("hội nông dân", {"d1", "d3", "r1"}),
    ("CCB", {"d6"}),
    ("hoa giai", {"d6"}),
    ("hòa giải", {"d6"}),
    ("hoà giải", {"d6"}),
    ("ủy ban nhân dân", {"d8"}),
    ("uỷ ban nhân dân", {"d8"}),
    ("UBND", {"d8"}),
    ("NTM", {"d4"}),
    ("nông thôn mới", {"d4"}),
    ("chuyen doi so", {"d3", "u2", "m1"}),
    ("cửa hàng số", {"d3", "u2"}),
    ("khoi nghiep", {"d5"}),
    ("dong tam", {"d4", "u1"}),
    ("Đồng Tâm", {"d4", "u1"}),
    ("hien dat", {"d1", "u1"}),
    ("12 hộ", {"u1"}),
    ("tap huan", {"r1"}),
    ("thong bao ket luan", {"doc1"}),
    ("05-TB/BDV", {"doc1"}),
    ("BDV", {"d4", "d8", "doc1"}),
    ("giao ban", {"m1", "doc1"}),
    ("hoi vien", {"d3", "u2", "r1"}),
    ("bảo hiểm y tế", {"d7"}),
    ("cua hang s", {"d3", "u2"}),  # the last word as typed so far
]


@pytest.fixture
def world():
    return search_world()


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_it_finds_what_was_meant(world, text, expected):
    found = {world.key_of(entry) for entry in query.search(world.user, text)}
    assert found == expected


def test_a_user_of_another_province_never_gets_a_hit_outside_their_tree(world):
    for text, _expected in CASES:
        found = {world.key_of(entry) for entry in query.search(world.neighbour, text)}
        assert found <= {"far_m", "far_d"}, text
    assert {world.key_of(e) for e in query.search(world.neighbour, "ho son")} == {"far_d"}


def test_it_ranks_the_phrase_in_a_title_above_words_in_the_text(world):
    ranked = [world.key_of(entry) for entry in query.search(world.user, "chuyen doi so")]
    assert ranked[-1] == "m1"


def test_it_narrows_to_one_kind(world):
    assert {world.key_of(e) for e in query.search(world.user, "hoi vien", kind="update")} == {"u2"}


def test_an_empty_or_punctuation_only_query_finds_nothing(world):
    assert not query.search(world.user, "  ").exists()
    assert not query.search(world.user, "!!! ??? \" * OR").exists()


def test_it_marks_each_hit_in_the_snippet_and_escapes_the_text():
    marked = query.snippet("Vận động <b>nhân dân</b> xã Hồ Sơn", query.terms("ho son"))
    assert "<mark>Hồ</mark> <mark>Sơn</mark>" in marked
    assert "&lt;b&gt;" in marked


def test_it_ranks_only_the_most_recent_hits_beyond_what_it_counts(world, monkeypatch):
    every = list(query.search(world.user, "chuyen doi so"))
    newest = sorted(every, key=lambda entry: (entry.date, entry.pk), reverse=True)[:2]
    monkeypatch.setattr(query, "WINDOW", 2)
    assert {entry.pk for entry in query.search(world.user, "chuyen doi so")} == {entry.pk for entry in newest}
    assert len(every) == 3


@pytest.mark.parametrize("probe", [1, 2, 1000])
def test_the_newest_hits_are_the_same_whether_found_among_the_newest_rows_or_through_the_index(world, monkeypatch,
                                                                                               probe):
    """However many of the area's newest rows are read first (too few to fill the window, or all), the same hits."""
    every = list(query.search(world.user, "chuyen doi so"))
    newest = sorted(every, key=lambda entry: (entry.date, entry.pk), reverse=True)[:2]
    monkeypatch.setattr(query, "WINDOW", 2)
    monkeypatch.setattr(query, "PROBE", probe)
    assert {entry.pk for entry in query.search(world.user, "chuyen doi so")} == {entry.pk for entry in newest}
