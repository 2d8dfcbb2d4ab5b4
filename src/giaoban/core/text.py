"""Vietnamese text at the boundaries: NFC, one tone placement, folded keys.

Pure Python (no Django) so the extractor and the apps share one definition.
"""

import re
import unicodedata

# One tone-placement table for the whole project: the extractor's (length-preserving).
from giaoban.extract.normalize import new_tone

__all__ = ["control_characters", "fold", "match_key", "new_tone", "nfc"]


def nfc(value: str | None) -> str:
    """NFC-normalise and collapse runs of white space (including NBSP)."""
    if not value:
        return ""
    return " ".join(unicodedata.normalize("NFC", value).split())


def fold(value: str | None) -> str:
    """Lower-case key without diacritics; đ/Đ fold to d (NFD does not separate them)."""
    text = unicodedata.normalize("NFD", nfc(value)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.casefold()


def match_key(value: str | None) -> str:
    """Key for "same name?" checks: NFC, new tone placement, case-folded, spaces collapsed."""
    return new_tone(nfc(value)).casefold()


# C0 controls other than tab, newline and carriage return; DEL; C1; lone UTF-16 surrogates.
# None has a place in a name, a title or a report, and each breaks the XML of DOCX/XLSX or the Atom feed.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def control_characters(value: str) -> list[str]:
    """The distinct forbidden characters of `value`, as "U+001B", in order of appearance."""
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in _CONTROL_RE.findall(value)))
