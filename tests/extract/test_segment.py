import re

import pytest

from giaoban.extract.chars import LO, UP
from giaoban.extract.segment import (
    _SENTENCE_END,
    list_marker_length,
    paragraphs,
    pieces,
    sentences,
)


def _texts(text, spans):
    return [text[a:b] for a, b in spans]


def test_paragraphs_are_stripped_non_blank_lines():
    text = "  Một  \n\n Hai\n"
    assert _texts(text, paragraphs(text)) == ["Một", "Hai"]


def test_sentences_split_at_glued_full_stop_before_capital():
    text = "cán bộ ấp Đồng Sổ, xã Lai Uyên.Tổ chức Hội nghị toàn thể."
    assert _texts(text, sentences(text, (0, len(text)))) == [
        "cán bộ ấp Đồng Sổ, xã Lai Uyên.",
        "Tổ chức Hội nghị toàn thể.",
    ]


def test_sentences_do_not_split_thousand_separators():
    text = "trao 9.365 suất quà. Tiếp tục vận động."
    assert len(sentences(text, (0, len(text)))) == 2


def test_pieces_split_at_semicolons_too():
    text = "rà soát kế hoạch; tăng cường tuyên truyền. Đẩy mạnh thi đua"
    assert _texts(text, pieces(text, (0, len(text)))) == [
        "rà soát kế hoạch;",
        "tăng cường tuyên truyền.",
        "Đẩy mạnh thi đua",
    ]


def test_list_markers_are_measured():
    assert list_marker_length("- Tăng cường") == 2
    assert list_marker_length("1. Đối với") == 3
    assert list_marker_length("a) Tổ chức") == 3
    assert list_marker_length("Tăng cường") == 0


def test_unwrap_joins_a_line_that_continues_in_lower_case():
    from giaoban.extract.segment import unwrap

    text = "Hội nghị đề nghị các xã tiếp tục\nrà soát hộ nghèo.\nNgày 5/6, đoàn kiểm tra."
    out = unwrap(text)
    assert len(out) == len(text)
    assert out.split("\n") == ["Hội nghị đề nghị các xã tiếp tục rà soát hộ nghèo.", "Ngày 5/6, đoàn kiểm tra."]


def test_unwrap_rebuilds_paragraphs_of_a_text_wrapped_at_one_width():
    from giaoban.extract.segment import unwrap

    lines = [
        "Sáng ngày 12/3, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị",
        "Giao ban công tác Mặt trận quý I năm 2024 với sự tham dự của các đồng chí",
        "Chủ tịch Ủy ban MTTQ các xã, thị trấn và đại diện lãnh đạo các tổ chức",
        "Thành viên của Ủy ban MTTQ huyện.",
        "",
        "- Tăng cường tuyên truyền.",
    ]
    out = unwrap("\n".join(lines)).split("\n")
    assert out[0].startswith("Sáng ngày 12/3") and out[0].endswith("Ủy ban MTTQ huyện.")
    assert out[-1] == "- Tăng cường tuyên truyền."


def test_unwrap_keeps_lines_that_are_whole_paragraphs():
    from giaoban.extract.segment import unwrap

    text = "HỘI NGHỊ GIAO BAN QUÝ I\nNgày 5/4, Huyện ủy tổ chức hội nghị.\nĐồng chí Bí thư kết luận."
    assert unwrap(text) == text


def test_a_semicolon_inside_parentheses_ends_no_piece():
    text = "Tổ chức hội thi (phối hợp: Ban Dân vận; thời hạn: trong quý II/2027); rà soát hộ nghèo"
    assert _texts(text, pieces(text, (0, len(text)))) == [
        "Tổ chức hội thi (phối hợp: Ban Dân vận; thời hạn: trong quý II/2027);",
        "rà soát hộ nghèo",
    ]


def test_unwrap_joins_a_line_that_ends_on_an_open_word_but_not_before_a_list_item():
    from giaoban.extract.segment import unwrap

    text = "Từ ngày 22/10 đến ngày\n07/11/2024, Ban Thường trực tổ chức kiểm tra.\nNội dung gồm các\n1. Kiểm tra"
    assert unwrap(text).split("\n") == [
        "Từ ngày 22/10 đến ngày 07/11/2024, Ban Thường trực tổ chức kiểm tra.",
        "Nội dung gồm các",
        "1. Kiểm tra",
    ]


def test_an_ellipsis_glued_to_the_next_capitalised_word_ends_the_sentence():
    text = "hỗ trợ bà con tại 10 ấp trên địa bàn xã…Đồng thời, sẽ tham gia các hoạt động an sinh xã hội."
    assert [text[a:b] for a, b in sentences(text, (0, len(text)))] == [
        "hỗ trợ bà con tại 10 ấp trên địa bàn xã…",
        "Đồng thời, sẽ tham gia các hoạt động an sinh xã hội.",
    ]


def test_list_marker_length_reads_a_span_of_a_longer_text_as_its_copy():
    text = "Mở đầu.\n- Tăng cường; 2) Rà soát\na)"
    for start, end in [(8, 20), (22, 33), (34, 36), (34, 35), (0, 7)]:
        assert list_marker_length(text, start, end) == list_marker_length(text[start:end])


@pytest.mark.parametrize(
    "text",
    ["Xong. Tiếp", "Lai Uyên.Tổ chức", "xã…Đồng thời", "hết./. Hội", "Ồ!? Vâng", "a... Bắt", "số 3. 5 xã", "x.y"],
)
def test_sentence_ends_are_those_of_the_look_ahead_pattern(text):
    as_written = re.compile(
        rf"(?=[.!?…])(?:(?:\./\.|[.!?…]+)(?=\s+(?:{UP}|[\d\"“'‘(+•-]))|(?<={LO})(?:\.|…|\.\.\.)(?={UP}{LO}))"
    )
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in as_written.finditer(text)]
