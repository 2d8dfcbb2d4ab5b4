"""The learned directive selector behind its one switch."""

from __future__ import annotations

import itertools
import math
import random
from pathlib import Path

import pytest

from giaoban.extract import extract, learned
from giaoban.extract.learned import Trace
from giaoban.extract.pipeline import _extract

TEXT = (
    "Ngày 05/4/2022, Huyện ủy tổ chức hội nghị giao ban quý I năm 2022.\n"
    "Quý I, MTTQ đã tuyên truyền, vận động Nhân dân thực hiện tốt các chủ trương.\n"
    "Nhiều ý kiến tập trung vào giải pháp nâng cao chất lượng sinh hoạt chi hội.\n"
    "Kết luận hội nghị, đồng chí Bí thư đề nghị các đoàn thể tăng cường nắm tình hình Nhân dân; "
    "đẩy mạnh tuyên truyền bầu cử trưởng thôn.\n"
)


@pytest.mark.parametrize(
    ("value", "mode"),
    [("", "model"), ("0", ""), ("rules", ""), ("no", ""), ("1", "model"), ("yes", "model"), ("union", "union"),
     ("UNION", "union")],
)
def test_the_switch_reads_rules_model_or_union(monkeypatch, value, mode):
    monkeypatch.setenv(learned.SWITCH, value)
    assert learned.mode() == mode


def test_the_learned_selector_is_the_default_when_the_switch_is_unset(monkeypatch):
    monkeypatch.delenv(learned.SWITCH, raising=False)
    assert learned.mode() == "model"
    assert learned.configured().directives is not None
    assert not learned.configured().union


def test_every_piece_is_a_candidate_and_the_rules_mark_their_own():
    trace = Trace()
    _extract(TEXT, trace)
    taken = [c.directive.text for c in trace.candidates if c.taken]
    assert taken == ["tăng cường nắm tình hình Nhân dân", "đẩy mạnh tuyên truyền bầu cử trưởng thôn"]
    assert any(not c.taken and "sinh hoạt chi hội" in c.directive.text for c in trace.candidates)
    # A reported act is no candidate at all.
    assert not any("đã tuyên truyền" in c.directive.text for c in trace.candidates)


def test_a_model_keeps_the_pieces_it_scores_above_its_threshold():
    trace = Trace()
    _extract(TEXT, trace)
    keeps_all = learned.Model({}, 5.0, 0.5)
    keeps_none = learned.Model({}, -5.0, 0.5)
    assert len(learned.select(trace, keeps_all)) == len(trace.candidates)
    assert learned.select(trace, keeps_none) == []
    # In union, the rules' own pieces stay whatever the model says.
    assert [d.text for d in learned.select(trace, keeps_none, union=True)] == [
        c.directive.text for c in trace.candidates if c.taken
    ]


def test_without_a_readable_weights_file_the_rules_decide(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert learned.load_model(tmp_path / "missing.json") is None
    assert learned.load_model(tmp_path / "bad.json") is None


def test_the_shipped_weights_load_and_the_switch_changes_only_the_directives(monkeypatch):
    assert learned.load_model() is not None
    monkeypatch.setenv(learned.SWITCH, "rules")
    rules = extract(TEXT)
    monkeypatch.delenv(learned.SWITCH)
    chosen = extract(TEXT)
    assert {k: v for k, v in chosen.items() if k != "directives"} == {
        k: v for k, v in rules.items() if k != "directives"
    }
    assert all(isinstance(d["text"], str) and d["text"] for d in chosen["directives"])


def test_the_weights_file_is_small():
    assert Path(learned.MODEL_PATH).stat().st_size < 100_000


def test_the_best_sequence_wins_over_the_best_first_decision():
    # Alone, the first piece is more likely out (p 0.45); once it is in, the two after it are surely in,
    # while after an "out" they are a toss-up: the whole sequence is more likely all in.
    model = learned.Model({"a": -0.2, "b": -0.1, "prev=in_same": 5.0}, 0.0)
    rows = [["a"], ["b"], ["b"]]
    assert model.probability(rows[0] + learned.state_features(rows[0], "none", False)) < 0.5
    assert learned.decode(rows, [0, 0, 0], model) == [True, True, True]
    # In three paragraphs the tie does not hold: each piece is decided on its own.
    assert learned.decode(rows, [0, 1, 2], model) == [False, False, False]
    assert learned.decode([], [], model) == []


def _sequence_log_probability(rows, paras, model, decisions):
    total, prev = 0.0, "none"
    for i, (row, inside) in enumerate(zip(rows, decisions, strict=True)):
        same = i > 0 and paras[i - 1] == paras[i]
        p = model.probability(row + learned.state_features(row, prev, same))
        total += math.log(p if inside else 1.0 - p)
        prev = "in" if inside else "out"
    return total


def test_the_decoded_sequence_is_the_most_likely_of_all_sequences():
    rnd = random.Random(5)
    names = ["a", "b", "c", "p_past", "rules=in"]
    for _ in range(200):
        weights = {name: rnd.uniform(-2, 2) for name in names}
        weights.update({f"prev={state}{tie}": rnd.uniform(-3, 3) for state in ("none", "in_same", "in_new",
                        "out_same", "out_new") for tie in ("", "&p_past", "&rules=in")})
        model = learned.Model(weights, rnd.uniform(-1, 1))
        n = rnd.randint(1, 6)
        rows = [rnd.sample(names, rnd.randint(1, 3)) for _ in range(n)]
        paras = sorted(rnd.randint(0, 2) for _ in range(n))
        best = max(itertools.product((True, False), repeat=n),
                   key=lambda seq: _sequence_log_probability(rows, paras, model, seq))
        assert learned.decode(rows, paras, model) == list(best)


def test_the_rules_decision_is_a_feature_of_a_stacked_model_only():
    assert learned.Model({"rules=in": 1.0}, 0.0).stacked
    assert not learned.Model({"p_past": -1.0}, 0.0).stacked


def test_a_lead_in_anywhere_in_a_sentence_is_cut_from_a_candidate():
    text = (
        "Ngày 8/7/2019, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết 6 tháng đầu năm 2019.\n"
        "Hội nghị đánh giá cao công tác thi đua của Khối trong 6 tháng đầu năm, đồng thời đề nghị các đơn vị "
        "tiếp tục hoàn thành tốt các tiêu chí đăng ký thi đua; phối hợp thực hiện Năm dân vận chính quyền.\n"
    )
    trace = Trace()
    _extract(text, trace)
    cut = [c.directive for c in trace.candidates if c.directive.text.startswith("tiếp tục hoàn thành")]
    assert cut and cut[0].assignees == ["các đơn vị"]


def test_one_scan_finds_each_lexicons_own_hits_where_their_words_overlap():
    # "đánh giá cao" (thanks) holds "đánh giá" (report); "tổng số" is in both lexicons; "cần phải" holds "cần".
    lower = "hội nghị đánh giá cao kết quả, tổng số hội viên tăng; các xã cần phải tiếp tục. (đồng chí) bà ông"
    assert learned._CUE_AND_PIECE.hits(lower, 7) == (learned._CUE.hits(lower, 7), learned._PIECE.hits(lower, 7))
    cue_names = set().union(*learned._CUE.hits(lower, 0).names)
    assert {"thanks", "report", "speaker"} <= cue_names


@pytest.mark.parametrize(
    "lead",
    ["Đồng thời, Hội", "ĐỒNG THỜI", "đồng thờı", "đồng thờİ", "Hội cũng đề nghị", "CŨNG", "cúng", "đồng thơi", "cung",
     ""],
)
def test_the_also_feature_answers_as_its_case_insensitive_pattern(lead):
    assert learned._also(lead) == bool(learned._ALSO.search(lead))


@pytest.mark.parametrize("z", [0.0, 2.5, -7.0, 30.0, 45.0, -30.0, -45.0, float("inf"), float("-inf"), float("nan")])
def test_the_sigmoid_reads_its_input_clamped_to_thirty_either_way(z):
    clamped = max(-30.0, min(30.0, z))
    assert learned._sigmoid(z) == 1.0 / (1.0 + math.exp(-clamped))


def test_each_rows_tied_features_are_those_its_row_holds_in_order():
    # The rows' tied features are gathered as the row is built; they must be the row's own ``tied_features``.
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "texts").glob("*.txt"))]
    checked = 0
    for text in [TEXT, *texts]:
        trace = Trace()
        _extract(text, trace)
        if not trace.candidates:
            continue
        rows, tied = learned._text_rows(trace)
        assert tied == [tuple(learned.tied_features(row)) for row in rows]
        checked += len(rows)
    assert checked > 100
