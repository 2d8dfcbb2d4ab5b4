"""A learned selector of directive pieces, stacked on the rules.

The rules (``directives.py``) cut every piece of every paragraph the way a directive is cut (list
marker, connectors and lead-in stripped; assignees, deadline and places read) and mark the pieces
they take themselves.  This module decides which pieces belong to the directive part from features
of the piece (how it opens, what it holds), of the lead-in it was cut from, of its paragraph (how it
opens, its cues), of the paragraphs and pieces around it, of the text (its kind, its periods) and
from the rules' own decision; the weights are trained on the annotated corpus (``train.py``,
``make train``) and shipped as a small JSON file.

Pure Python: the weights file is read once; a piece's score is a sum of weights.  The decision on a
piece also depends on the decision on the piece before (the part continues until it ends): the best
sequence of decisions is found by Viterbi over the two states.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import organizations as orgs
from .chars import LET, lower_case, scoped
from .directives import Candidate
from .periods import find_periods
from .segment import sentences

MODEL_PATH = Path(__file__).with_name("directive_model.json")
# The one switch between the selectors: "0" or "rules" the rules decide alone, "union" the model adds the
# pieces it is sure of to the rules' own, unset or anything else the model decides (it reads unseen pages
# better than the rules alone).
SWITCH = "GIAOBAN_EXTRACT_LEARNED"
_SURE = 0.8


def mode() -> str:
    """"" (the rules alone), "model" or "union", from the environment switch; the model by default."""
    value = os.environ.get(SWITCH, "").strip().lower()
    if value in ("0", "rules", "false", "no"):
        return ""
    return "union" if value == "union" else "model"


@dataclass
class Models:
    """Whether the directive selector is learned (None: the rules choose; ``union``: the rules' pieces and those
    it is sure of)."""

    directives: Model | None = None
    union: bool = False


RULES = Models()


def configured() -> Models:
    """The models the switches ask for (the shipped weights; the rules where a file is missing)."""
    selected = mode()
    return Models(load_model() if selected else None, selected == "union")


@dataclass
class Trace:
    """What the directive selector sees of one text (filled in by the pipeline)."""

    candidates: list[Candidate] = field(default_factory=list)
    mtext: str = ""
    paras: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "other"
    # Where titled people are named: a piece naming one is often a list of attendants.
    people: list[tuple[int, int]] = field(default_factory=list)
    # Where they start, in order (sorted when first needed).
    people_starts: list[int] | None = None
    # (type, year, number) of the period under review and of the next one, when known.
    review: tuple | None = None
    next: tuple | None = None
    # The text's periods and where each starts (found when first needed).
    periods: list | None = None
    period_starts: list[int] = field(default_factory=list)
    # The cue lists found in each paragraph (filled when first needed).
    para_cues: dict[int, set[str]] = field(default_factory=dict)
    # Whether each paragraph opens with a list marker (read once: every list item looks back over the items before it).
    para_marked: dict[int, bool] = field(default_factory=dict)


def _contains_any(phrase: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", phrase) for w in words)


class Hits(NamedTuple):
    """Where a lexicon's words were found, in text order, and the names of the lists of each."""

    places: list[int]
    names: list[frozenset[str]]


class _Lexicon:
    """Named lists of words, all found in one scan of a lower-cased text: ``found`` gives the names of
    the lists with a word in it (a word inside a longer one counts for its own list too)."""

    def __init__(self, lists: dict[str, tuple[str, ...]]) -> None:
        words = {w for ws in lists.values() for w in ws}
        self.names = {w: frozenset(name for name, ws in lists.items() if _contains_any(w, ws)) for w in words}
        # The leading lookahead lets the scan skip positions that cannot start any word; the words as a trie
        # (shared beginnings tried once) find the same longest word at each place as a flat alternation would.
        firsts = "".join(sorted({re.escape(w[0]) for w in words}))
        self.pattern = re.compile(rf"(?=[{firsts}])(?<!\w){_trie(words)}")

    def found(self, lower: str) -> set[str]:
        out: set[str] = set()
        for m in self.pattern.finditer(lower):
            out |= self.names[m.group(0)]
        return out

    def hits(self, lower: str, offset: int) -> Hits:
        """Where every word found is, shifted by ``offset``, and its lists' names."""
        found = [(m.start() + offset, self.names[m.group(0)]) for m in self.pattern.finditer(lower)]
        return Hits([p for p, _ in found], [names for _, names in found])


def _trie(words: set[str]) -> str:
    """A pattern matching the longest of ``words`` that ends at a word boundary: at every branching the longer
    words are tried before the word that ends there."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if "" in node:
            alts.append(r"(?!\w)")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(root)


def _within(hits: Hits, start: int, end: int) -> set[str]:
    """The names of the hits at positions in ``[start, end)``."""
    # The places are sorted: only the hits inside the span are read.
    i = bisect.bisect_left(hits.places, start)
    j = bisect.bisect_left(hits.places, end, i)
    return set().union(*hits.names[i:j])


def _names_within(hits: Hits, start: int, end: int, name: str) -> bool:
    """Whether ``name`` is among ``_within(hits, start, end)``."""
    i = bisect.bisect_left(hits.places, start)
    j = bisect.bisect_left(hits.places, end, i)
    return any(name in names for names in hits.names[i:j])


# Cues of the directive part anywhere in a paragraph, whether or not the rules took it as a trigger.
_CUE = _Lexicon({
    "direct": ("đề nghị", "yêu cầu", "chỉ đạo", "giao nhiệm vụ", "kêu gọi", "lưu ý", "nhấn mạnh"),
    "conclude": ("kết luận", "phát biểu chỉ đạo", "chủ trì", "chủ tọa", "chủ toạ", "bế mạc"),
    "ahead": ("thời gian tới", "sắp tới", "tới đây", "những tháng cuối năm", "tiếp theo", "nhiệm kỳ tới", "năm tới",
              "giai đoạn tới"),
    "tasks": ("nhiệm vụ", "phương hướng", "giải pháp", "chỉ tiêu", "mục tiêu", "trọng tâm"),
    "agree": ("thống nhất", "nhất trí", "thông qua", "xác định"),
    "report": ("kết quả", "đạt được", "hạn chế", "tồn tại", "khó khăn", "báo cáo", "đánh giá", "tổng số"),
    "discuss": ("thảo luận", "tham luận", "ý kiến", "đại biểu"),
    "speaker": ("đồng chí", "ông", "bà"),
    "attend": ("tham dự", "dự hội nghị", "đến dự", "có sự tham gia", "thành phần"),
    "anniversary": ("kỷ niệm", "chào mừng", "năm ngày", "ngày thành lập", "ngày truyền thống"),
    "thanks": ("cảm ơn", "chúc mừng", "biểu dương", "ghi nhận", "đánh giá cao", "khen thưởng"),
})
# Inside the piece itself.
_PIECE = _Lexicon({
    "past": ("đã", "vừa", "từng"),
    "passive": ("được",),
    "need": ("cần", "phải", "cần phải"),
    "more": ("tiếp tục", "tăng cường", "đẩy mạnh", "tập trung", "chú trọng", "quan tâm", "làm tốt"),
    "percent": ("phần trăm",),
    "reach": ("đạt", "chiếm", "tổng số", "với tổng", "trị giá", "lũy kế", "tăng", "giảm"),
    "future": ("sẽ", "sắp", "dự kiến"),
    "goal": ("phấn đấu", "nhằm", "để", "góp phần", "bảo đảm", "đảm bảo"),
    "target": ("hằng năm", "hàng năm", "mỗi năm", "ít nhất", "trên", "phấn đấu"),
    "is": ("là", "có", "gồm"),
    "meeting": ("hội nghị", "đại hội", "buổi làm việc", "cuộc họp"),
    "title": ("bí thư", "chủ tịch", "trưởng ban", "phó", "ủy viên", "uỷ viên", "giám đốc"),
})


class _Lexicons:
    """The hits of two lexicons (as ``_Lexicon.hits`` gives them) from one scan: at every place where a word of
    either starts, the longest word of both; each lexicon's longest word there is the longest of its words that
    begins that one and ends at a word boundary, taken when it starts after the lexicon's previous hit ends."""

    def __init__(self, first: _Lexicon, second: _Lexicon) -> None:
        self.lexicons = (first, second)
        words = set(first.names) | set(second.names)
        if not all(re.fullmatch(r"\w+(?: \w+)*", w) for w in words):
            raise ValueError("lexicon words are words separated by single spaces")
        # For every word, each lexicon's longest word that opens it and ends at a word boundary.
        self.within = {
            w: tuple(
                next((w[:k] for k in range(len(w), 0, -1) if (k == len(w) or w[k] == " ") and w[:k] in lex.names),
                     None)
                for lex in self.lexicons
            )
            for w in words
        }
        firsts = "".join(sorted({re.escape(w[0]) for w in words}))
        # Every place a word starts, each with its longest word (group 1, read by a look-ahead from that place).  The
        # match takes the word's first letter: a pattern that opens with a character class lets the engine find the
        # places to try by a fast scan (one that opens with a look-ahead is tried at every place), and no word starts
        # at the next place, right after a letter.
        self.pattern = re.compile(rf"[{firsts}](?<!\w.)(?<=(?=({_trie(words)})).)")

    def hits(self, lower: str, offset: int) -> tuple[Hits, Hits]:
        """Each lexicon's ``hits(lower, offset)``."""
        (first, second), within = self.lexicons, self.within
        hits1, hits2 = Hits([], []), Hits([], [])
        end1 = end2 = 0
        for m in self.pattern.finditer(lower):
            p = m.start()
            w1, w2 = within[m.group(1)]
            if w1 is not None and p >= end1:
                hits1.places.append(p + offset)
                hits1.names.append(first.names[w1])
                end1 = p + len(w1)
            if w2 is not None and p >= end2:
                hits2.places.append(p + offset)
                hits2.names.append(second.names[w2])
                end2 = p + len(w2)
        return hits1, hits2


# Both, found in one scan of a paragraph.
_CUE_AND_PIECE = _Lexicons(_CUE, _PIECE)
_DIGIT = re.compile(r"\d")


def _piece_names(piece: str, names: set[str]) -> set[str]:
    """The piece's words' lists (``names``) with its digits, percentages and quotes."""
    if _DIGIT.search(piece):
        names.add("digit")
    if "%" in piece:
        names |= {"percent", "target"} if "100%" in piece else {"percent"}
    if '"' in piece or "“" in piece or "”" in piece:
        names.add("quote")
    return names


# Openers of a paragraph (after a list marker).
_OPENER = [
    ("ve", re.compile(r"(?:Về|Đối với|Riêng)\s")),
    ("speech", re.compile(r"(?i)(?:phát biểu|kết luận|bế mạc|chỉ đạo|thay mặt)")),
    ("at", re.compile(r"(?i)tại (?:hội nghị|đại hội|buổi|cuộc)")),
    ("so", re.compile(r"(?i)(?:theo đó|trong đó|cụ thể|qua đó|để|do đó|vì vậy|trên cơ sở)")),
    ("time", re.compile(r"(?i)(?:trong|từ nay|đến|năm|quý|tháng|\d{1,2} tháng|sáu tháng|chín tháng|nhiệm kỳ|"
                        r"thời gian|những tháng|giai đoạn|hằng năm|hàng năm|sáng|chiều|ngày)(?![\w])")),
    ("person", re.compile(r"(?:Đồng chí|Ông|Bà|Các đồng chí)(?![\w])")),
    ("meeting", re.compile(r"(?i)(?:hội nghị|đại hội|buổi làm việc|cuộc họp)(?![\w])")),
    ("attend", re.compile(r"(?i)(?:tham dự|dự hội nghị|đến dự|cùng dự|tham gia)(?![\w])")),
]


_WORD = re.compile(rf"{LET}+|\d+%?")
_MARKER = re.compile(r"^\s*(?:[-+•*▪◦·]+|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|[IVX]{1,4}[.)])\s*")
# Characters that end a stopped paragraph (before trailing space).
_STOPS = frozenset(".!?…:;\"”)")


@dataclass
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    # The weight of each state-tied feature, by state, looked up once.
    _tied: dict[str, dict[str, float]] = field(default_factory=dict, repr=False, compare=False)
    # The summed weights of a row's tied features, by state and those features (few combinations occur).
    _tied_sums: dict[tuple, float] = field(default_factory=dict, repr=False, compare=False)

    def score(self, features: list[str]) -> float:
        return self.bias + sum(map(self.weights.get, features, itertools.repeat(0.0)))

    def state_score(self, tied: tuple[str, ...], prev: str, same: bool) -> float:
        """The summed weights of ``state_features`` for a row whose tied features are ``tied`` (the same sum,
        in the same order, without building the feature strings again for every row)."""
        key = (prev, same, tied)
        total = self._tied_sums.get(key)
        if total is not None:
            return total
        state = f"{prev}_{'same' if same else 'new'}" if prev != "none" else "none"
        cache = self._tied.get(state)
        if cache is None:
            cache = self._tied[state] = {}
        get = self.weights.get
        values = [get(f"prev={state}", 0.0)]
        for f in tied:
            w = cache.get(f)
            if w is None:
                w = cache[f] = get(f"prev={state}&{f}", 0.0)
            values.append(w)
        total = self._tied_sums[key] = sum(values)
        return total

    def probability(self, features: list[str]) -> float:
        return _sigmoid(self.score(features))

    @property
    def stacked(self) -> bool:
        """Whether the model reads the rules' own decision."""
        return any(f.startswith("rules") for f in self.weights)


def _sigmoid(z: float) -> float:
    # max(-30.0, min(30.0, z)) without the two calls (NaN, which min() turns into 30.0, too).
    if not z <= 30.0:
        z = 30.0
    elif z < -30.0:
        z = -30.0
    return 1.0 / (1.0 + math.exp(-z))


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model | None:
    """The shipped weights, or None when the file is missing or unreadable (the rules then decide)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Model(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    """How many of the (sorted) ``edges`` ``value`` reaches."""
    return bisect.bisect_right(edges, value)


@dataclass
class _Para:
    """What the pieces of one paragraph share, and where its cue and piece words are."""

    features: list[str]
    sentences: tuple[tuple[int, int], ...]
    cues: Hits
    words: Hits
    # Its features whose weight is tied to the decision before (``tied_features``).
    tied: list[str] = field(default_factory=list)
    # Whether it has a direction or conclusion cue ("para:c_direct" or "para:c_conclude").
    cued: bool = False
    # Where its sentences start.
    sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sentence_starts = [s for s, _ in self.sentences]


_DIRECTION_CUES = frozenset(("direct", "conclude"))
_PREV_CUES = frozenset(("direct", "conclude", "tasks", "ahead"))
_LEAD_CUES = frozenset(("direct", "conclude", "ahead", "tasks", "agree", "report", "discuss", "speaker", "thanks"))


# The openers as one alternation tried in their order (each pattern's flags scoped to its own branch).
_OPENERS = re.compile(
    "|".join(f"(?P<{name}>{scoped(pattern)})" for name, pattern in _OPENER)
)


def _opener(body: str) -> str:
    m = _OPENERS.match(body)
    return m.lastgroup if m else "other"


def _period_relation(mtext: str, start: int, end: int, trace: Trace) -> str | None:
    """How the first period named in ``[start, end)`` relates to the meeting's: "next", "review",
    "ahead" (a later year than the review's), "other", or None when none is named."""
    if trace.periods is None:
        # The whole text's periods, found once; the stretch itself is read again only where a period is cut
        # at its edge (it may read differently there).
        trace.periods = find_periods(mtext)
        trace.period_starts = [p.start for p in trace.periods]
    periods = trace.periods
    i = bisect.bisect_left(trace.period_starts, start)
    if i < len(periods) and periods[i].start < end and periods[i].end <= end and not (
        i > 0 and periods[i - 1].end > start
    ):
        key = periods[i].key()
    elif (i >= len(periods) or periods[i].start >= end) and not (i > 0 and periods[i - 1].end > start):
        return None
    else:
        found = find_periods(mtext, start, end)
        if not found:
            return None
        key = found[0].key()
    for name, known in (("next", trace.next), ("review", trace.review)):
        if known and key[0] == known[0] and key[2] == known[2] and key[1] in (None, known[1]):
            return name
    year = key[1]
    ref = (trace.review or trace.next or (None, None, None))[1]
    if year and ref and year > ref:
        return "ahead"
    return "other"


def _paragraph(mtext: str, paras: list[tuple[int, int]], i: int, trace: Trace) -> _Para:
    p0, p1 = paras[i]
    body = mtext[p0:p1]
    marker = _MARKER.match(body)
    trace.para_marked[i] = marker is not None
    rest = body[marker.end() :] if marker else body
    lower = lower_case(mtext, p0, p1)
    cue_hits, word_hits = _CUE_AND_PIECE.hits(lower, p0)
    trace.para_cues[i] = cues = _within(cue_hits, p0, p1)
    # The features, and those of them that are state-tied (``tied_features``), in order, their fixed strings
    # written once.
    features = [_PARA_CUE[name] for name in sorted(cues)]
    opener = "para:op=" + _opener(rest)
    features.append(opener)
    tied = [opener]
    relation = _period_relation(mtext, p0, min(p1, p0 + 60), trace)
    if relation:
        features.append("para:op_period=" + relation)
        tied.append(features[-1])
    stripped = body.rstrip()
    if stripped.endswith(":"):
        features.append("para:colon_end")
    if marker:
        features.append("para:marker")
        tied.append("para:marker")
    if stripped[-1:] not in _STOPS:
        features.append("para:no_stop")
    if len(body) < 120:
        features.append("para:short")
    if orgs.ORG_HEAD_START.match(rest):
        features.append("para:op_body")
        tied.append("para:op_body")
    features.append(_PARA_POS[bisect.bisect_right(_PARA_POS_EDGES, i / max(1, len(paras) - 1))])
    if i == 0:
        features.append("para:first")
    if i > 0:
        q0, q1 = paras[i - 1]
        if mtext[q0:q1].rstrip().endswith(":"):
            features.append("para:prev_colon")
        features += [_PARA_PREV_CUE[name] for name in sorted(_cues_of(mtext, paras, i - 1, trace) & _PREV_CUES)]
    if marker:
        features += ["para:" + f for f in _list_intro(mtext, paras, i, trace)]
    return _Para(features, sentences(mtext, paras[i]), cue_hits, word_hits, tied, bool(cues & _DIRECTION_CUES))


_PARA_CUE = {name: "para:c_" + name for names in _CUE.names.values() for name in names}
_PARA_PREV_CUE = {name: "para:prev_c_" + name for name in _PREV_CUES}
_PARA_POS_EDGES = (0.2, 0.4, 0.6, 0.8, 0.999)
_PARA_POS = [f"para:pos{k}" for k in range(len(_PARA_POS_EDGES) + 1)]


_INTRO_REACH = 20


def _cues_of(mtext: str, paras: list[tuple[int, int]], i: int, trace: Trace) -> set[str]:
    """The cue lists with a word in paragraph ``i`` (found once a text)."""
    cues = trace.para_cues.get(i)
    if cues is None:
        q0, q1 = paras[i]
        cues = trace.para_cues[i] = _CUE.found(lower_case(mtext, q0, q1))
    return cues


def _list_intro(mtext: str, paras: list[tuple[int, int]], i: int, trace: Trace) -> list[str]:
    """Features of the paragraph that opens the list a list item belongs to: the nearest paragraph before it
    with no list marker (its cues, whether it ends with a colon), and how far back it is."""
    for j in range(i - 1, max(-1, i - _INTRO_REACH), -1):
        if _marked(mtext, paras, j, trace):
            continue
        q0, q1 = paras[j]
        body = mtext[q0:q1]
        out = [f"intro_c_{name}" for name in sorted(_cues_of(mtext, paras, j, trace) & _LEAD_CUES)]
        if body.rstrip().endswith(":"):
            out.append("intro_colon")
        out.append(f"intro_far{_bucket(i - j, (2, 4, 8))}")
        return out
    return ["intro=none"]


def _marked(mtext: str, paras: list[tuple[int, int]], j: int, trace: Trace) -> bool:
    """Whether paragraph ``j`` opens with a list marker (``_MARKER`` matches it; read once a text)."""
    marked = trace.para_marked.get(j)
    if marked is None:
        q0, q1 = paras[j]
        marked = trace.para_marked[j] = _MARKER.match(mtext[q0:q1]) is not None
    return marked


def _any_between(trace: Trace, start: int, end: int) -> bool:
    """Whether a titled person is named at a position in ``[start, end)``."""
    if trace.people_starts is None:
        trace.people_starts = sorted(a for a, _ in trace.people)
    i = bisect.bisect_left(trace.people_starts, start)
    return i < len(trace.people_starts) and trace.people_starts[i] < end


def _lead_features(mtext: str, start: int, sentence_start: int, trace: Trace, para: _Para) -> list[str]:
    """Features of the text a piece was cut from, between its sentence's start and the piece."""
    lead = mtext[sentence_start:start]
    if not lead.strip(" ,;:-–"):
        return ["lead=none"]
    # At most 20 pieces (the last holds the rest): the bucket is the same as the full split's.
    out = [_LEAD_LEN[bisect.bisect_right(_LEAD_LEN_EDGES, len(lead.split(None, 19)))]]
    out += [_LEAD_CUE[name] for name in sorted(_within(para.cues, sentence_start, start) & _LEAD_CUES)]
    if _names_within(para.words, sentence_start, start, "meeting"):
        out.append("lead_meeting")
    if orgs.ORG_HEAD.search(lead):
        out.append("lead_body")
    if _any_between(trace, sentence_start, start):
        out.append("lead_person")
    if lead.rstrip().endswith(":"):
        out.append("lead_colon")
    if _also(lead):
        out.append("lead_also")
    relation = _period_relation(mtext, sentence_start, start, trace)
    if relation:
        out.append(f"lead_period={relation}")
    return out


_LEAD_LEN_EDGES = (3, 8, 20)
_LEAD_LEN = [f"lead_len{k}" for k in range(len(_LEAD_LEN_EDGES) + 1)]
_LEAD_CUE = {name: "lead_c_" + name for name in _LEAD_CUES}
_ALSO = re.compile(r"(?i)đồng thời|cũng")


# _ALSO with every case variant the case-insensitive match admits spelled out ("i" also matches "İ" and "ı"), opened
# by its toned vowel so the engine finds the places to try by a fast scan: the same answer, much faster.
_ALSO_FAST = re.compile(r"[ũŨồỒ](?:(?<=[cC][ũŨ])[nN][gG]|(?<=[đĐ][ồỒ])[nN][gG] [tT][hH][ờỜ][iIİı])")


def _also(lead: str) -> bool:
    """Whether ``_ALSO`` finds a match in ``lead``."""
    return _ALSO_FAST.search(lead) is not None


def _piece_features(c: Candidate, mtext: str, para: _Para, trace: Trace) -> tuple[list[str], list[str]]:
    """The features of a piece that are its own (its paragraph's come after them in its row), and those of them that
    are state-tied (``_STATE_TIED``), in row order."""
    d = c.directive
    a, b = d.start, d.start + len(d.text)
    piece = mtext[a:b]
    words = _WORD.findall(piece)
    if words:
        w1 = words[0].lower()
        out = ["w1=" + w1, "w2=" + (w1 + " " + words[1].lower() if len(words) > 1 else w1)]
    else:
        out = ["w1=", "w2="]
    names = _piece_names(piece, _within(para.words, a, b))
    out += [_P_NAME[name] for name in sorted(names)]
    own = ["p_past"] if "past" in names else []
    if orgs.ACTION_RE.match(piece):
        out.append("p_action_start")
        own.append("p_action_start")
    if d.own:
        out.append("p_own_body")
        own.append("p_own_body")
    if d.assignees:
        out.append("p_assignees")
    if d.deadline:
        out.append("p_deadline")
    if d.lead:
        out.append("p_lead")
    if piece[:1].isupper():
        out.append("p_capital")
        own.append("p_capital")
    if _any_between(trace, a, b):
        out.append("p_person")
    if mtext[b : b + 2].lstrip().startswith(":"):
        out.append("p_colon_after")
    out.append(_P_LEN[bisect.bisect_right(_P_LEN_EDGES, len(words))])
    # The paragraph's sentences are in order and do not overlap: the one holding the piece's start, if any.
    k = bisect.bisect_right(para.sentence_starts, a) - 1
    inside = k >= 0 and a < para.sentences[k][1]
    lead = _lead_features(mtext, a, para.sentences[k][0] if inside else a, trace, para)
    out += lead
    if lead[0] == "lead=none":
        own.append("lead=none")
    out.append(_SENT_INDEX[min(k, 2) if inside else 0])
    out.append("kind=" + trace.kind)
    return out, own


# The feature strings of the piece's word lists, length and sentence, written once.
_P_NAME = {name: "p_" + name for names in _PIECE.names.values() for name in names} | {
    name: "p_" + name for name in ("digit", "percent", "target", "quote")
}
_P_LEN_EDGES = (4, 7, 12, 20, 35, 60)
_P_LEN = [f"p_len{k}" for k in range(len(_P_LEN_EDGES) + 1)]
_SENT_INDEX = ["sent_index0", "sent_index1", "sent_index2"]


# Piece features whose weight depends on the decision on the piece before.
_STATE_TIED = ("p_action_start", "p_past", "p_capital", "para:marker", "rules=in", "lead=none", "p_own_body")


def state_features(static: list[str], prev: str, same: bool) -> list[str]:
    """Features tied to the decision on the piece before ("in", "out" or "none") and to whether it
    lies in the same paragraph."""
    state = f"{prev}_{'same' if same else 'new'}" if prev != "none" else "none"
    out = [f"prev={state}"]
    out += [f"prev={state}&{f}" for f in tied_features(static)]
    return out


def tied_features(static: list[str]) -> list[str]:
    """The static features whose weight is tied to the decision on the piece before, in row order."""
    return [f for f in static if f in _STATE_TIED or f.startswith("para:op")]


def text_features(trace: Trace) -> list[list[str]]:
    """Static features of every candidate of a text, with the candidate before's and after's."""
    return _text_rows(trace)[0]


def _text_rows(trace: Trace) -> tuple[list[list[str]], list[tuple[str, ...]]]:
    """``text_features`` and each row's ``tied_features`` (read off the piece's and its paragraph's parts)."""
    paras: dict[int, _Para] = {}
    rows: list[list[str]] = []
    tied: list[tuple[str, ...]] = []
    # Each row's piece features that are state-tied, and its rules' decision, in row order: the features the rows
    # around it read (``_AS_NEXT`` and ``_AS_BEFORE`` are among them; the paragraph's features are none of them).
    own_tied: list[list[str]] = []
    cued: list[bool] = []
    for c in trace.candidates:
        para = paras.get(c.para)
        if para is None:
            para = paras[c.para] = _paragraph(trace.mtext, trace.paras, c.para, trace)
        row, own = _piece_features(c, trace.mtext, para, trace)
        if c.taken:
            own.append("rules=in")
        own_tied.append(own)
        tied.append((*own[:-1], *para.tied, "rules=in") if c.taken else (*own, *para.tied))
        row += para.features
        if c.taken:
            row.append("rules=in")
        rows.append(row)
        cued.append(para.cued)
    # What each row shows the rows around it: its state-tied features that the row before reads and those that the
    # row after reads.
    shown_next = [[_AS_NEXT[f] for f in own if f in _AS_NEXT] for own in own_tied]
    shown_before = [[_AS_BEFORE[f] for f in own if f in _AS_BEFORE] for own in own_tied]
    last_cue: int | None = None
    seen_para: int | None = None
    last = len(rows) - 1
    for i, (c, row) in enumerate(zip(trace.candidates, rows, strict=True)):
        if c.para != seen_para:
            seen_para = c.para
            if cued[i]:
                last_cue = c.para
        # The candidates come in text order: the paragraph of the last cue is never after the piece's.
        row.append("since_cue=none" if last_cue is None else _SINCE_CUE[min(c.para - last_cue, 3)])
        if i < last:
            row += shown_next[i + 1]
        else:
            row.append("next:none")
        if i > 0:
            row += shown_before[i - 1]
    return rows, tied


# The features of the row after and of the row before that a row reads (all of them state-tied), as it reads them.
_AS_NEXT = {f: "next:" + f for f in ("p_action_start", "p_past", "rules=in", "lead=none")}
_AS_BEFORE = {f: "before:" + f for f in ("p_action_start", "p_past", "rules=in")}
_SINCE_CUE = [f"since_cue={k}" for k in range(4)]


def decode(
    rows: list[list[str]], paras: list[int], model: Model, tied: list[tuple[str, ...]] | None = None
) -> list[bool]:
    """The most likely sequence of in/out decisions (Viterbi over the two states); ``tied``, each row's
    ``tied_features`` when known."""
    if not rows:
        return []
    if tied is None:
        tied = [tuple(tied_features(row)) for row in rows]
    log, score, state_score = math.log, model.score, model.state_score
    # The two states unrolled: best_in/best_out, the log-probability of the best sequence ending in each; back[i],
    # the state before each on that sequence (ties go to "in", the state met first).
    p = _sigmoid(score(rows[0]) + state_score(tied[0], "none", False))
    best_in, best_out = log(max(p, 1e-12)), log(max(1.0 - p, 1e-12))
    back: list[tuple[str, str]] = [("none", "none")]
    for i in range(1, len(rows)):
        base, row_tied, same = score(rows[i]), tied[i], paras[i - 1] == paras[i]
        p_after_in = _sigmoid(base + state_score(row_tied, "in", same))
        p_after_out = _sigmoid(base + state_score(row_tied, "out", same))
        in_in, out_in = best_in + log(max(p_after_in, 1e-12)), best_out + log(max(p_after_out, 1e-12))
        in_out = best_in + log(max(1.0 - p_after_in, 1e-12))
        out_out = best_out + log(max(1.0 - p_after_out, 1e-12))
        back.append(("in" if in_in >= out_in else "out", "in" if in_out >= out_out else "out"))
        best_in, best_out = max(in_in, out_in), max(in_out, out_out)
    state = "in" if best_in >= best_out else "out"
    decisions = []
    for before_in, before_out in reversed(back):
        decisions.append(state == "in")
        state = before_in if state == "in" else before_out
    return decisions[::-1]


def select(trace: Trace, model: Model | None = None, union: bool = False) -> list:
    """The pieces the model puts in the directive part, in text order; with ``union``, the rules'
    own pieces and those the model is sure of."""
    model = model or load_model()
    if model is None:
        return [c.directive for c in trace.candidates if c.taken]
    rows, tied = _text_rows(trace)
    paras = [c.para for c in trace.candidates]
    if union:
        keep = []
        prev = "none"
        for i, (c, row) in enumerate(zip(trace.candidates, rows, strict=True)):
            same = i > 0 and paras[i - 1] == paras[i]
            p = _sigmoid(model.score(row) + model.state_score(tied[i], prev, same))
            keep.append(c.taken or p >= _SURE)
            prev = "in" if keep[-1] else "out"
    else:
        keep = decode(rows, paras, model, tied)
    return [c.directive for c, k in zip(trace.candidates, keep, strict=True) if k]

