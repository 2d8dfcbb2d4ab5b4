"""Format profiles: how each kind of issuing body lays out an official document.

Three families of rules apply to the bodies giaoban serves:

* Party bodies (cấp ủy, Ban Dân vận…) — Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM"
  on the right, the issuing body under its superior body on the left with a "*",
  "Số 12-TB/HU", "T/M BAN THƯỜNG VỤ" / "K/T TRƯỞNG BAN".
* State bodies — Nghị định 30/2020/NĐ-CP: Quốc hiệu and Tiêu ngữ on the right,
  "Số: 05/TB-UBND", "TM." / "KT.".
* The Front and its member organisations use the state layout with their own
  header lines and codes ("Số: 15/TB-MTTQ-BTT"); the Youth Union follows the
  Party layout under "ĐOÀN TNCS HỒ CHÍ MINH".

Everything here is derived from the Organization; an IssuerProfile row overrides
any part of it for a body whose real header differs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from giaoban.core.text import nfc
from giaoban.organisations.models import Organization, OrganizationType

T = OrganizationType

PARTY, STATE, FRONT, YOUTH = "party", "state", "front", "youth"
# Families that write "Số 12-TB/HU" and "T/M", as opposed to "Số: 05/TB-UBND" and "TM.".
PARTY_STYLE = {PARTY, YOUTH}

DOC_TYPE_CODES = {"notice": "TB", "invitation": "GM", "report": "BC", "minutes": "BB"}
DOC_TYPE_NAMES = {"notice": "THÔNG BÁO", "invitation": "GIẤY MỜI", "report": "BÁO CÁO", "minutes": "BIÊN BẢN"}

# Body prefixes ("Huyện ủy Hữu Lũng" → "HU"), per Hướng dẫn 36-HD/VPTW's list of abbreviations.
_PARTY_CODES = [("tỉnh ủy", "TU"), ("thành ủy", "TU"), ("thị ủy", "TU"), ("huyện ủy", "HU"), ("quận ủy", "QU"),
                ("đảng ủy", "ĐU"), ("chi ủy", "CB")]
_MEMBER_CODES = {T.FARMERS_UNION: "HND", T.WOMEN_UNION: "HLHPN", T.VETERANS_ASSOCIATION: "CCB",
                 T.TRADE_UNION: "LĐLĐ", T.YOUTH_UNION: "HĐTN"}
_MEMBER_LABELS = {T.FARMERS_UNION: "HỘI NÔNG DÂN", T.WOMEN_UNION: "HỘI LIÊN HIỆP PHỤ NỮ",
                  T.VETERANS_ASSOCIATION: "HỘI CỰU CHIẾN BINH", T.TRADE_UNION: "LIÊN ĐOÀN LAO ĐỘNG",
                  T.YOUTH_UNION: "ĐOÀN THANH NIÊN"}
DEFAULT_TERM_START = datetime.date(2020, 7, 1)  # district congresses of the 2020–2025 term ended mid-2020
DEFAULT_TERM_YEARS = 5


@dataclass
class Profile:
    """Everything about an issuer that a document's frame needs."""

    family: str
    right_lines: list[str]          # "ĐẢNG CỘNG SẢN VIỆT NAM" or Quốc hiệu + Tiêu ngữ
    superior_lines: list[str]       # regular, above the issuer
    issuer_lines: list[str]         # bold
    code: str                       # "HU", "UBND", "MTTQ-BTT"
    place: str                      # "Hữu Lũng"
    authority: str                  # "BAN THƯỜNG VỤ", "BAN THƯỜNG TRỰC", "ỦY BAN NHÂN DÂN"
    archive: str                    # last "Nơi nhận" line
    term_start: datetime.date = DEFAULT_TERM_START
    term_years: int = DEFAULT_TERM_YEARS
    head_title: str = ""            # the head's title for K/T ("TRƯỞNG BAN", "CHỦ TỊCH")
    extra: dict = field(default_factory=dict)

    @property
    def party_style(self) -> bool:
        return self.family in PARTY_STYLE

    def document_code(self, doc_type: str, number: int | None) -> str:
        """ "12-TB/HU" (Party) or "05/TB-UBND" (state, Front); blank number for a draft."""
        kind = DOC_TYPE_CODES[doc_type]
        # Nghị định 30 writes numbers under 10 with a leading zero ("05/TB-UBND"); Hướng dẫn 36 does not.
        shown = (str(number) if self.party_style else f"{number:02d}") if number else "      "
        return f"{shown}-{kind}/{self.code}" if self.party_style else f"{shown}/{kind}-{self.code}"

    def number_line(self, doc_type: str, number: int | None) -> str:
        code = self.document_code(doc_type, number)
        return f"Số {code}" if self.party_style else f"Số: {code}"

    def place_date(self, day: datetime.date | None) -> str:
        return place_date(self.place, day)

    def signature(self, position: str) -> list[str]:
        """The lines above the signature: "T/M BAN THƯỜNG VỤ" + "PHÓ BÍ THƯ", or "KT. CHỦ TỊCH" + …"""
        position = nfc(position).upper()
        on_behalf = "T/M" if self.party_style else "TM."
        deputy = "K/T" if self.party_style else "KT."
        if self.authority:
            return [f"{on_behalf} {self.authority}", position]
        if self.head_title and position.startswith("PHÓ ") and position != self.head_title:
            return [f"{deputy} {self.head_title}", position]
        return [position]

    def cycle(self, day: datetime.date) -> str:
        """The numbering cycle `day` falls in: its year, or the Party term ("2020–2025")."""
        if not self.party_style:
            return str(day.year)
        start = self.term_start
        years = max(1, self.term_years)
        while day < start:
            start = start.replace(year=start.year - years)
        while day >= start.replace(year=start.year + years):
            start = start.replace(year=start.year + years)
        return f"{start.year}–{start.year + years}"


def place_date(place: str, day: datetime.date | None) -> str:
    """ "Hữu Lũng, ngày 05 tháng 4 năm 2022": days under 10 and months 1–2 take a leading zero."""
    if day is None:
        return f"{place}, ngày      tháng      năm"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def upper(text: str) -> str:
    return nfc(text).upper()


def _locality(org: Organization) -> tuple[str, str]:
    """(unit phrase "HUYỆN HỮU LŨNG", short name "Hữu Lũng") from the body's locality or its name."""
    unit = org.locality
    if unit is not None:
        return upper(unit.name), unit.short_name
    return "", org.name


def _province_phrase(org: Organization) -> str:
    unit = org.locality
    while unit is not None and unit.parent_id is not None:
        unit = unit.parent
    return upper(unit.name) if unit is not None else ""


def _party_code(name: str) -> str:
    lowered = nfc(name).lower()
    for prefix, code in _PARTY_CODES:
        if lowered.startswith(prefix):
            return code
    return "ĐU"


def _party_issuer_name(org: Organization) -> str:
    """ "Huyện ủy Hữu Lũng" for the board of that committee, found by walking up to the committee."""
    parent = org.parent
    while parent is not None and parent.type != T.PARTY_COMMITTEE:
        parent = parent.parent
    return parent.name if parent is not None else ""


def derive(org: Organization) -> Profile:
    """The profile a body's type implies, before any IssuerProfile overrides."""
    unit_phrase, place = _locality(org)
    if org.type == T.PARTY_COMMITTEE:
        superior = [f"ĐẢNG BỘ {upper(org.parent.locality.name)}"] if org.parent and org.parent.locality else []
        if org.parent and not superior:
            superior = [upper(org.parent.name)]
        return Profile(PARTY, ["ĐẢNG CỘNG SẢN VIỆT NAM"], superior, [upper(org.name)], _party_code(org.name),
                       place, "BAN THƯỜNG VỤ", f"Lưu Văn phòng {org.name}.")
    if org.type == T.MASS_MOBILISATION_BOARD:
        committee = _party_issuer_name(org)
        board = upper(org.name)
        if committee and board.endswith(" " + upper(committee)):
            board = board[: -len(committee) - 1]
        return Profile(PARTY, ["ĐẢNG CỘNG SẢN VIỆT NAM"], [upper(committee)] if committee else [], [board],
                       "BDV" + (_party_code(committee) if committee else ""), place, "", "Lưu Ban Dân vận.",
                       head_title="TRƯỞNG BAN")
    if org.type == T.FRONT_COMMITTEE:
        lines = ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", unit_phrase] if unit_phrase else [upper(org.name)]
        return Profile(FRONT, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], lines,
                       ["BAN THƯỜNG TRỰC"], "MTTQ-BTT", place, "BAN THƯỜNG TRỰC", "Lưu: VT.")
    if org.type == T.YOUTH_UNION:
        return Profile(YOUTH, ["ĐOÀN TNCS HỒ CHÍ MINH"], [f"BCH ĐOÀN {_province_phrase(org)}".strip()],
                       [f"BCH {upper(org.name)}"], _MEMBER_CODES[T.YOUTH_UNION], place, "BAN THƯỜNG VỤ",
                       "Lưu VP.")
    if org.type in _MEMBER_CODES:
        label = _MEMBER_LABELS[org.type]
        superior = [f"{label} {_province_phrase(org)}"] if _province_phrase(org) else []
        return Profile(FRONT, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], superior,
                       [upper(org.name)], _MEMBER_CODES[org.type], place, "BAN THƯỜNG VỤ", "Lưu: VT.")
    # State bodies and anything else: Nghị định 30/2020/NĐ-CP.
    superior = [upper(org.parent.name)] if org.parent else []
    return Profile(STATE, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], superior,
                   [upper(org.name)], "UBND", place, upper(org.name).split(" HUYỆN")[0].split(" XÃ")[0],
                   "Lưu: VT.")


def profile_for(org: Organization) -> Profile:
    """The body's profile with its IssuerProfile overrides applied."""
    profile = derive(org)
    settings = getattr(org, "document_profile", None) if org.pk else None
    if settings is not None:
        settings.apply(profile)
    return profile
