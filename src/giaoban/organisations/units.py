"""Load Vietnam's administrative units from the `vietnamadminunits` dataset (MIT).

The 2025 reform left 34 provinces and 3,321 communes/wards, with no districts.
Codes are namespaced ("2025:W06451", "legacy:W06451") because the reform reused
the statistics office's numbers for new units.  Every load is idempotent: units
already present (by code) are left as they are and counted as existing.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from giaoban.core.text import fold, match_key
from giaoban.organisations.models import (
    MEMBER_ORGANISATION_TYPES,
    AdminUnit,
    Level,
    Organization,
    OrganizationType,
)

REFORM_DAY = datetime.date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM = REFORM_DAY - datetime.timedelta(days=1)

# How a commune's member organisation is named, e.g. "Hội Nông dân xã Hồ Sơn".
MEMBER_NAMES = {
    OrganizationType.FARMERS_UNION: "Hội Nông dân",
    OrganizationType.WOMEN_UNION: "Hội Liên hiệp Phụ nữ",
    OrganizationType.YOUTH_UNION: "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    OrganizationType.VETERANS_ASSOCIATION: "Hội Cựu chiến binh",
    OrganizationType.TRADE_UNION: "Công đoàn",
}
FRONT_NAME = "Ủy ban MTTQ Việt Nam"


@dataclass
class LoadResult:
    created: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)

    def count(self, key: str, created: int, existing: int) -> None:
        self.created[key] = self.created.get(key, 0) + created
        self.existing[key] = self.existing.get(key, 0) + existing

    @property
    def total_created(self) -> int:
        return sum(self.created.values())


def dataset_rows(table: str, province: str | None = None) -> list[dict]:
    from vietnamadminunits.database import query

    sql = f"SELECT * FROM [{table}]"  # noqa: S608 — table is one of two constants
    rows = query(sql)
    if province:
        key = fold(province)
        rows = [r for r in rows if key in (fold(r["province"]), fold(r["provinceShort"]))]
    return rows


def unit_phrase(unit_type: str, short_name: str) -> str:
    """ "Xã" + "Hồ Sơn" → "xã Hồ Sơn", as it stands inside a body's name."""
    return f"{unit_type[:1].lower()}{unit_type[1:]} {short_name}"


def _province_type(full_name: str, short_name: str) -> str:
    return full_name[: len(full_name) - len(short_name)].strip() or "Tỉnh"


@transaction.atomic
def load_units_2025(province: str | None = None) -> LoadResult:
    rows = dataset_rows("admin_units", province)
    result = LoadResult()
    provinces = {}
    for row in rows:
        provinces.setdefault(row["provinceCode"], row)
    province_units = _ensure_units(
        result, "province",
        [AdminUnit(code=f"2025:P{code}", name=row["province"], short_name=row["provinceShort"],
                   unit_type=_province_type(row["province"], row["provinceShort"]), level=Level.PROVINCE,
                   valid_from=REFORM_DAY) for code, row in provinces.items()],
    )
    _ensure_units(
        result, "commune",
        [AdminUnit(code=f"2025:W{row['wardCode']}", name=row["ward"], short_name=row["wardShort"],
                   unit_type=row["wardType"], level=Level.COMMUNE, valid_from=REFORM_DAY,
                   parent=province_units[f"2025:P{row['provinceCode']}"]) for row in rows],
    )
    return result


@transaction.atomic
def load_units_legacy(province: str | None = None) -> LoadResult:
    """The 63-province units in force until 30/6/2025, for records made before the reform."""
    rows = dataset_rows("admin_units_legacy", province)
    result = LoadResult()
    provinces, districts = {}, {}
    for row in rows:
        provinces.setdefault(row["provinceCode"], row)
        districts.setdefault(row["districtCode"], row)
    province_units = _ensure_units(
        result, "legacy_province",
        [AdminUnit(code=f"legacy:P{code}", name=row["province"], short_name=row["provinceShort"],
                   unit_type=_province_type(row["province"], row["provinceShort"]), level=Level.PROVINCE,
                   valid_to=LAST_DAY_BEFORE_REFORM) for code, row in provinces.items()],
    )
    district_units = _ensure_units(
        result, "legacy_district",
        [AdminUnit(code=f"legacy:D{code}", name=row["district"], short_name=row["districtShort"],
                   unit_type=row["districtType"], level=Level.DISTRICT, valid_to=LAST_DAY_BEFORE_REFORM,
                   parent=province_units[f"legacy:P{row['provinceCode']}"]) for code, row in districts.items()],
    )
    _ensure_units(
        result, "legacy_commune",
        [AdminUnit(code=f"legacy:W{row['wardCode']}", name=row["ward"], short_name=row["wardShort"],
                   unit_type=row["wardType"], level=Level.COMMUNE, valid_to=LAST_DAY_BEFORE_REFORM,
                   parent=district_units[f"legacy:D{row['districtCode']}"]) for row in rows],
    )
    return result


def _ensure_units(result: LoadResult, key: str, units: list[AdminUnit]) -> dict[str, AdminUnit]:
    """Create the units whose code is new; return every unit of the list by code."""
    codes = [u.code for u in units]
    existing = {u.code: u for u in AdminUnit.objects.filter(code__in=codes)}
    new = [u for u in units if u.code not in existing]
    for unit in new:
        unit.save_prepare()
    AdminUnit.objects.bulk_create(new, batch_size=500)
    result.count(key, len(new), len(units) - len(new))
    return {**existing, **{u.code: u for u in AdminUnit.objects.filter(code__in=[u.code for u in new])}}


@transaction.atomic
def create_fronts(province: str | None = None) -> LoadResult:
    """Each 2025 province and commune gets its Front committee, each commune its member organisations."""
    result = LoadResult()
    units = AdminUnit.objects.filter(code__startswith="2025:").select_related("parent")
    if province:
        key = fold(province)
        units = [u for u in units if key in {fold(x.name) for x in (u, u.parent) if x}
                 or key in {fold(x.short_name) for x in (u, u.parent) if x}]
    provinces = [u for u in units if u.level == Level.PROVINCE]
    communes = [u for u in units if u.level == Level.COMMUNE]
    province_fronts = _ensure_organizations(
        result, "province_front",
        [(None, u, OrganizationType.FRONT_COMMITTEE, Level.PROVINCE,
          f"{FRONT_NAME} {unit_phrase(u.unit_type, u.short_name)}") for u in provinces],
    )
    by_province = {org.locality_id: org for org in province_fronts}
    missing = {c.parent_id for c in communes} - set(by_province)
    if missing:
        for org in Organization.objects.filter(type=OrganizationType.FRONT_COMMITTEE, level=Level.PROVINCE,
                                               locality_id__in=missing):
            by_province[org.locality_id] = org
    commune_fronts = _ensure_organizations(
        result, "commune_front",
        [(by_province.get(c.parent_id), c, OrganizationType.FRONT_COMMITTEE, Level.COMMUNE,
          f"{FRONT_NAME} {unit_phrase(c.unit_type, c.short_name)}") for c in communes],
    )
    _ensure_organizations(
        result, "member_organisation",
        [(front, front.locality, org_type, Level.COMMUNE,
          f"{MEMBER_NAMES[org_type]} {unit_phrase(front.locality.unit_type, front.locality.short_name)}")
         for front in commune_fronts for org_type in MEMBER_ORGANISATION_TYPES],
    )
    return result


def _ensure_organizations(result: LoadResult, key: str, specs: list[tuple]) -> list[Organization]:
    """Create (parent, locality, type, level, name) bodies not yet present; bulk, with tree paths."""
    existing = {
        (o.parent_id, o.type, o.name_key): o
        for o in Organization.objects.filter(name_key__in=[match_key(s[4]) for s in specs]).select_related("locality")
    }
    wanted, new = [], []
    for parent, locality, org_type, level, name in specs:
        key_ = (parent.pk if parent else None, org_type, match_key(name))
        org = existing.get(key_)
        if org is None:
            org = Organization(parent=parent, locality=locality, type=org_type, level=level, name=name,
                               name_folded=fold(name), name_key=match_key(name), valid_from=REFORM_DAY)
            existing[key_] = org
            new.append(org)
        wanted.append(org)
    Organization.objects.bulk_create(new, batch_size=500)
    for org in new:
        org.tree_path = f"{org.parent.tree_path if org.parent else '/'}{org.pk}/"
    Organization.objects.bulk_update(new, ["tree_path"], batch_size=500)
    result.count(key, len(new), len(specs) - len(new))
    return wanted
