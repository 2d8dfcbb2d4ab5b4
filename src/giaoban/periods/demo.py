from giaoban.periods.logic import parse_label
from giaoban.periods.models import Period

# The periods the seed texts review and plan.
LABELS = ["Tháng 6/2018", "Tháng 7/2018", "Quý I/2020", "Quý II/2020", "Quý I/2022", "Quý II/2022",
          "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", "Năm 2022", "Năm 2023", "Nhiệm kỳ 2024–2029"]


def load(ctx: dict) -> None:
    ctx["periods"] = {label: Period.objects.get_for(parse_label(label)) for label in LABELS}
