"""Communes, wards, hamlets named in a piece: "xã Nghĩa Tá", "ấp Đồng Sổ, xã Lai Uyên",
"02 xã về đích NTM Hồ Sơn, Vân Nham", "phường 3".

A place word must be followed by a capitalised name (or a number for wards and hamlets), so
"các xã", "xã hội", "thị xã" and "Mỗi xã, phường một sản phẩm" are not places.
"""

from __future__ import annotations

import functools
import re

from .chars import LET, LO, UP, letter_branches

_KIND = (
    r"(?:[Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hôn|[Ấấ]p|[Bb]ản|[Kk]hu phố|[Tt]ổ dân phố|[Kk]hóm|"
    r"[Bb]uôn|[Ss]óc|[Xx]óm|[Ll]àng|[Đđ]ặc khu)"
)
# A numbered name ("Tổ dân phố Đông Hương 1", "thôn Đông 2") keeps its number when the number ends
# the name (punctuation, "và" or the end follows), so "xã Hồ Sơn 12 hộ" stays "Hồ Sơn".
_NAME = rf"{UP}{LO}*(?:\s{UP}{LO}*){{0,3}}(?:\s\d{{1,2}}(?=\s*(?:[,;.)]|$)|\s\d{{1,2}}(?=\svà\s)))?|\d{{1,3}}(?!\d)"
# "xã Nghĩa Tá", "phường 3"; not after "thị" ("thị xã") or "các"/"mỗi" (generic).
# Not after a higher unit's word either: "huyện Sóc Sơn", "thành phố Làng …" name that unit.
# Each branch opens with the place word's first letter in either case, the tests behind made after it
# (``letter_branches``: a fast scan instead of a look-ahead tried at every place).
_KIND_WORDS = ["xã", "phường", "thị trấn", "thôn", "ấp", "bản", "khu phố", "tổ dân phố", "khóm", "buôn", "sóc", "xóm",
               "làng", "đặc khu"]
_NOT_AFTER = "".join(f"(?<!{w} .)" for w in ("thị", "Thị", "huyện", "quận", "tỉnh", "phố"))
PLACE_RE = re.compile(
    rf"(?P<kind>{'|'.join(letter_branches(_KIND_WORDS, rf'(?<!{LET}.){_NOT_AFTER}', cases='two'))})"
    rf"\s+(?P<name>{_NAME})(?!{LET})"
)
# "02 xã về đích NTM Hồ Sơn, Vân Nham": a counted place word then, within a few words, a list.
# Opened by the digit (the word-boundary test after it) so the engine finds the places to try by a fast scan.
COUNTED_RE = re.compile(
    rf"\d(?<![\w].)\d{{0,2}}\s+(?:{_KIND})(?:\s+(?:[{LO[1:-1]}]+|[{UP[1:-1]}]{{2,}})){{1,5}}\s+"
    rf"(?P<list>{UP}{LO}*(?:\s{UP}{LO}*){{0,3}}(?:\s*(?:,|và)\s*{UP}{LO}*(?:\s{UP}{LO}*){{0,3}})+)"
)
# After a plural or counted place word ("các xã A, B"), the following names are places too.
_MORE = re.compile(rf"(?:\s*,\s*|\s+và\s+)(?P<name>{UP}{LO}*(?:\s{UP}{LO}*){{0,3}})(?!{LET})")
# "các xã vùng sâu như Lạc Sỹ, Hữu Lợi": a plural place word, a description, then the names.
_SUCH_AS_RE = re.compile(
    # "(?<![\w])(?:các|những)" with the look behind after the first letter: the engine finds "c" and "n" by a fast
    # scan instead of trying the look behind everywhere.
    rf"(?:c(?<!\w.)ác|n(?<!\w.)hững)\s+{_KIND}(?:\s+[{LO[1:-1]}]+){{0,5}}\s+(?:như|gồm|là)\s+"
    rf"(?P<list>{UP}{LO}*(?:\s{UP}{LO}*){{0,3}}(?:\s*(?:,|và)\s*{UP}{LO}*(?:\s{UP}{LO}*){{0,3}})*)"
)
_PLURAL_BEFORE = re.compile(r"(?:các|hai|ba|\d{1,3})\s+$", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*(?:,|\svà\s)\s*")
# Capitalised words that end a name: a following body or sentence word, not part of the name.
_NOT_NAME = frozenset(
    [
        "Ủy",
        "Uỷ",
        "Ban",
        "Hội",
        "Đoàn",
        "Mặt",
        "MTTQ",
        "UBND",
        "HĐND",
        "Đảng",
        "Công",
        "Chi",
        "Thường",
        "Tổ",
        "Trong",
        "Ngày",
        "Sáng",
        "Chiều",
        "Các",
        "Những",
    ]
)
# Higher units the name may be followed by ("xã Tân Phú, huyện X"): not places here.
_PARENT = re.compile(r"(?i)huyện|tỉnh|thành phố|quận|thị xã")


def _trim_name(name: str) -> str:
    words = name.split()
    out: list[str] = []
    for w in words:
        if w in _NOT_NAME:
            break
        out.append(w)
    return _known_prefix(" ".join(out))


def _known_prefix(name: str) -> str:
    """A name that runs on into the next capitalised words ("Hồ Sơn Vân") is cut to the longest
    leading part that the admin-unit list knows ("Hồ Sơn"); an unknown name stays as written."""
    words = name.split()
    if len(words) < 3 or words[-1].isdigit():
        # "Đông Hương 1" is a hamlet's or residential group's numbered name, not a run-on.
        return name
    known = admin_unit_names()
    if not known or name in known:
        return name
    for k in range(len(words) - 1, 1, -1):
        prefix = " ".join(words[:k])
        if prefix in known:
            return prefix
    return name


def find_places(text: str, match_text: str) -> list[str]:
    """Place names as written, in order, once each."""
    found: list[tuple[int, str]] = []
    for m in PLACE_RE.finditer(match_text):
        name = _trim_name(text[m.start("name") : m.end("name")])
        if name.isdigit():
            # "phường 3": a bare number is no name without its unit word.
            name = text[m.start("kind") : m.end("name")]
        if name and not _known_generic(name):
            found.append((m.start("name"), name))
        plural = bool(_PLURAL_BEFORE.search(match_text[max(0, m.start() - 8) : m.start()]))
        pos = m.end()
        while more := _MORE.match(match_text, pos):
            extra = _trim_name(text[more.start("name") : more.end("name")])
            # After a singular place word ("xã Nghĩa Lộc, Nghĩa Long") only a whole name of two or
            # more syllables continues the list; a single capital may start the next phrase.
            if not extra or _PARENT.match(extra) or not (plural or _is_list_name(extra, more.group("name"))):
                break
            found.append((more.start("name"), extra))
            pos = more.end()
    for m in _SUCH_AS_RE.finditer(match_text):
        found += _list_names(text, m.start("list"), m.end("list"))
    for m in COUNTED_RE.finditer(match_text):
        found += _list_names(text, m.start("list"), m.end("list"))
    found.sort()
    out: list[str] = []
    for _, name in found:
        if name not in out:
            out.append(name)
    return out


def _list_names(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The names of a ", "/"và" list, each with its own offset so that text order is kept."""
    out: list[tuple[int, str]] = []
    pos = start
    for part in _LIST_SPLIT.split(text[start:end]):
        name = _trim_name(part.strip())
        at = text.find(part, pos, end) if part else -1
        at = at if at >= 0 else pos
        if name:
            out.append((at, name))
        pos = at + len(part)
    return out


def _is_list_name(name: str, raw: str) -> bool:
    """A further place in a list after a singular place word: two or more syllables, untrimmed, or a
    commune or ward that the admin-unit list knows."""
    return name == raw and (len(name.split()) >= 2 or name in admin_unit_names())


def _known_generic(name: str) -> bool:
    return name in ("Việt Nam",) or bool(_PARENT.fullmatch(name))


@functools.lru_cache(maxsize=1)
def admin_unit_names() -> frozenset[str]:
    """Short names of communes/wards from ``vietnamadminunits`` (2025 and legacy lists), if the
    package is installed; an empty set otherwise.  Loaded lazily and cached."""
    try:
        import importlib.resources
        import sqlite3

        path = importlib.resources.files("vietnamadminunits") / "data" / "dataset.db"
        with importlib.resources.as_file(path) as db_path:
            con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
            try:
                names: set[str] = set()
                for table in ("admin_units", "admin_units_legacy"):
                    try:
                        names.update(r[0] for r in con.execute(f"SELECT DISTINCT wardShort FROM {table}") if r[0])
                    except sqlite3.Error:
                        continue
            finally:
                con.close()
        return frozenset(names)
    except Exception:  # noqa: BLE001 - optional data; the extractor works without it
        return frozenset()
