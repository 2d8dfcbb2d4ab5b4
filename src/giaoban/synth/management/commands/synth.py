import time

from django.core.management.base import BaseCommand, CommandError

from giaoban.synth.build import SCALES, SynthError, build


class Command(BaseCommand):
    help = "Tạo dữ liệu mô phỏng (xã, tỉnh hoặc toàn quốc) để đo hiệu năng; cùng seed cho cùng dữ liệu."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scale", choices=SCALES, default="commune")
        parser.add_argument("--years", type=int, default=1, help="Số năm giao ban hằng tháng (kết thúc 11/2026).")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--province", help="Tỉnh/thành phố cho cấp xã, tỉnh (mặc định: Lạng Sơn).")
        parser.add_argument("--password", help="Mật khẩu chung cho các tài khoản mô phỏng (mặc định: không đăng "
                                               "nhập được bằng mật khẩu).")

    def handle(self, *args, **options) -> None:
        if not 1 <= options["years"] <= 10:
            raise CommandError("--years phải từ 1 đến 10.")
        started = time.perf_counter()

        def progress(place: str, result) -> None:
            self.stdout.write(f"{place}: {result.counts.get('directives.Directive', 0):,} chỉ đạo "
                              f"({time.perf_counter() - started:.0f} giây)")

        try:
            result = build(options["scale"], options["years"], options["seed"], province=options["province"],
                           password=options["password"], progress=progress if options["scale"] == "nation" else None)
        except SynthError as error:
            raise CommandError(str(error)) from error
        for key, count in sorted(result.counts.items()):
            self.stdout.write(f"{key}: {count:,}")
        self.stdout.write(f"Xong sau {time.perf_counter() - started:.1f} giây.")
