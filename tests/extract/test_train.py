"""Training the directive selector: labels as the scorer matches, the same data gives the same weights,
and the shipped weights are what ``make train`` gives on the annotated sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import OWN_TEXTS, SHARED

from giaoban.extract import learned, train

HERE = Path(__file__).resolve().parent
# The sets ``make train`` reads (the Makefile's TRAIN_SETS): never a blind half.
TRAIN_SETS = [SHARED / "dev", OWN_TEXTS, HERE / "heldout", HERE / "blind2", HERE / "blind3", HERE / "real" / "tune",
              HERE / "real2" / "tune", HERE / "real3" / "tune", HERE / "real4" / "tune", HERE / "real5" / "tune",
              HERE / "real6" / "tune"]


def test_pieces_are_paired_with_gold_directives_best_first_each_once():
    preds = ["tăng cường nắm tình hình Nhân dân", "tăng cường nắm tình hình", "họp bàn"]
    golds = ["tăng cường nắm tình hình Nhân dân ở khu dân cư"]
    assert train.match(preds, golds) == [(0, 0)]


def test_the_same_texts_give_the_same_weights(tmp_path):
    texts = train.read_dirs([OWN_TEXTS])
    first, second = train.fit(train.examples(texts), epochs=3), train.fit(train.examples(texts), epochs=3)
    assert first == second and first.weights
    train.save(first, tmp_path / "m.json")
    assert learned.load_model(tmp_path / "m.json") == first


def test_the_shipped_weights_are_what_make_train_gives():
    if not all(d.is_dir() for d in TRAIN_SETS):
        pytest.skip("a training set is not beside the repository")
    model = train.fit(train.examples(train.read_dirs(TRAIN_SETS)))
    shipped = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped == {"bias": model.bias, "threshold": model.threshold, "weights": model.weights}, (
        "the rules changed since the weights were trained: run `make train`"
    )


def test_folds_deal_each_set_out_in_turn():
    texts = [train.Text(name, None, {}, []) for name in ("a1", "a2", "a3", "a4")]
    other = [train.Text(name, None, {}, []) for name in ("b2", "b1")]
    parts = train.folds([texts, other], 2)
    assert [[t.name for t in part] for part in parts] == [["a1", "a3", "b1"], ["a2", "a4", "b2"]]


def test_cross_validation_reads_each_held_out_text_in_every_mode(tmp_path, capsys):
    held = tmp_path / "held"
    held.mkdir()
    for stem in ("t01_thang_quang_nam", "t04_lam_viec"):
        for ext in (".txt", ".json"):
            (held / f"{stem}{ext}").write_bytes((OWN_TEXTS / f"{stem}{ext}").read_bytes())
    args = ["--cv", "2", str(HERE / "heldout"), "--folded", str(held), "--pred", str(tmp_path / "pred")]
    if (SHARED / "score.py").exists():
        args += ["--scorer", str(SHARED / "score.py")]
    assert train.main(args) == 0
    for mode in train.MODES:
        written = sorted(p.stem for p in (tmp_path / "pred" / mode).glob("*.json"))
        assert written == ["t01_thang_quang_nam", "t04_lam_viec"]
    assert "2 texts held out in 2 folds" in capsys.readouterr().out


def test_a_text_read_as_no_meeting_keeps_its_empty_record_in_every_mode():
    text = train.Text("x", learned.Trace(candidates=[object()]), {"kind": "other", "directives": []}, [True])
    assert train.predict(text, learned.Model({}, 5.0, 0.5))["directives"] == []
