"""Vietnamese text at the boundaries: NFC, one tone placement, folded keys.

Pure Python (no Django) so the extractor and the apps share one definition.
"""

import re
import unicodedata

# Old-style tone placement (on the second vowel of oa/oe/uy) next to the new one
# that offices mostly use today.  Searching and matching must treat them as equal.
_OLD_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE.update({k.capitalize(): v.capitalize() for k, v in list(_OLD_TONE.items())})
_OLD_TONE.update({k.upper(): v.upper() for k, v in list(_OLD_TONE.items())})
# Only at the end of a syllable ("hoàng", "khuỷu" keep their spelling), and not after "q":
# in "quý" the "u" belongs to the consonant, so the mark already sits on the vowel.
_OLD_TONE_RE = re.compile("(?<![qQ])(" + "|".join(map(re.escape, _OLD_TONE)) + r")(?!\w)")


def nfc(value: str | None) -> str:
    """NFC-normalise and collapse runs of white space (including NBSP)."""
    if not value:
        return ""
    return " ".join(unicodedata.normalize("NFC", value).split())


def new_tone(value: str) -> str:
    """Move tone marks to the placement most offices use now ("uỷ" → "ủy", "hoà" → "hòa")."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], unicodedata.normalize("NFC", value))


def fold(value: str | None) -> str:
    """Lower-case key without diacritics; đ/Đ fold to d (NFD does not separate them)."""
    text = unicodedata.normalize("NFD", nfc(value)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.casefold()


def match_key(value: str | None) -> str:
    """Key for "same name?" checks: NFC, new tone placement, case-folded, spaces collapsed."""
    return new_tone(nfc(value)).casefold()
