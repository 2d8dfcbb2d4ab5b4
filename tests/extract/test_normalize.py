from giaoban.extract.normalize import clean, fold, match_form


def test_match_form_moves_old_tone_marks_and_keeps_length():
    for old, new in [("Uỷ ban", "Ủy ban"), ("hoà giải", "hòa giải"), ("thuỷ lợi", "thủy lợi"), ("khoá XI", "khóa XI")]:
        assert match_form(old) == new
        assert len(match_form(old)) == len(old)


def test_match_form_leaves_qu_and_closed_syllables_alone():
    assert match_form("quý I") == "quý I"
    assert match_form("hoàn thành") == "hoàn thành"


def test_match_form_unifies_dashes():
    assert match_form("chính trị – xã hội — a") == "chính trị - xã hội - a"


def test_clean_composes_nfc_and_replaces_odd_spaces():
    decomposed = "Ho\u0300a\u00a0Bi\u0300nh\u200b"
    assert clean(decomposed) == "Hòa Bình"


def test_clean_turns_control_bytes_into_spaces_and_crlf_into_lf():
    assert clean("a\x00b\r\nc\rd") == "a b\nc\nd"


def test_fold_ignores_case_spacing_and_tone_placement():
    assert fold("Uỷ  Ban") == fold("ủy ban")
