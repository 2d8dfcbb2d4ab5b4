"""Paragraphs, sentences and ";"-pieces as (start, end) spans of one string.

Spans, not copies, so detectors working on the matching copy can slice the original text.
"""

from __future__ import annotations

import re

from .chars import LO, UP

Span = tuple[int, int]

# A sentence ends at ".", "!", "?", "…" followed by space and a capital, digit, dash or quote, or at
# a "." glued to the next capitalised word ("Lai Uyên.Tổ chức") and at "./." endings.
_SENTENCE_END = re.compile(rf"(?=[.!?…])(?:(?:\./\.|[.!?…]+)(?=\s+(?:{UP}|[\d\"“'‘(+•-]))|(?<={LO})\.(?={UP}{LO}))")
_PIECE_END = re.compile(r";")
# List markers at the start of a line: "-", "+", "•", "1.", "1)", "a)", "I." ...
LIST_MARKER = re.compile(r"^\s*(?:[-+•*▪◦·]+|\(?\d{1,2}[.)]|\(?[a-zđ][.)]|[IVX]{1,4}[.)])\s*")


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


def sentences(text: str, span: Span) -> list[Span]:
    """Sentences of one paragraph."""
    return _split(text, span, _SENTENCE_END)


def semicolon_pieces(text: str, sentence: Span) -> list[Span]:
    """One sentence split at ";"."""
    return _split(text, sentence, _PIECE_END)


def pieces(text: str, span: Span) -> list[Span]:
    """Sentences further split at ";" (the directive segmentation rule)."""
    out: list[Span] = []
    for sent in sentences(text, span):
        out.extend(_split(text, sent, _PIECE_END))
    return out


def list_marker_length(text: str) -> int:
    """Length of a leading list marker ("- ", "1. ", "a) "), 0 when none."""
    m = LIST_MARKER.match(text)
    return m.end() if m else 0
