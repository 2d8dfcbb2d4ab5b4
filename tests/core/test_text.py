from giaoban.core.text import fold, match_key, new_tone, nfc


def test_nfc_joins_decomposed_letters_and_collapses_spaces():
    decomposed = "Ho\u0302\u0300 So\u031bn\u00a0 xa\u0303"
    assert nfc(decomposed) == "Hồ Sơn xã"


def test_old_and_new_tone_placement_give_the_same_key():
    assert match_key("Ủy ban") == match_key("Uỷ ban")
    assert match_key("hoà giải") == match_key("hòa giải")
    assert new_tone("Thành uỷ") == "Thành ủy"


def test_new_tone_leaves_syllables_that_continue_alone():
    assert new_tone("Hoàng") == "Hoàng"
    assert new_tone("khuỷu") == "khuỷu"
    assert new_tone("Quý I") == "Quý I"


def test_fold_removes_marks_and_folds_d_bar():
    assert fold("Đồng Sổ") == "dong so"
    assert fold("ĐOÀN THANH NIÊN") == "doan thanh nien"


def test_empty_values_are_empty_strings():
    assert nfc(None) == "" and fold("") == ""
