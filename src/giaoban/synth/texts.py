"""Texts for synthetic records, in the style of the seed conclusions (directives/demo.py).

Every choice goes through the caller's `random.Random`, so a seed gives the same texts.
"""

import random

from giaoban.directives.demo import DIRECTIVES

# The seeds' own directive texts, reused as they are for part of the synthetic ones.
SEED_TEXTS = sorted({row[0] for rows in DIRECTIVES.values() for row in rows})

VERBS = [
    "Tiếp tục đẩy mạnh", "Tăng cường", "Tập trung chỉ đạo", "Rà soát, xây dựng kế hoạch", "Phối hợp tổ chức",
    "Thực hiện có hiệu quả", "Chủ động nắm tình hình và", "Hướng dẫn cơ sở triển khai",
]
TASKS = [
    "công tác tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện chủ trương của Đảng, chính sách, "
    "pháp luật của Nhà nước",
    "cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
    "việc vận động Quỹ “Vì người nghèo”, hỗ trợ xây dựng nhà Đại đoàn kết cho hộ nghèo",
    "công tác giám sát và phản biện xã hội",
    "phong trào thi đua “Dân vận khéo”, nhân rộng các mô hình hiệu quả",
    "việc nắm tình hình tư tưởng, tâm tư, nguyện vọng của Nhân dân, phản ánh kịp thời tới cấp ủy",
    "công tác hòa giải ở cơ sở, giữ gìn an ninh trật tự tại khu dân cư",
    "việc thu gom, phân loại rác thải, bảo vệ môi trường tại khu dân cư",
    "các hoạt động chăm lo Tết cho hộ nghèo, gia đình chính sách",
    "công tác phát triển đoàn viên, hội viên mới",
    "việc lấy ý kiến góp ý của Nhân dân vào dự thảo văn bản",
    "công tác chuyển đổi số trong hoạt động của Mặt trận và các đoàn thể",
]
TAILS = ["", "trên địa bàn {place}", "tại {place}", "trong {period}", "đạt kết quả theo kế hoạch"]

AGENDA = [
    ("report", "Báo cáo kết quả công tác {period}"),
    ("discussion", "Thảo luận, đề xuất nhiệm vụ {next}"),
    ("carried_over", "Việc chưa hoàn thành kỳ trước"),
]
NOTES = [
    "Đã xây dựng kế hoạch, phân công cán bộ phụ trách.",
    "Đã tổ chức hội nghị triển khai tới các chi hội.",
    "Đang phối hợp với các thôn tuyên truyền, vận động Nhân dân.",
    "Đã kiểm tra, đôn đốc tại cơ sở; còn một số thôn chậm tiến độ.",
    "Cơ bản hoàn thành, đang tổng hợp báo cáo kết quả.",
]
CONCLUSION = "Đồng chí chủ trì kết luận hội nghị, giao nhiệm vụ {next} cho các cơ quan, đơn vị trong Khối."
DONE_REASON = "Đã hoàn thành theo kế hoạch."
CANCELLED_REASON = "Không còn phù hợp sau khi sắp xếp đơn vị hành chính."
RESULTS = "Đã triển khai các nhiệm vụ trọng tâm {period}; tổ chức {n} hội nghị tuyên truyền tại khu dân cư."


def directive_text(rng: random.Random, place: str, period: str) -> str:
    """One directive: a seed text now and then, otherwise a verb, a task and sometimes where or when."""
    if rng.random() < 0.25:
        return SEED_TEXTS[rng.randrange(len(SEED_TEXTS))]
    tail = TAILS[rng.randrange(len(TAILS))].format(place=place, period=period)
    return " ".join(part for part in (VERBS[rng.randrange(len(VERBS))], TASKS[rng.randrange(len(TASKS))], tail)
                    if part)
