"""Text normalisation.

Two layers:

* ``clean`` runs at every boundary (input text, file contents): NFC, line endings, invisible and
  odd spaces.  Its output is the "original" that spans are sliced from.
* ``match_form`` builds a copy of the same length for matching: tone marks moved to the new
  placement ("uỷ" -> "ủy", "hoà" -> "hòa") and dash variants unified.  Because every change is one
  character for one character, an offset found in the copy is valid in the original, so outputs
  keep the spelling "as written".
"""

from __future__ import annotations

import re
import unicodedata

from .chars import LO, UP

_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
# C0/C1 controls other than newline become spaces so binary junk cannot glue words together.
_CONTROLS = "".join(chr(c) for c in [*range(0, 32), *range(127, 160)] if c != 10)
# str.translate with a dict is slow on non-ASCII text; a character-class substitution is fast
# because such characters are rare.
_TO_SPACE_RE = re.compile("[" + re.escape(_CONTROLS + _ODD_SPACES) + "]")
# Invisible characters, dropped.
_TO_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


# Old ("oà", "uỷ") to new ("òa", "ủy") tone placement; both forms are two code points.
_TONES = {"̀": "àèìòùỳ", "́": "áéíóúý", "̉": "ảẻỉỏủỷ", "̃": "ãẽĩõũỹ", "̣": "ạẹịọụỵ"}
_OLD_TO_NEW: dict[str, str] = {}
for _marks in _TONES.values():
    _a, _e, _i, _o, _u, _y = _marks
    for _first, _second, _toned_second, _toned_first in (
        ("o", "a", _a, _o),
        ("o", "e", _e, _o),
        ("u", "y", _y, _u),
    ):
        for _f, _s in ((_first, _second), (_first.upper(), _second), (_first.upper(), _second.upper())):
            _old = _f + (_toned_second if _s.islower() else _toned_second.upper())
            _new_first = _toned_first if _f.islower() else _toned_first.upper()
            _OLD_TO_NEW[_old] = _new_first + _s
# "qu" is a consonant, so "quý" already has the new placement; only "oa/oe/uy" outside "qu" move.
# One character class per position instead of a 45-way alternation: the scan runs over every
# character of every text, and a class is several times faster; `new_tone` keeps any pair the
# class admits but the table lacks (such as "oÀ") unchanged.
_FIRSTS = "".join(sorted({old[0] for old in _OLD_TO_NEW}))
_SECONDS = "".join(sorted({old[1] for old in _OLD_TO_NEW}))
# "(?<![qQ].)" after the first letter is "(?<![qQ])" before it: opening with the class lets the engine skip the
# other characters by a fast scan instead of trying the pattern at each.
_OLD_TONE_RE = re.compile(f"[{_FIRSTS}](?<![qQ].)[{_SECONDS}](?!{LO}|{UP})")


def clean(text: str) -> str:
    """Boundary normalisation: NFC, LF line ends, odd spaces to plain spaces, invisibles removed."""
    if not isinstance(text, str):
        text = str(text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return _replace_each(_TO_SPACE_RE.sub(" ", text), _TO_DROP, "")


def new_tone(text: str) -> str:
    """Move tone marks to the new placement ("uỷ" -> "ủy", "hoà" -> "hòa"); same length."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TO_NEW.get(m.group(0), m.group(0)), text)


def match_form(text: str) -> str:
    """Same-length copy of ``text`` for matching (new tone placement, plain ASCII dashes)."""
    return new_tone(_replace_each(text, _DASHES, "-"))


def _replace_each(text: str, chars: str, by: str) -> str:
    """``text`` with each of ``chars`` replaced by ``by``: a substring test and a replace for each of a few characters
    is several times faster than a character class, which the engine reads by a function call per character."""
    for c in chars:
        if c in text:
            text = text.replace(c, by)
    return text


def fold(text: str) -> str:
    """Case- and spacing-insensitive key for comparing short names (not for offsets)."""
    return " ".join(match_form(text).casefold().split())
