"""Localities (administrative units) and the bodies that brief together.

Bodies and units abolished by the 2025 reform (districts, merged communes)
are never deleted: they get `valid_to` and a `successor`, so old meetings,
reports and directives stay attached to the body that really held them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from giaoban.core.text import fold, match_key, nfc
from giaoban.core.versioning import Versioned


class Level(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh")
    DISTRICT = "district", _("Huyện")
    COMMUNE = "commune", _("Xã")
    HAMLET = "hamlet", _("Thôn, ấp")


class AdminUnitQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "AdminUnitQuerySet":
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def named(self, name: str) -> "AdminUnitQuerySet":
        """Units whose short or full name is `name`, whatever the tone placement or case."""
        key = fold(name)
        return self.filter(Q(short_name_folded=key) | Q(name_folded=key))


class AdminUnit(models.Model):
    """A province, (former) district, commune/ward or hamlet."""

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên đầy đủ"), max_length=200)  # "Xã Hồ Sơn"
    short_name = models.CharField(_("tên"), max_length=150)  # "Hồ Sơn"
    unit_type = models.CharField(_("loại"), max_length=50)  # "Xã", "Phường", "Đặc khu", "Thành phố"…
    level = models.CharField(_("cấp"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey("self", verbose_name=_("trực thuộc"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey("self", verbose_name=_("đơn vị kế thừa"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="predecessors")
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    short_name_folded = models.CharField(max_length=150, editable=False, db_index=True)

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def save_prepare(self) -> None:
        """Normalise names and fill the folded search keys (also used before bulk_create)."""
        self.name, self.short_name = nfc(self.name), nfc(self.short_name)
        self.name_folded, self.short_name_folded = fold(self.name), fold(self.short_name)

    def save(self, *args, **kwargs) -> None:
        self.save_prepare()
        super().save(*args, **kwargs)


class OrganizationType(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", _("Cấp ủy Đảng")
    MASS_MOBILISATION_BOARD = "mass_mobilisation_board", _("Ban Dân vận")
    FRONT_COMMITTEE = "front_committee", _("Ủy ban MTTQ Việt Nam")
    TRADE_UNION = "trade_union", _("Công đoàn")
    FARMERS_UNION = "farmers_union", _("Hội Nông dân")
    WOMEN_UNION = "women_union", _("Hội Liên hiệp Phụ nữ")
    YOUTH_UNION = "youth_union", _("Đoàn Thanh niên")
    VETERANS_ASSOCIATION = "veterans_association", _("Hội Cựu chiến binh")
    GOVERNMENT = "government", _("Chính quyền")
    OTHER = "other", _("Khác")


# The socio-political organisations that are members of the Front.
MEMBER_ORGANISATION_TYPES = (
    OrganizationType.TRADE_UNION,
    OrganizationType.FARMERS_UNION,
    OrganizationType.WOMEN_UNION,
    OrganizationType.YOUTH_UNION,
    OrganizationType.VETERANS_ASSOCIATION,
)


class OrganizationQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date) -> "OrganizationQuerySet":
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def within(self, roots: "list[Organization] | OrganizationQuerySet") -> "OrganizationQuerySet":
        """The given bodies and everything below them in the tree."""
        paths = [root.tree_path for root in roots]
        if not paths:
            return self.none()
        query = Q()
        for path in paths:
            query |= Q(tree_path__startswith=path)
        return self.filter(query)


class Organization(Versioned):
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    type = models.CharField(_("loại"), max_length=32, choices=OrganizationType.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey("self", verbose_name=_("cấp trên"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    locality = models.ForeignKey(AdminUnit, verbose_name=_("địa bàn"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="organizations")
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)
    successor = models.ForeignKey("self", verbose_name=_("đơn vị kế thừa"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="predecessors")
    email = models.EmailField(_("thư điện tử"), blank=True)
    # Materialised path "/1/7/42/": a subtree is one indexed prefix match.
    tree_path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    # Search key without diacritics, and identity key (tone placement and case only):
    # "Tân Hòa" and "Tân Hóa" are different communes, "Tân Hoà" and "Tân Hòa" are not.
    name_folded = models.CharField(max_length=255, editable=False, db_index=True, default="")
    name_key = models.CharField(max_length=255, editable=False, default="")

    history = HistoricalRecords()
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["tree_path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "type", "name_key"], name="org_unique_name_under_parent"),
            models.UniqueConstraint(fields=["type", "name_key"], condition=Q(parent__isnull=True),
                                    name="org_unique_root_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.valid_to is None or self.valid_to >= datetime.date.today()

    @property
    def is_member_organisation(self) -> bool:
        return self.type in MEMBER_ORGANISATION_TYPES

    def clean(self) -> None:
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        if not self.name:
            raise ValidationError({"name": _("Hãy nhập tên đơn vị.")})
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc hoạt động phải sau ngày bắt đầu.")})
        if self.parent_id and self.pk and self.parent.tree_path.startswith(self.tree_path or "\0"):
            raise ValidationError({"parent": _("Không thể đặt đơn vị làm cấp trên của chính nó.")})
        siblings = Organization.objects.filter(parent=self.parent, type=self.type, name_key=match_key(self.name))
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        if siblings.exists():
            raise ValidationError(_("Đơn vị “%(name)s” đã có trong hệ thống.") % {"name": self.name})

    def save(self, *args, **kwargs) -> None:
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        self.name_folded, self.name_key = fold(self.name), match_key(self.name)
        with transaction.atomic():
            old_path = self.tree_path
            super().save(*args, **kwargs)
            new_path = f"{self.parent.tree_path if self.parent_id else '/'}{self.pk}/"
            if new_path != old_path:
                Organization.objects.filter(pk=self.pk).update(tree_path=new_path)
                self.tree_path = new_path
                if old_path:
                    self._move_subtree(old_path, new_path)

    def _move_subtree(self, old_path: str, new_path: str) -> None:
        for child in Organization.objects.filter(tree_path__startswith=old_path).exclude(pk=self.pk):
            Organization.objects.filter(pk=child.pk).update(tree_path=new_path + child.tree_path[len(old_path):])

    def ancestors(self) -> "OrganizationQuerySet":
        ids = [int(part) for part in self.tree_path.strip("/").split("/") if part]
        return Organization.objects.filter(pk__in=ids).exclude(pk=self.pk).order_by("tree_path")

    def subtree(self) -> "OrganizationQuerySet":
        return Organization.objects.filter(tree_path__startswith=self.tree_path)

    def is_within(self, other: "Organization") -> bool:
        return self.tree_path.startswith(other.tree_path)

    def current(self) -> "Organization":
        """Follow successors to the body that carries on this one's work today."""
        seen, org = {self.pk}, self
        while org.successor_id and org.successor_id not in seen:
            seen.add(org.successor_id)
            org = org.successor
        return org


def find_organization(name: str) -> Organization | None:
    """The body called `name`, whatever the tone placement, case or spacing."""
    matches = list(Organization.objects.filter(name_key=match_key(name))[:2])
    if not matches:
        matches = list(Organization.objects.filter(name_folded=fold(name))[:2])
    return matches[0] if len(matches) == 1 else None


class Bloc(Versioned):
    """Bodies that brief together, convened by one of them (often the Ban Dân vận)."""

    name = models.CharField(_("tên khối"), max_length=255, unique=True)
    convening = models.ForeignKey(Organization, verbose_name=_("cơ quan chủ trì giao ban"),
                                  on_delete=models.PROTECT, related_name="convened_blocs")
    members = models.ManyToManyField(Organization, verbose_name=_("thành viên"), related_name="blocs", blank=True)
    active = models.BooleanField(_("đang hoạt động"), default=True)

    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = _("khối giao ban")
        verbose_name_plural = _("khối giao ban")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name = nfc(self.name)
        super().save(*args, **kwargs)
