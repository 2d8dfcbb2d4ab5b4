"""A learned selector of directive pieces: logistic regression over the pieces of a text.

The rules (``directives.py``) cut every paragraph into pieces the way a directive is cut (lead-in
stripped, assignees, deadline and places read); this module decides which pieces belong to the
directive part from features of the piece, its paragraph and the piece before it, with weights
trained on the annotated corpus (``train.py``, ``make train``) and shipped as a small JSON file.

Pure Python: the weights file is read once; a prediction is a sum of weights.  Decoding is left to
right, each piece seeing the decision on the one before (the part continues until it ends).
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import organizations as orgs
from .chars import LET
from .directives import Candidate, Directive

MODEL_PATH = Path(__file__).with_name("directive_model.json")
# The one switch between the rules and the learned selector: unset or "0" the rules decide, "1" the
# model decides, "union" the model adds the pieces it is sure of to the rules' own.
SWITCH = "GIAOBAN_EXTRACT_LEARNED"
_SURE = 0.8


def mode() -> str:
    """"" (rules), "model" or "union", from the environment switch."""
    value = os.environ.get(SWITCH, "").strip().lower()
    if value in ("", "0", "rules", "false", "no"):
        return ""
    return "union" if value == "union" else "model"

# Cues of the directive part anywhere in a paragraph, whether or not the rules took it as a trigger.
_CUE = {
    "cue_direct": re.compile(r"(?i)(?<![\w])(?:đề nghị|yêu cầu|chỉ đạo|giao nhiệm vụ|kêu gọi|lưu ý|nhấn mạnh)(?![\w])"),
    "cue_conclude": re.compile(r"(?i)(?<![\w])(?:kết luận|phát biểu chỉ đạo|chủ trì|chủ tọa|chủ toạ)(?![\w])"),
    "cue_ahead": re.compile(r"(?i)(?<![\w])(?:thời gian tới|sắp tới|tới đây|những tháng cuối năm|tiếp theo)(?![\w])"),
    "cue_tasks": re.compile(r"(?i)(?<![\w])(?:nhiệm vụ|phương hướng|giải pháp|chỉ tiêu|mục tiêu)(?![\w])"),
    "cue_agree": re.compile(r"(?i)(?<![\w])(?:thống nhất|nhất trí|thông qua)(?![\w])"),
    "cue_report": re.compile(r"(?i)(?<![\w])(?:kết quả|đạt được|hạn chế|tồn tại|khó khăn|báo cáo|đánh giá)(?![\w])"),
    "cue_discuss": re.compile(r"(?i)(?<![\w])(?:thảo luận|tham luận|ý kiến|đại biểu)(?![\w])"),
    "cue_speaker": re.compile(r"(?<![\w])(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)(?![\w])"),
}
# Inside the piece itself.
_PIECE = {
    "p_past": re.compile(r"(?<![\w])(?:đã|vừa|từng)(?![\w])"),
    "p_passive": re.compile(r"(?<![\w])được(?![\w])"),
    "p_need": re.compile(r"(?i)(?<![\w])(?:cần|phải|cần phải)(?![\w])"),
    "p_more": re.compile(r"(?i)(?<![\w])(?:tiếp tục|tăng cường|đẩy mạnh|tập trung|chú trọng|quan tâm|làm tốt)(?![\w])"),
    "p_digit": re.compile(r"\d"),
    "p_percent": re.compile(r"%|phần trăm"),
    "p_quote": re.compile(r"[\"“”]"),
    "p_reach": re.compile(r"(?i)(?<![\w])(?:đạt|chiếm|tổng số|với tổng|trị giá|tham gia)(?![\w])"),
    "p_future": re.compile(r"(?i)(?<![\w])(?:sẽ|sắp|dự kiến)(?![\w])"),
    "p_goal": re.compile(r"(?i)(?<![\w])(?:phấn đấu|nhằm|để|góp phần|bảo đảm|đảm bảo)(?![\w])"),
}
_WORD = re.compile(rf"{LET}+|\d+")
_MARKER = re.compile(r"^\s*(?:[-+•*▪◦·]+|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|[IVX]{1,4}[.)])\s*")


@dataclass
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model | None:
    """The shipped weights, or None when the file is missing or unreadable (the rules then decide)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Model(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= e for e in edges)


def paragraph_features(mtext: str, para: tuple[int, int]) -> list[str]:
    """Features of a paragraph that every piece in it shares."""
    p0, p1 = para
    body = mtext[p0:p1]
    out = [name for name, pattern in _CUE.items() if pattern.search(body)]
    if body.rstrip().endswith(":"):
        out.append("para_colon_end")
    if _MARKER.match(body):
        out.append("para_marker")
    if len(body) < 120:
        out.append("para_short")
    return out


def piece_features(c: Candidate, mtext: str) -> list[str]:
    """Features of one piece on its own: how it opens, what it holds."""
    d: Directive = c.directive
    piece = mtext[d.start : d.start + len(d.text)]
    words = [w.lower() for w in _WORD.findall(piece)]
    out = [f"w1={words[0]}" if words else "w1=", f"w2={' '.join(words[:2])}"]
    out += [name for name, pattern in _PIECE.items() if pattern.search(piece)]
    if orgs.ACTION_RE.match(piece):
        out.append("p_action_start")
    if d.own:
        out.append("p_own_body")
    if d.assignees:
        out.append("p_assignees")
    if d.deadline:
        out.append("p_deadline")
    if d.lead:
        out.append("p_lead")
    if piece[:1].isupper():
        out.append("p_capital")
    out.append(f"p_len{_bucket(len(words), (5, 9, 16, 30, 50))}")
    return out


def features(c: Candidate, mtext: str, paras: list[tuple[int, int]], state: dict, kind: str) -> list[str]:
    """All features of a piece; ``state`` carries what the decoder knows of the pieces before."""
    para = paras[c.para]
    out = piece_features(c, mtext) + [f"para:{f}" for f in paragraph_features(mtext, para)]
    out.append(f"kind={kind}")
    out.append(f"pos{_bucket(c.para / max(1, len(paras) - 1), (0.2, 0.4, 0.6, 0.8, 0.999))}")
    same = state.get("para") == c.para
    prev = state.get("prev")
    out.append(f"prev={prev}{'_same' if same else ''}")
    out.append(f"first_in_para={not same}")
    since = c.para - state["last_cue"] if state.get("last_cue") is not None else None
    out.append(f"since_cue={'none' if since is None else min(since, 3)}")
    return out


def select(candidates: list[Candidate], mtext: str, paras: list[tuple[int, int]], kind: str,
           model: Model | None = None, union: bool = False) -> list[Directive]:
    """The pieces the model puts in the directive part, in text order; with ``union``, the rules'
    own pieces and those the model is sure of."""
    model = model or load_model()
    if model is None:
        return [c.directive for c in candidates if c.taken]
    out: list[Directive] = []
    state: dict = {"prev": "none", "para": None, "last_cue": None}
    for c in candidates:
        feats = features(c, mtext, paras, state, kind)
        p = model.probability(feats)
        keep = (c.taken or p >= _SURE) if union else p >= model.threshold
        if keep:
            out.append(c.directive)
        advance(state, c, mtext, paras, keep)
    return out


def advance(state: dict, c: Candidate, mtext: str, paras: list[tuple[int, int]], label: bool) -> None:
    """Move the decoder past one piece: its decision, its paragraph, the last paragraph with a cue."""
    if state.get("para") != c.para:
        p0, p1 = paras[c.para]
        if _CUE["cue_direct"].search(mtext, p0, p1) or _CUE["cue_conclude"].search(mtext, p0, p1):
            state["last_cue"] = c.para
    state["prev"] = "in" if label else "out"
    state["para"] = c.para
