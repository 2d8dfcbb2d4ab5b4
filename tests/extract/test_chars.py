"""Letter classes and pattern helpers shared by the detectors."""

from __future__ import annotations

import re
import sys

import pytest

from giaoban.extract.chars import (
    LOWER,
    OTHER_CASES,
    Anchored,
    any_of,
    by_first_letter,
    caseless_alternation,
    caseless_form,
    letter_branches,
    lower_case,
    matches_at,
    new_text,
    per_text,
    places_of,
)

WORDS = ["trước", "trước hết", "trong", "hạn", "hạn chót", "đến hết", "xong trước"]


@pytest.mark.parametrize(
    "text",
    ["hoàn thành trước hết ngày 5", "trong tháng, hạn chót là đến hết quý", "xong trước khi trongtrước", "không có"],
)
def test_grouping_by_first_letter_finds_what_the_flat_alternation_finds(text):
    flat = re.compile("(?:" + "|".join(WORDS) + r")(?!\w)")
    grouped = re.compile("(?:" + by_first_letter(WORDS) + r")(?!\w)")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_grouping_keeps_the_order_of_the_alternatives_of_one_letter():
    assert by_first_letter(["trước", "trước hết", "hạn"]) == "t(?:rước|rước hết)|h(?:ạn)"


@pytest.mark.parametrize("alternatives", [["(?:a|b)c"], ["a?b"], ["Kết", "kêu"]])
def test_alternatives_that_cannot_be_grouped_safely_are_refused(alternatives):
    with pytest.raises(ValueError):
        by_first_letter(alternatives)


def test_other_cases_lists_every_character_a_case_insensitive_letter_also_matches():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in LOWER:
        found = set(re.findall(re.escape(letter), every, re.IGNORECASE))
        assert found == {letter, letter.upper(), *OTHER_CASES.get(letter, "")}, letter


MEETING_WORDS = ["hội nghị", "họp", "kiểm tra", "sơ kết", "ký kết (?:chương trình|quy chế)", "giao ban"]


@pytest.mark.parametrize(
    "text",
    [
        "Hội Nghị sơ KẾT",
        "ſơ kết, Kiểm tra và họp",
        "hội nghịhọp giao banký kết quy chế",
        "KÝ KẾT CHƯƠNG TRÌNH",
        "không có",
    ],
)
def test_caseless_alternation_finds_what_the_case_insensitive_alternation_finds(text):
    flat = re.compile("(?i)" + "|".join(MEETING_WORDS))
    spelled = re.compile(caseless_alternation(MEETING_WORDS))
    assert [m.span() for m in spelled.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_caseless_alternation_spells_out_every_case_of_the_first_letter():
    assert caseless_alternation(["sơ kết", "họp"]) == "s(?i:ơ kết)|S(?i:ơ kết)|ſ(?i:ơ kết)|h(?i:ọp)|H(?i:ọp)"


def test_caseless_alternation_groups_the_alternatives_of_one_letter_in_their_order():
    assert caseless_alternation(["họp", ",", "Hội", "h"]) == "h(?i:ọp|ội|)|H(?i:ọp|ội|)|,"
    flat = re.compile("(?i)tổ|tổng|x|t")
    spelled = re.compile(caseless_alternation(["tổ", "tổng", "x", "t"]))
    text = "Tổng tổ chức, TX t"
    assert [m.span() for m in spelled.finditer(text)] == [m.span() for m in flat.finditer(text)]


@pytest.mark.parametrize("alternatives", [["(?:a|b)c"], ["a?b"], ["ßa"], [".a"], [" a"]])
def test_alternatives_that_cannot_be_spelled_out_are_refused(alternatives):
    with pytest.raises(ValueError):
        caseless_alternation(alternatives)


def test_a_word_start_alternation_finds_only_words_that_start_where_it_does():
    flat = re.compile(r"(?i)(?<![\w])(?:giao|họp)")
    spelled = re.compile(caseless_alternation(["giao", "họp"], word_start=True))
    for text in ["giao ban, Giao nhiệm vụ", "bàngiao cuộc HỌP", "giao", "xhọp họp"]:
        assert [m.span() for m in spelled.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert [m.span() for m in spelled.finditer("họp, xhọp", 4)] == [m.span() for m in flat.finditer("họp, xhọp", 4)]


def test_an_alternative_may_open_with_a_caseless_literal():
    flat = re.compile(r"(?i)(?:bàn|,) nhiệm vụ")
    spelled = re.compile(caseless_alternation(["bàn nhiệm vụ", ", nhiệm vụ"]))
    text = "Bàn Nhiệm vụ, nhiệm vụ, NHIỆM VỤ;, nhiệmvụ"
    assert [m.span() for m in spelled.finditer(text)] == [m.span() for m in flat.finditer(text)]


@pytest.mark.parametrize("text", ["Sơ Kết và sơ kết", "TỔNG KẾT", "xx"])
def test_the_caseless_form_is_the_lower_case_of_the_stretch(text):
    assert caseless_form(text, 1, len(text)) == text[1:].lower()


@pytest.mark.parametrize("text", ["ıt", "ſơ kết", "İt", "xİı"])
def test_the_caseless_form_refuses_letters_that_lower_to_another(text):
    assert caseless_form(text, 0, len(text)) is None


def test_places_of_finds_every_start_of_every_word_overlaps_included():
    assert places_of("aaa ba", ("aa", "ba")) == {0, 1, 4}
    assert places_of("aaa ba", ("aa", "ba"), 1, 5) == {1}


@pytest.mark.parametrize("bounds", [(0, None), (3, 20), (5, 9)])
def test_matches_at_the_places_a_match_can_start_are_what_finditer_finds(bounds):
    pattern = re.compile(r"(?i)kết(?: quả)?|quả")
    text = "Kết quả, kết quảkết, quả KẾT"
    start, end = bounds[0], bounds[1] or len(text)
    lower = caseless_form(text, start, end)
    found = matches_at(pattern, text, {start + i for i in places_of(lower, ("kết", "quả"))}, start, end)
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text, start, end)]
    caseless = Anchored(pattern, ("kết", "quả"), caseless=True).finditer(text, start, end)
    assert [m.span() for m in caseless] == [m.span() for m in pattern.finditer(text, start, end)]


def test_an_anchored_pattern_as_written_finds_only_where_its_words_stand_as_written():
    pattern = re.compile(r"chủ trì|Chủ trì|kết luận")
    text = "Chủ trì hội nghị; chủ trìkết luận, CHỦ TRÌ"
    found = Anchored(pattern, ("chủ trì", "Chủ trì", "kết luận")).finditer(text)
    assert [m.group(0) for m in found] == ["Chủ trì", "chủ trì", "kết luận"]


def test_an_anchored_caseless_pattern_falls_back_to_every_character_where_lower_case_misleads():
    pattern = re.compile(r"(?i)sơ kết")
    assert [m.span() for m in Anchored(pattern, ("sơ kết",), caseless=True).finditer("ſơ kết")] == [(0, 6)]


@pytest.mark.parametrize(
    ("cases", "caseless", "reference"),
    [("written", False, r"(?<!\w)(?:kết|khi|Bàn)"), ("two", False, r"(?<!\w)(?:[kK]ết|[kK]hi|[bB]àn)"),
     ("all", True, r"(?i)(?<!\w)(?:kết|khi|bàn)")],
)
def test_letter_branches_find_what_the_word_start_alternation_finds(cases, caseless, reference):
    words = ["kết", "khi", "Bàn"] if cases == "written" else ["kết", "khi", "bàn"]
    spelled = re.compile("|".join(letter_branches(words, r"(?<!\w.)", cases=cases, caseless=caseless)))
    for text in ["Kết KHI bàn, xkết khi", "\u212aết và BÀN", "bàn kết khikết", "Bàn khi"]:
        assert [m.span() for m in spelled.finditer(text)] == [m.span() for m in re.finditer(reference, text)], text


def test_letter_branches_refuse_an_alternative_that_does_not_open_with_a_letter():
    with pytest.raises(ValueError):
        letter_branches(["(?:a|b)c"])


def test_what_is_remembered_of_a_text_is_forgotten_when_the_next_text_is_read():
    calls = []

    @per_text
    def words(text):
        calls.append(text)
        return text.split()

    assert words("một hai") == words("một hai") == ["một", "hai"]
    assert calls == ["một hai"]
    new_text()
    words("một hai")
    assert calls == ["một hai", "một hai"]


@pytest.mark.parametrize("text", ["Hội Nông Dân XÃ", "ΟΔΟΣ ΑΣ", "İstanbul và HÀ", "ıt ſơ kết", "Tổng KẾT, ABC"])
def test_a_stretch_cut_from_the_whole_texts_lower_case_is_the_stretchs_own(text):
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            new_text()
            assert lower_case(text, start, end) == text[start:end].lower(), (text, start, end)
            new_text()
            assert caseless_form(text, start, end) == _own_caseless_form(text[start:end]), (text, start, end)


def _own_caseless_form(stretch):
    lower = stretch.lower()
    return None if len(lower) != len(stretch) or "ı" in lower or "ſ" in lower else lower


def test_any_of_matches_where_one_of_its_patterns_matches_each_with_its_own_flags():
    patterns = [re.compile(r"^(?:đã|Qua đó)\b"), re.compile(r"(?i)ghi nhận(?![\w])"), re.compile(r"Kế hoạch số \S+$")]
    joined = any_of(*patterns)
    for text in ["đã làm", "Đã làm", "GHI NHẬN kết quả", "ghi nhậnx", "Kế hoạch số 12", "Kế hoạch số 12 của", "qua đó"]:
        assert bool(joined.match(text)) == any(p.match(text) for p in patterns), text
    with pytest.raises(ValueError):
        any_of(re.compile(r"(?s)a.b"))
