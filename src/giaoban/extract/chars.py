"""Vietnamese letter classes for regular expressions.

Ranges such as ``[à-ỹ]`` mix unrelated code points and cases, so the letters are listed
explicitly once here and reused by every detector.
"""

import functools
import re
from collections.abc import Callable, Iterable

LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
UPPER = LOWER.upper()
LETTERS = LOWER + UPPER

# Character-class bodies (without brackets) to splice into patterns.
LO = f"[{LOWER}]"
UP = f"[{UPPER}]"
LET = f"[{LETTERS}]"
# A capitalised syllable: one upper-case letter then lower-case letters.
CAP_SYL = f"{UP}{LO}*"
# Any syllable or word made of letters.
SYL = f"{LET}+"


def by_first_letter(alternatives: list[str]) -> str:
    """The alternation of ``alternatives`` (patterns that each open with a plain letter) grouped by that letter: the
    engine then tries one group at a place instead of every alternative, and as alternatives that open with different
    letters never match at the same place, the same alternative wins as in the flat alternation (under IGNORECASE the
    letters must not be case variants of one another)."""
    firsts = {alt[:1] for alt in alternatives}
    if len({first.casefold() for first in firsts}) < len(firsts):
        raise ValueError("two groups open with case variants of one letter")
    return "|".join(letter_branches(alternatives))


# What a case-insensitive pattern lets a letter match besides its two cases (Python's re: "i" also matches "İ" and
# "ı", "k" the Kelvin sign, "s" the long s); tests/extract/test_chars.py checks the table against the engine.
OTHER_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}


def caseless_alternation(alternatives: list[str], word_start: bool = False) -> str:
    r"""``(?i)alt1|alt2|…`` written so that every branch opens with a literal letter: one branch for each case variant
    of an alternative's first letter, the rest of it case-insensitive.  A case-insensitive pattern is tried at every
    position; one whose branches all open with a literal lets the engine find the places to try by a fast scan of those
    letters.  The alternatives are grouped by first letter, in order, the engine then tries one group at a place:
    branches that open with different letters never match at the same place, and the alternatives of one letter keep
    their order, so the same alternative wins at every place as in the case-insensitive alternation.  An alternative
    may also open with a character that has no case and stands for itself (",").  ``word_start``:
    ``(?i)(?<!\w)(?:alt1|alt2|…)``, the look behind made after the first letter (``(?<!\w.)``: the character before
    that letter is no word character, as at the start of the text)."""
    return "|".join(letter_branches(alternatives, r"(?<!\w.)" if word_start else "", cases="all", caseless=True))


def letter_branches(
    alternatives: list[str], behind: str = "", cases: str = "written", caseless: bool = False
) -> list[str]:
    """Branches for ``(?<!…)(?:alt1|alt2|…)`` that each open with a literal letter, so that a search finds the places
    to try by a fast scan of those letters (a pattern that opens with a look-behind, a look-ahead or a case-insensitive
    class is tried at every place): the alternatives grouped by first letter, in order (alternatives that open with
    different letters never match at one place, so the same alternative wins), ``behind`` made after that letter
    (a look-behind written one character on: ``(?<!\\w.)`` for ``(?<!\\w)``).  ``cases``: the first letter "written",
    in its "two" cases, or in "all" the cases a case-insensitive pattern admits (the alternatives then grouped by their
    letter's lower case); ``caseless``: the rest of each alternative in any case.  A character that has no case and
    stands for itself (",") may open an alternative too."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        first, rest = alt[0], alt[1:]
        caseless_literal = re.escape(first) == first and first.lower() == first.upper() and not first.isspace()
        spelled = cases != "written"
        if not (first.isalpha() or caseless_literal) or rest[:1] in ("?", "*", "+", "{") or (
            spelled and len(first.upper()) != 1
        ):
            raise ValueError(f"{alt!r} does not open with a plain letter")
        # By the letter as written or, where its cases are spelled out, by its lower case.
        groups.setdefault(first.lower() if spelled else first, []).append(rest)
    opener = "(?i:" if caseless else "(?:"
    branches = []
    for first, rests in groups.items():
        lower = first.lower()
        variants = {"written": first, "two": lower + first.upper()}.get(cases, lower + first.upper())
        if cases == "all":
            variants += OTHER_CASES.get(lower, "")
        for case in dict.fromkeys(variants):
            branches.append(f"{case}{behind}{opener}{'|'.join(rests)})" if any(rests) else case + behind)
    return branches


def scoped(pattern: re.Pattern[str]) -> str:
    """A pattern's text with its global flags (only IGNORECASE is used) turned into a scoped group."""
    text = pattern.pattern
    if text.startswith("(?i)"):
        return f"(?i:{text[4:]})"
    if "(?" in text.replace("(?:", "").replace("(?!", "").replace("(?<!", "").replace("(?=", ""):
        raise ValueError(f"unexpected flags in {text!r}")
    return text


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does (one call to the engine instead of one a pattern,
    when only whether one matches counts)."""
    return re.compile("|".join(f"(?:{scoped(p)})" for p in patterns))


_PER_TEXT: list = []


def per_text(fn: Callable) -> Callable:
    """``fn`` remembered for the text being read (``new_text`` forgets it): several detectors ask the same of one
    text, which is the same object, so a hit costs little."""
    cached = functools.lru_cache(maxsize=512)(fn)
    _PER_TEXT.append(cached)
    return cached


def new_text() -> None:
    """Forget what was remembered of the texts read before: it serves the detectors of one text only (a text read
    again is read again, as a text never seen would be). Another thread's text only loses its hits."""
    for cached in _PER_TEXT:
        cached.cache_clear()


@per_text
def _lowered(text: str) -> str | None:
    """``text.lower()``, read once a text, when every stretch of it is the lower case of that stretch of ``text`` and
    a caseless form (the same length, no "Σ", whose lower case depends on what follows it, no "ı" or "ſ"); None when
    it is not."""
    lower = text.lower()
    if len(lower) != len(text) or "Σ" in text or "ı" in lower or "ſ" in lower:
        return None
    return lower


def lower_case(text: str, start: int, end: int) -> str:
    """``text[start:end].lower()``, cut from the lower case of the whole text when it can be."""
    whole = _lowered(text)
    return text[start:end].lower() if whole is None else whole[start:end]


def caseless_form(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` lower-cased, where a literal word found in it is where a case-insensitive pattern finds
    that word (same length, no letter that lowers to another); None where it is not."""
    whole = _lowered(text)
    if whole is not None:
        return whole[start:end]
    lower = text[start:end].lower()
    # Of the letters of OTHER_CASES, "İ" lowers to two characters and the Kelvin sign to "k" (found where the pattern
    # finds it); "ı" and "ſ" stay themselves, where a literal "i" or "s" is not found.  Substring tests: a character
    # class reads every character, a generator over the letters costs more than the tests.
    if len(lower) != end - start or "ı" in lower or "ſ" in lower:
        return None
    return lower


def places_of(text: str, words: tuple[str, ...], start: int = 0, end: int | None = None) -> set[int]:
    """Every place in ``text[start:end]`` where one of ``words`` starts (a plain substring search for each)."""
    end = len(text) if end is None else end
    places: set[int] = set()
    for word in words:
        i = text.find(word, start, end)
        while i >= 0:
            places.add(i)
            i = text.find(word, i + 1, end)
    return places


def matches_at(
    pattern: re.Pattern[str], text: str, places: Iterable[int], start: int, end: int
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` finds when every match starts at one of ``places`` (a pattern
    that matches no empty string): the pattern tried at those places only, in order, each match ending where the
    next may start, instead of at every character of the text."""
    found: list[re.Match[str]] = []
    reached = start
    for i in sorted(places):
        if i >= reached:
            m = pattern.match(text, i, end)
            if m:
                found.append(m)
                reached = m.end()
    return found


class Anchored:
    """A pattern each match of which opens with one of ``words`` (as written, or case aside with ``caseless``):
    ``finditer`` finds what the pattern's own finds, by a plain substring search for the words and the pattern
    tried only there (the engine tries it at every character the pattern may open with, most of them inside
    other words)."""

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...], caseless: bool = False) -> None:
        self.pattern, self.words, self.caseless = pattern, tuple(dict.fromkeys(words)), caseless

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        end = len(text) if end is None else end
        if not self.caseless:
            return matches_at(self.pattern, text, places_of(text, self.words, start, end), start, end)
        lower = caseless_form(text, start, end)
        if lower is None:
            return list(self.pattern.finditer(text, start, end))
        return matches_at(self.pattern, text, {start + i for i in places_of(lower, self.words)}, start, end)
