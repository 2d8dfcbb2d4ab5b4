import pytest

from giaoban.accounts.models import Role
from tests.factories import MembershipFactory, UserFactory
from tests.reports.factories import (
    BlocFactory,
    IndicatorFactory,
    OrganizationFactory,
    PeriodReportFactory,
    ReportTemplateFactory,
    period,
)


@pytest.fixture
def bloc_world(db):
    """A district bloc convened by its Ban Dân vận, with the Front and the Hội Nông dân as members.

    Personas: anonymous, an outsider (editor elsewhere), the Hội Nông dân's editor,
    a reader and an editor of the convening body.
    """
    district = OrganizationFactory(name="Huyện ủy Thử", type="party_committee")
    board = OrganizationFactory(name="Ban Dân vận Huyện ủy Thử", type="mass_mobilisation_board", parent=district)
    front = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện Thử", type="front_committee", parent=district)
    farmers = OrganizationFactory(name="Hội Nông dân huyện Thử", type="farmers_union", parent=front)
    elsewhere = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện Khác", type="front_committee")
    bloc = BlocFactory(name="Khối MTTQ và các đoàn thể huyện Thử", convening=board, members=[board, front, farmers])
    gifts = IndicatorFactory(code="qua-tet", name="Suất quà Tết", unit="suất", kind="count")
    money = IndicatorFactory(code="quy-vnn", name="Quỹ Vì người nghèo", unit="đồng", kind="money")
    share = IndicatorFactory(code="dvk", name="Tỷ lệ mô hình Dân vận khéo hiệu quả", unit="%", kind="percent",
                             tree_aggregation="average", time_aggregation="last")
    template = ReportTemplateFactory(bloc=bloc, period_type="quarter", indicators=[gifts, money, share])
    users = {name: UserFactory(username=name) for name in ("ngoai", "bientap_hnd", "xem_bdv", "bientap_bdv")}
    MembershipFactory(user=users["ngoai"], organization=elsewhere, role=Role.EDITOR)
    MembershipFactory(user=users["bientap_hnd"], organization=farmers, role=Role.EDITOR)
    MembershipFactory(user=users["xem_bdv"], organization=board, role=Role.VIEWER)
    MembershipFactory(user=users["bientap_bdv"], organization=board, role=Role.EDITOR)
    q1 = period("Quý I/2022")
    return {
        "bloc": bloc, "board": board, "front": front, "farmers": farmers, "template": template, "q1": q1,
        "gifts": gifts, "money": money, "share": share,
        "outsider": users["ngoai"], "member_editor": users["bientap_hnd"], "convening_reader": users["xem_bdv"],
        "convening_editor": users["bientap_bdv"],
        "farmers_report": PeriodReportFactory(organization=farmers, period=q1, status="draft", results=""),
        "front_report": PeriodReportFactory(organization=front, period=q1, status="submitted"),
    }
