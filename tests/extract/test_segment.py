from giaoban.extract.segment import list_marker_length, paragraphs, pieces, sentences


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
