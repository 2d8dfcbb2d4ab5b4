"""Vietnamese letter classes for regular expressions.

Ranges such as ``[à-ỹ]`` mix unrelated code points and cases, so the letters are listed
explicitly once here and reused by every detector.
"""

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
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if not alt[0].isalpha() or alt[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"{alt!r} does not open with a plain letter")
        groups.setdefault(alt[0], []).append(alt[1:])
    if len({first.casefold() for first in groups}) < len(groups):
        raise ValueError("two groups open with case variants of one letter")
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
