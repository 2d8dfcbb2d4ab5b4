"""Vietnamese alphabetical order, the same on SQLite and PostgreSQL.

a < ă < â < b < c < d < đ < e < ê … o < ô < ơ … u < ư …: the letters with breve, circumflex and
horn are letters of their own; tone marks only break ties (ngang, huyền, hỏi, ngã, sắc, nặng), then
lower case before upper case — the order of ICU's "vi" collation, which PostgreSQL uses under the
name `vi` (created by core's migration); SQLite gets the same order from `sort_key` below,
registered on every new connection.
"""

from __future__ import annotations

import unicodedata

from django.db.models import F
from django.db.models.functions import Collate

NAME = "vi"
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {letter: index for index, letter in enumerate(ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


def _letter(char: str) -> tuple[tuple[int, int], int, int]:
    """(primary, tone, case) of one character."""
    lower = char.lower()
    case = 0 if char == lower else 1
    parts = unicodedata.normalize("NFD", lower)
    base, marks = parts[0], parts[1:]
    tone = next((_TONES[m] for m in marks if m in _TONES), 0)
    shaped = base
    if base == "a" and "\u0306" in marks:
        shaped = "ă"
    elif base in "aeo" and "\u0302" in marks:
        shaped = {"a": "â", "e": "ê", "o": "ô"}[base]
    elif base in "ou" and "\u031b" in marks:
        shaped = {"o": "ơ", "u": "ư"}[base]
    if shaped in _LETTER:
        return (4, _LETTER[shaped]), tone, case
    if base.isspace():
        return (0, 0), 0, 0
    if base.isdigit():
        return (2, int(base) if base.isascii() else ord(base)), 0, 0
    if unicodedata.category(base).startswith("P"):
        return (1, ord(base)), 0, 0
    return (5, ord(base)), tone, case


def sort_key(text: str | None) -> tuple:
    letters = [_letter(c) for c in unicodedata.normalize("NFC", text or "")]
    return tuple(p for p, _t, _c in letters), tuple(t for _p, t, _c in letters), tuple(c for _p, _t, c in letters)


def compare(a: str | None, b: str | None) -> int:
    """The SQLite collation function: negative, zero or positive like strcmp."""
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


def vietnamese(field: str) -> Collate:
    """An ordering expression: `queryset.order_by(vietnamese("name"))`."""
    return Collate(F(field), NAME)


def register_sqlite(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(NAME, compare)
