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
              HERE / "real2" / "tune"]


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
