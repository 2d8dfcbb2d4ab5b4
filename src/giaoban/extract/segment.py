"""Paragraphs, sentences and ";"-pieces as (start, end) spans of one string.

Spans, not copies, so detectors working on the matching copy can slice the original text.
"""

from __future__ import annotations

import re

from .chars import LO, UP, per_text

Span = tuple[int, int]

# A sentence ends at ".", "!", "?", "…" followed by space and a capital, digit, dash or quote, or at
# a "." or "…" glued to the next capitalised word ("Lai Uyên.Tổ chức", "trên địa bàn xã…Đồng thời") and
# at "./." endings.
# Written as "(?=[.!?…])(?:(?:\./\.|[.!?…]+)(?=…)|(?<={LO})(?:\.|…|\.\.\.)(?={UP}{LO}))" with the first mark consumed
# and each alternative checking it behind ("(?<=\.)/\." is "./.", "[.!?…]*" after one mark is "[.!?…]+", "(?<={LO}.)"
# is the letter before it): the same alternatives in the same order, and the engine finds the marks by a fast scan
# instead of trying the look ahead at every position.
_AFTER_END = rf"(?=\s+(?:{UP}|[\d\"“'‘(+•-]))"
_SENTENCE_END = re.compile(
    rf"[.!?…](?:(?<=\.)/\.{_AFTER_END}|[.!?…]*{_AFTER_END}|(?<={LO}.)(?:(?<=\.)|(?<=…)|(?<=\.)\.\.)(?={UP}{LO}))"
)
# A ";" inside parentheses ("(phối hợp: Ban Dân vận; thời hạn: trong quý II/2027)") joins details of one
# piece; it ends no piece.
_PIECE_END = re.compile(r";(?![^()]*\))")
# List markers at the start of a line: "-", "+", "•", "1.", "1)", "a)", "I." ...
LIST_MARKER = re.compile(r"^\s*(?:[-+•*▪◦·]+|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|[IVX]{1,4}[.)])\s*")
# The same without "^", to match at a position of a longer text.
_MARKER_AT = re.compile(LIST_MARKER.pattern[1:])


# A line that ends like this closes its sentence (or opens a list with ":"), so the next line is new.
_CLOSED_LINE = re.compile(r"[.!?…:;\"”’)»\]]\s*$|\./\.\s*$")
_LOWER_START = re.compile(rf"\s*{LO}")
# A line break after an open line ending (no closing punctuation) before a lower-case start that is
# no list marker ("a) ..."), or after a word no sentence ends with. Both patterns start with the line
# break itself, so the scan jumps from one "\n" to the next; the line's end is checked behind it.
_OPEN_END = r"[^\s.!?…:;\"”’)»\]]"
_LOWER_JOIN = re.compile(
    rf"\n(?:(?<={_OPEN_END}\n)|(?<={_OPEN_END} \n)|(?<={_OPEN_END}  \n))(?=[^\S\n]*(?![a-zđ][.)]){LO})"
)
_OPEN_WORDS = ("ngày", "đến", "tới", "và", "của", "với", "tại", "số", "là", "cho", "các", "những", "được", "từ")
_OPEN_JOIN = re.compile(
    r"\n(?:" + "|".join(f"(?<=[^\\w]{w}\\n)" for w in _OPEN_WORDS) + r")"
    r"(?=[^\S\n]*(?!\(?\d{1,2}[.)]|[a-zđ][.)])[^\s\-+•*▪◦·])"
)
# A line that ends on a word no sentence ends with ("Từ ngày 22/10 đến ngày") goes on, whatever follows.
_OPEN_WORD_END = re.compile(r"(?<![\w])(?:" + "|".join(_OPEN_WORDS) + r")\s*$")
# How many of a text's long lines must end open before it is taken as hard-wrapped at a width.
_WRAPPED_SHARE = 0.5
_WRAPPED_MIN_LINES = 3


def unwrap(text: str) -> str:
    """Paragraphs rebuilt from hard-wrapped lines; the result has the same length.

    A line that ends mid-sentence continues on the next line when that line starts in lower case,
    or, in a text wrapped at a fixed width (most long lines end open), when the line reaches
    that width and the next is no list item.  A blank line always ends a paragraph."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        # The common case: only lines that go on in lower case or after an open word join; one scan.
        return _BLANK_JOIN.sub(_spaces, _OPEN_JOIN.sub(" ", _LOWER_JOIN.sub(" ", text)))
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not line.strip() or not nxt.strip() or _CLOSED_LINE.search(line):
            out.append("\n")
            continue
        joins = bool(_LOWER_START.match(nxt) or _OPEN_WORD_END.search(line)) and not LIST_MARKER.match(nxt)
        if not joins and width:
            joins = len(line.rstrip()) >= width * 0.75 and not LIST_MARKER.match(nxt) and _has_lower(line)
        out.append(" " if joins else "\n")
    return "".join(out)[: len(text)]


# A sentence broken by a blank line ("tổ chức khám và điều\n\ntrị bệnh miễn phí …"): a line that ends on a
# letter, then blank lines, then one that goes on in lower case (no list marker) is one paragraph.
# The scan jumps from one line break to the next; the letter before it is checked by ``_spaces``.
_BLANK_JOIN = re.compile(rf"\n(?:[^\S\n]*\n)+(?=[^\S\n]*(?![a-zđ][.)]){LO})")


def _spaces(m: re.Match[str]) -> str:
    text, i = m.string, m.start() - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return " " * len(m.group(0)) if i >= 0 and text[i].isalpha() else m.group(0)


def _has_lower(line: str) -> bool:
    return line != line.upper()


_CLOSING = frozenset('.!?…:;"”’)»]')


def _closed(line: str) -> bool:
    """Whether a right-stripped line ends its sentence (the character test of ``_CLOSED_LINE``)."""
    return bool(line) and line[-1] in _CLOSING


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text is hard-wrapped at, or None when its lines are whole paragraphs."""
    long_lines = [
        (len(a), bool(b.strip()) and not _closed(a))
        for a, b in zip(map(str.rstrip, lines), lines[1:] + [""], strict=True)
        if len(a) >= 40
    ]
    open_lengths = sorted(n for n, is_open in long_lines if is_open)
    if len(open_lengths) < _WRAPPED_MIN_LINES or len(open_lengths) < _WRAPPED_SHARE * len(long_lines):
        return None
    width = open_lengths[len(open_lengths) // 2]
    # Whole paragraphs are long and of any length; wrapped lines stay near one width.
    return width if width <= 120 else None


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines, stripped, as spans."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped_left = len(line) - len(line.lstrip())
        stripped_right = len(line.rstrip())
        if stripped_right > stripped_left:
            spans.append((start + stripped_left, start + stripped_right))
    return spans


def _split(text: str, span: Span, pattern: re.Pattern[str]) -> list[Span]:
    start, end = span
    out: list[Span] = []
    cur = start
    for m in pattern.finditer(text, start, end):
        out.append((cur, m.end()))
        cur = m.end()
    out.append((cur, end))
    return [s for s in (_trim(text, a, b) for a, b in out) if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@per_text
def sentences(text: str, span: Span) -> tuple[Span, ...]:
    """Sentences of one paragraph (found once a text: a tuple, which no caller can change)."""
    return tuple(_split(text, span, _SENTENCE_END))


def semicolon_pieces(text: str, sentence: Span) -> list[Span]:
    """One sentence split at ";"."""
    return _split(text, sentence, _PIECE_END)


def pieces(text: str, span: Span) -> list[Span]:
    """Sentences further split at ";" (the directive segmentation rule)."""
    out: list[Span] = []
    for sent in sentences(text, span):
        out.extend(_split(text, sent, _PIECE_END))
    return out


def list_marker_length(text: str, start: int = 0, end: int | None = None) -> int:
    """Length of a leading list marker ("- ", "1. ", "a) ") of ``text[start:end]``, 0 when none (read in place: the
    pattern has no look behind or ahead, so matching at ``start`` up to ``end`` reads what a copy would)."""
    m = _MARKER_AT.match(text, start, len(text) if end is None else end)
    return m.end() - start if m else 0
