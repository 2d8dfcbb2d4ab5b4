import re

import pytest
from conftest import random_stretches

from giaoban.extract import places
from giaoban.extract.chars import LET
from giaoban.extract.normalize import match_form
from giaoban.extract.places import admin_unit_names, find_places


def _places(text):
    return find_places(text, match_form(text))


def test_commune_and_hamlet_names():
    assert _places("giúp đỡ xã Nghĩa Tá hoàn thành") == ["Nghĩa Tá"]
    assert _places("cán bộ Mặt trận ấp Đồng Sổ, xã Lai Uyên") == ["Đồng Sổ", "Lai Uyên"]


def test_counted_communes_followed_by_a_list():
    assert _places("với 02 xã về đích NTM Hồ Sơn, Vân Nham rà soát") == ["Hồ Sơn", "Vân Nham"]


def test_plural_place_word_followed_by_a_list():
    assert _places("nhất là ở các xã Thành Vinh, Thạch Bình") == ["Thành Vinh", "Thạch Bình"]


def test_generic_words_are_not_places():
    assert _places("Mỗi xã, phường một sản phẩm; kinh tế xã hội; thị xã Hồng Lĩnh; các xã khẩn trương") == []
    assert _places("Ban Công tác Mặt trận ấp kiểm tra") == []


def test_post_reform_commune_with_province():
    assert _places("xã Tân Phú, tỉnh Đồng Nai") == ["Tân Phú"]


def test_numbered_ward_keeps_its_unit_word():
    assert _places("phường 3 và thôn Đông Hạ") == ["phường 3", "Đông Hạ"]


def test_admin_unit_names_is_a_set_even_without_the_package():
    names = admin_unit_names()
    assert isinstance(names, frozenset)


def test_numbered_residential_group_keeps_its_number():
    text = "nắm tình hình tại Tổ dân phố Đông Hương 1, Tổ dân phố Đông Hương 4"
    assert _places(text) == ["Đông Hương 1", "Đông Hương 4"]


def test_a_count_after_a_place_name_is_not_part_of_it():
    assert _places("hỗ trợ xã Hồ Sơn 12 hộ nghèo") == ["Hồ Sơn"]


def test_list_after_a_singular_place_word_continues_with_whole_names():
    assert _places("liên quan đến đất đai tại xã Nghĩa Lộc, Nghĩa Long trước ngày 30/6") == ["Nghĩa Lộc", "Nghĩa Long"]
    # A single capitalised word after the comma starts the next phrase.
    assert _places("tại xã Tân Phú, Hội Nông dân xã tổ chức") == ["Tân Phú"]


def test_plural_place_word_with_such_as_gives_the_named_places():
    assert _places("nhất là ở các xã vùng sâu như Lạc Sỹ, Hữu Lợi.") == ["Lạc Sỹ", "Hữu Lợi"]


def test_a_name_running_on_is_cut_to_the_commune_the_admin_list_knows():
    if "Hồ Sơn" not in admin_unit_names():
        pytest.skip("vietnamadminunits không có")
    text = "hỗ trợ xã Hồ Sơn Vân Nham làm đường"
    assert find_places(text, match_form(text)) == ["Hồ Sơn"]
    # A numbered hamlet or residential group keeps its number.
    text = "ra quân tại tổ dân phố Đông Hương 1."
    assert find_places(text, match_form(text)) == ["Đông Hương 1"]


def test_a_place_word_inside_a_districts_name_is_no_place():
    assert _places("tiến tới Đại hội MTTQ Việt Nam huyện Sóc Sơn lần thứ X") == []
    assert _places("các hộ ở sóc Tà Lọt và phum Srê") == ["Tà Lọt"]


_PLACE_PIECES = ["xã", "Xã", "XÃ", "thị xã", "Thị trấn", "phường", "huyện Sóc", "khu phố", "Ấp", "đặc khu",
                 "Tổ dân phố", " ", "Hồ Sơn", "Đông Hương", "3", "12", ", ", "và ", "\n", "x"]


def test_a_place_is_found_where_the_look_ahead_pattern_finds_it():
    reference = re.compile(
        rf"(?<!{LET})(?<!thị )(?<!Thị )(?<!huyện )(?<!quận )(?<!tỉnh )(?<!phố )"
        rf"(?P<kind>{places._KIND})\s+(?P<name>{places._NAME})(?!{LET})"
    )
    for text, _, _ in random_stretches(_PLACE_PIECES, 37):
        want = [(m.span(), m.groupdict()) for m in reference.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in places.PLACE_RE.finditer(text)] == want, text
