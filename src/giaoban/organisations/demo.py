"""Demo bodies: the localities and bodies named in the five seed texts.

All of them existed before the 2025 reform: districts and their bodies end on
30/6/2025.  Loading twice changes nothing (everything is get-or-create by name).
"""

import datetime

from giaoban.core.text import match_key
from giaoban.organisations.models import AdminUnit, Bloc, Level, Organization, OrganizationType

T = OrganizationType
BEFORE_REFORM = datetime.date(2025, 6, 30)

# (province, district, district type, communes, party committee name, party-board name)
LOCALITIES = [
    ("Lạng Sơn", "Hữu Lũng", "Huyện", ["Hồ Sơn", "Vân Nham"], "Huyện ủy Hữu Lũng"),
    ("Bắc Kạn", "Chợ Đồn", "Huyện", ["Nghĩa Tá"], "Huyện ủy Chợ Đồn"),
    ("Đồng Tháp", "Hồng Ngự", "Thành phố", [], "Thành ủy Hồng Ngự"),
    ("Hà Tĩnh", "Hồng Lĩnh", "Thị xã", [], "Thị ủy Hồng Lĩnh"),
    ("Bình Dương", "Bàu Bàng", "Huyện", ["Lai Uyên", "Lai Hưng"], "Huyện ủy Bàu Bàng"),
]
HAMLETS = [("Lai Uyên", "Đồng Sổ")]
MEMBERS = [
    (T.FARMERS_UNION, "Hội Nông dân"),
    (T.WOMEN_UNION, "Hội Liên hiệp Phụ nữ"),
    (T.YOUTH_UNION, "Đoàn Thanh niên"),
    (T.VETERANS_ASSOCIATION, "Hội Cựu chiến binh"),
    (T.TRADE_UNION, "Liên đoàn Lao động"),
]


def _unit(code: str, name: str, short: str, unit_type: str, level: str, parent: AdminUnit | None) -> AdminUnit:
    unit, _ = AdminUnit.objects.get_or_create(code=code, defaults={
        "name": name, "short_name": short, "unit_type": unit_type, "level": level, "parent": parent,
        "valid_to": BEFORE_REFORM if level != Level.PROVINCE else None})
    return unit


def _org(name: str, type: str, level: str, parent: Organization | None, locality: AdminUnit | None,
         valid_to: datetime.date | None = BEFORE_REFORM, short_name: str = "") -> Organization:
    org = Organization.objects.filter(parent=parent, type=type, name_key=match_key(name)).first()
    if org is None:
        org = Organization(name=name, type=type, level=level, parent=parent, locality=locality,
                           valid_to=valid_to, short_name=short_name)
        org.save()
    return org


def _add_members(bloc: Bloc, members: list[Organization]) -> None:
    """Add only the missing members: an empty add would still write a history row."""
    present = set(bloc.members.values_list("pk", flat=True))
    missing = [m for m in members if m.pk not in present]
    if missing:
        bloc.members.add(*missing)


def _phrase(unit_type: str, name: str) -> str:
    return f"{unit_type.lower()} {name}"


def load(ctx: dict) -> None:
    """Create the seed localities, bodies and blocs; put the bodies in `ctx` for later apps."""
    orgs: dict[str, Organization] = {}
    for province, district, district_type, communes, committee in LOCALITIES:
        p_unit = _unit(f"demo:P:{province}", f"Tỉnh {province}", province, "Tỉnh", Level.PROVINCE, None)
        d_unit = _unit(f"demo:D:{province}:{district}", f"{district_type} {district}", district, district_type,
                       Level.DISTRICT, p_unit)
        provincial = _org(f"Tỉnh ủy {province}", T.PARTY_COMMITTEE, Level.PROVINCE, None, p_unit, valid_to=None)
        party = _org(committee, T.PARTY_COMMITTEE, Level.DISTRICT, provincial, d_unit)
        where = _phrase(district_type, district)
        board = _org(f"Ban Dân vận {committee}", T.MASS_MOBILISATION_BOARD, Level.DISTRICT, party, d_unit)
        front = _org(f"Ủy ban MTTQ Việt Nam {where}", T.FRONT_COMMITTEE, Level.DISTRICT, party, d_unit,
                     short_name=f"UBMTTQ {where}")
        members = [_org(f"{label} {where}", org_type, Level.DISTRICT, front, d_unit) for org_type, label in MEMBERS]
        orgs.update({committee: party, f"board:{district}": board, f"front:{district}": front,
                     f"province:{province}": provincial})
        for org in members:
            orgs[org.name] = org
        for commune in communes:
            c_unit = _unit(f"demo:W:{province}:{commune}", f"Xã {commune}", commune, "Xã", Level.COMMUNE, d_unit)
            orgs[f"front:{commune}"] = _org(f"Ủy ban MTTQ Việt Nam xã {commune}", T.FRONT_COMMITTEE, Level.COMMUNE,
                                            front, c_unit)
        bloc, _ = Bloc.objects.get_or_create(name=f"Khối MTTQ và các đoàn thể {where}",
                                             defaults={"convening": board})
        _add_members(bloc, [board, front, *members])
        orgs[f"bloc:{district}"] = bloc
    for commune, hamlet in HAMLETS:
        c_unit = AdminUnit.objects.get(short_name=commune, code__startswith="demo:W:")
        h_unit = _unit(f"demo:H:{commune}:{hamlet}", f"Ấp {hamlet}", hamlet, "Ấp", Level.HAMLET, c_unit)
        orgs[f"front:{hamlet}"] = _org(f"Ban Công tác Mặt trận ấp {hamlet}", T.FRONT_COMMITTEE, Level.HAMLET,
                                       orgs[f"front:{commune}"], h_unit)
    # The Bàu Bàng seed is a briefing of the district Front with the communes' Fronts.
    communes_bloc, _ = Bloc.objects.get_or_create(name="Mặt trận các xã huyện Bàu Bàng",
                                                  defaults={"convening": orgs["front:Bàu Bàng"]})
    _add_members(communes_bloc, [orgs["front:Lai Uyên"], orgs["front:Lai Hưng"]])
    orgs["bloc:Mặt trận các xã Bàu Bàng"] = communes_bloc
    ctx["organizations"] = orgs
