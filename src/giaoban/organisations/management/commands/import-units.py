import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giaoban.organisations import units


class Command(BaseCommand):
    help = _("Nạp đơn vị hành chính 2025 (34 tỉnh, 3.321 xã) và, nếu yêu cầu, Ủy ban MTTQ và các đoàn thể xã.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--with-front", action="store_true",
                            help=_("Tạo Ủy ban MTTQ Việt Nam tỉnh, xã và các tổ chức thành viên của mỗi xã."))
        parser.add_argument("--legacy", action="store_true",
                            help=_("Nạp thêm 63 tỉnh, các huyện và xã trước ngày 01/7/2025."))
        parser.add_argument("--province", help=_("Chỉ nạp một tỉnh (tên tỉnh/thành phố)."))

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        province = options.get("province")
        result = units.load_units_2025(province)
        if province and not result.created.get("province") and not result.existing.get("province"):
            raise CommandError(_("Không tìm thấy tỉnh/thành phố “%(name)s” trong danh mục 2025.") % {"name": province})
        if options["legacy"]:
            legacy = units.load_units_legacy(province)
            for key in legacy.created:
                result.count(key, legacy.created[key], legacy.existing[key])
        if options["with_front"]:
            fronts = units.create_fronts(province)
            for key in fronts.created:
                result.count(key, fronts.created[key], fronts.existing[key])
        labels = {
            "province": _("tỉnh/thành phố"), "commune": _("xã/phường/đặc khu"),
            "legacy_province": _("tỉnh cũ"), "legacy_district": _("huyện cũ"), "legacy_commune": _("xã cũ"),
            "province_front": _("Ủy ban MTTQ tỉnh"), "commune_front": _("Ủy ban MTTQ xã"),
            "member_organisation": _("tổ chức thành viên xã"),
        }
        for key, created in result.created.items():
            self.stdout.write(_("%(label)s: tạo mới %(created)d, đã có %(existing)d") % {
                "label": labels.get(key, key), "created": created, "existing": result.existing[key]})
        self.stdout.write(_("Tổng số bản ghi tạo mới: %(n)d (%(s).1f giây)") % {
            "n": result.total_created, "s": time.perf_counter() - started})
