"""Demo report templates and reports, with figures like those of the seed texts.

Hữu Lũng (quarterly bloc): Quý I/2022 reported by the Front and four member
organisations, the Đoàn Thanh niên has not submitted; earlier quarters and Quý I/2021
give the chart and the comparison with last year.  Hồng Ngự: year 2022 with
9.365 suất quà, trên 4 tỷ đồng, 126 suất học bổng.  Loading twice changes nothing.
"""

from decimal import Decimal

from giaoban.periods.logic import parse_label
from giaoban.periods.models import Period
from giaoban.reports import totals
from giaoban.reports.models import Indicator, IndicatorValue, PeriodReport, ReportStatus, ReportTemplate

QUARTER_CODES = ["qua-tet-suat", "qua-tet-gia-tri", "hoc-bong-suat", "quy-vnn-van-dong", "quy-vnn-chi",
                 "nha-ddk-xay-moi", "giam-sat-cuoc", "phan-bien-hoi-nghi", "mo-hinh-dvk-moi", "mo-hinh-dvk-hieu-qua",
                 "hoi-vien-moi", "doan-vien-moi", "tuyen-truyen-buoi", "hoa-giai-thanh", "kdc-kieu-mau"]
YEAR_CODES = ["qua-tet-suat", "qua-tet-gia-tri", "hoc-bong-suat", "qua-hoc-sinh", "dien-thoai-tang",
              "quy-vnn-van-dong", "nha-ddk-xay-moi", "mo-hinh-dvk-hieu-qua", "hoi-vien-moi", "doan-vien-moi"]

# Hữu Lũng, Quý I/2022: (body key in ctx, {indicator code: value}, results text)
HUU_LUNG_Q1 = [
    ("front:Hữu Lũng", {"qua-tet-suat": 2150, "qua-tet-gia-tri": 1_075_000_000, "hoc-bong-suat": 48,
                        "quy-vnn-van-dong": 1_250_000_000, "quy-vnn-chi": 860_000_000, "nha-ddk-xay-moi": 12,
                        "giam-sat-cuoc": 6, "phan-bien-hoi-nghi": 2, "mo-hinh-dvk-moi": 3,
                        "mo-hinh-dvk-hieu-qua": 95, "tuyen-truyen-buoi": 42, "hoa-giai-thanh": 37,
                        "kdc-kieu-mau": 4},
     "Tổ chức thăm hỏi, tặng quà Tết cho hộ nghèo, cận nghèo, gia đình chính sách; vận động ủng hộ "
     "Quỹ “Vì người nghèo”; phối hợp tuyên truyền phòng chống dịch COVID-19."),
    ("Hội Nông dân huyện Hữu Lũng", {"qua-tet-suat": 640, "qua-tet-gia-tri": 320_000_000, "hoc-bong-suat": 12,
                                     "giam-sat-cuoc": 2, "mo-hinh-dvk-moi": 2, "mo-hinh-dvk-hieu-qua": 92,
                                     "hoi-vien-moi": 215, "tuyen-truyen-buoi": 18},
     "Vận động hội viên chuyển đổi cơ cấu cây trồng; kết nạp hội viên mới; hỗ trợ vốn sản xuất."),
    ("Hội Liên hiệp Phụ nữ huyện Hữu Lũng", {"qua-tet-suat": 530, "qua-tet-gia-tri": 265_000_000,
                                             "hoc-bong-suat": 20, "giam-sat-cuoc": 1, "mo-hinh-dvk-moi": 1,
                                             "mo-hinh-dvk-hieu-qua": 90, "hoi-vien-moi": 180,
                                             "tuyen-truyen-buoi": 25},
     "Triển khai phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”."),
    ("Hội Cựu chiến binh huyện Hữu Lũng", {"qua-tet-suat": 210, "qua-tet-gia-tri": 105_000_000, "giam-sat-cuoc": 1,
                                           "mo-hinh-dvk-moi": 1, "mo-hinh-dvk-hieu-qua": 93, "hoi-vien-moi": 64,
                                           "tuyen-truyen-buoi": 9},
     "Thăm hỏi hội viên ốm đau; tham gia giữ gìn an ninh trật tự ở khu dân cư."),
    ("Liên đoàn Lao động huyện Hữu Lũng", {"qua-tet-suat": 380, "qua-tet-gia-tri": 190_000_000,
                                           "hoc-bong-suat": 10, "giam-sat-cuoc": 1, "doan-vien-moi": 120,
                                           "mo-hinh-dvk-hieu-qua": 94, "tuyen-truyen-buoi": 11},
     "Chăm lo Tết cho đoàn viên, người lao động có hoàn cảnh khó khăn."),
]
MISSING_IN_HUU_LUNG = "Đoàn Thanh niên huyện Hữu Lũng"
# Earlier quarters: the same bodies, figures scaled, for the chart and last year's comparison.
EARLIER = {"Quý I/2021": Decimal("0.8"), "Quý II/2021": Decimal("0.6"), "Quý III/2021": Decimal("0.5"),
           "Quý IV/2021": Decimal("0.9")}
HONG_NGU_2022 = ("front:Hồng Ngự", {"qua-tet-suat": 9365, "qua-tet-gia-tri": 4_050_000_000, "hoc-bong-suat": 126,
                                    "qua-hoc-sinh": 5863, "dien-thoai-tang": 76, "quy-vnn-van-dong": 3_200_000_000,
                                    "mo-hinh-dvk-hieu-qua": 95},
                 "Phối hợp vận động trao tặng 9.365 suất quà cho hộ nghèo, hộ cận nghèo, tổng kinh phí trên 4 tỷ "
                 "đồng, trao tặng 76 chiếc điện thoại thông minh, 126 suất học bổng, 5.863 suất quà cho học sinh.")
STRENGTHS = "Chủ động phối hợp, hướng mạnh về cơ sở; công tác an sinh xã hội được quan tâm."
LIMITATIONS = "Công tác nắm tình hình tâm tư, nguyện vọng của Nhân dân có lúc chưa kịp thời."
PLAN = "Tiếp tục thực hiện các phong trào thi đua; chuẩn bị tổng kết 6 tháng đầu năm."


def _template(bloc, period_type: str, codes: list[str]) -> ReportTemplate:
    template, _created = ReportTemplate.objects.get_or_create(bloc=bloc, period_type=period_type)
    wanted = set(Indicator.objects.filter(code__in=codes).values_list("pk", flat=True))
    present = set(template.indicators.values_list("pk", flat=True))
    if wanted - present:  # an empty add would still write a history row
        template.indicators.add(*(wanted - present))
    return template


def _report(organization, period: Period, figures: dict, results: str, scale: Decimal = Decimal(1)) -> None:
    report, created = PeriodReport.objects.get_or_create(organization=organization, period=period, defaults={
        "status": ReportStatus.SUBMITTED if scale == 1 else ReportStatus.ACCEPTED, "results": results,
        "strengths": STRENGTHS, "limitations": LIMITATIONS, "plan": PLAN})
    if not created:
        return
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=figures)}
    IndicatorValue.objects.bulk_create([
        IndicatorValue(report=report, indicator=indicators[code],
                       value=value if indicators[code].kind == "percent" else (Decimal(value) * scale).quantize(1))
        for code, value in figures.items() if code in indicators])
    totals.refresh(organization.pk, period.year)  # the values were added in bulk, without the write path's signals


def load(ctx: dict) -> None:
    orgs = ctx["organizations"]
    _template(orgs["bloc:Hữu Lũng"], "quarter", QUARTER_CODES)
    _template(orgs["bloc:Hồng Ngự"], "year", YEAR_CODES)
    _template(orgs["bloc:Hồng Lĩnh"], "half", QUARTER_CODES)
    _template(orgs["bloc:Chợ Đồn"], "quarter", QUARTER_CODES)
    _template(orgs["bloc:Mặt trận các xã Bàu Bàng"], "month", QUARTER_CODES)
    q1 = Period.objects.get_for(parse_label("Quý I/2022"))
    for key, figures, results in HUU_LUNG_Q1:
        _report(orgs[key], q1, figures, results)
        for label, scale in EARLIER.items():
            _report(orgs[key], Period.objects.get_for(parse_label(label)), figures, results, scale)
    youth = orgs[MISSING_IN_HUU_LUNG]
    for label, scale in EARLIER.items():  # it reported before, not this quarter
        _report(youth, Period.objects.get_for(parse_label(label)), {"doan-vien-moi": 90, "tuyen-truyen-buoi": 8},
                "Tổ chức các hoạt động tình nguyện.", scale)
    key, figures, results = HONG_NGU_2022
    _report(orgs[key], Period.objects.get_for(parse_label("Năm 2022")), figures, results)
    ctx["report_period"] = q1
